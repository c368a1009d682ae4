"""Proposing matches for a round of choosing: gates, choices, fit, groups, reasons, figures.

1. Gates: students without a valid permission form (or outside the program's grades) and
   mentors not cleared, not trained or without places are set aside, each with the reason.
2. Choices: students' ranked choices go through students-proposing deferred acceptance
   (``deferred.py``); each mentor (or team) holds the best-fitting students up to their seats.
3. Fit: students none of whose choices can be honoured are proposed to the best-fitting mentor
   with room (``byfit.py``), marked as such.
4. Groups: each mentor's students become matches within the model's ratio (``groups.py``).
5. Reasons and figures for the coordinator, who confirms (or not) each match.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from bot.choosing.byfit import place_by_fit, suggest_hosts
from bot.choosing.choices import resolve_choices
from bot.choosing.deferred import deferred_acceptance
from bot.choosing.eligibility import CONSENT_EXPIRED, GRADE_OUTSIDE_PROGRAM, NO_CONSENT, Block, student_block
from bot.choosing.fit import explain_fit
from bot.choosing.groups import form_groups
from bot.choosing.hosts import build_hosts
from bot.choosing.profiles import MentorProfile, ProgramRules, StudentProfile, validate
from bot.choosing.reasons import not_proposed, placement, suggestion_reason
from bot.choosing.results import (
    LeftOutMentor,
    Places,
    Proposal,
    ProposedMatch,
    Suggestion,
    Summary,
    Unmatched,
    capital,
    ordinal,
)
from bot.choosing.state import Priority, RoundState

CHOICES_NOT_HONOURED = "choices-not-honoured"
NO_CHOICES = "no-choices"

_BLOCKED_STEPS = {
    NO_CONSENT: "record {who}'s signed permission form (e.g. the WBL travel and media consent form), "
                "then propose again",
    CONSENT_EXPIRED: "ask {who}'s guardian to renew the permission form, then propose again",
    GRADE_OUTSIDE_PROGRAM: "check {who}'s grade on the roster, or the grades the program takes",
}


def propose_matches(students: Sequence[StudentProfile], mentors: Sequence[MentorProfile],
                    rules: ProgramRules) -> Proposal:
    """Propose matches that honour students' choices within the program's rules. Deterministic.

    Raises ChoosingInputError (with every problem listed) when the input cannot be matched as given.
    """
    validate(students, mentors, rules)
    table = build_hosts(mentors, rules)
    state = RoundState(rules, {s.id: s for s in students}, {m.id: m for m in mentors}, table)
    blocked = {s.id: b for s in students if (b := student_block(s, rules)) is not None}
    eligible = sorted((s for s in students if s.id not in blocked), key=lambda s: s.id)
    for student in eligible:
        state.choices[student.id] = resolve_choices(student, table, state.mentors)
    seats = {key: host.seats for key, host in table.hosts.items()}
    state.by_choice = deferred_acceptance({sid: c.hosts for sid, c in state.choices.items()}, seats,
                                          state.priority)
    room = _room(seats, state.by_choice)
    weakest = _weakest(state)
    if rules.propose_by_fit:
        place_by_fit([s for s in eligible if s.id not in state.by_choice], room, state)
    matches = _matches(state, weakest)
    unmatched = _unmatched(students, blocked, state, weakest, room)
    places = tuple(Places(key, host.mentor_ids, host.seats, host.seats - room[key])
                   for key, host in sorted(table.hosts.items()))
    left_out = tuple(LeftOutMentor(mid, b.code, b.text) for mid, b in sorted(table.left_out.items()))
    summary = _summary(students, state, matches, unmatched, places)
    return Proposal(matches, unmatched, left_out, places, summary)


def _room(seats: dict[str, int], placed: dict[str, str]) -> dict[str, int]:
    used = Counter(placed.values())
    return {key: seats[key] - used[key] for key in sorted(seats)}


def _weakest(state: RoundState) -> dict[str, Priority]:
    """Each host's weakest student held by choice: the bar a turned-away student did not reach."""
    out: dict[str, Priority] = {}
    for student_id, key in state.by_choice.items():
        priority = state.priority(student_id, key)
        if key not in out or priority < out[key]:
            out[key] = priority
    return out


def _matches(state: RoundState, weakest: dict[str, Priority]) -> tuple[ProposedMatch, ...]:
    by_host: dict[str, list[StudentProfile]] = defaultdict(list)
    for student_id, key in sorted(state.placed().items()):
        by_host[key].append(state.students[student_id])
    out: list[ProposedMatch] = []
    for key in sorted(by_host):
        host = state.table.hosts[key]
        for number, group in enumerate(form_groups(host, by_host[key], state.rules), start=1):
            members = sorted(group.students, key=lambda s: s.id)
            placements = tuple(placement(s, host, state, weakest) for s in members)
            out.append(ProposedMatch(f"{key}/{number}", group.model, host.mentor_ids, placements,
                                     group.warnings))
    return tuple(out)


def _unmatched(students: Sequence[StudentProfile], blocked: dict[str, Block], state: RoundState,
               weakest: dict[str, Priority], room: dict[str, int]) -> tuple[Unmatched, ...]:
    placed = state.placed()
    out: list[Unmatched] = []
    for student in sorted(students, key=lambda s: s.id):
        who = student.display
        block = blocked.get(student.id)
        if block is not None:
            out.append(Unmatched(student.id, block.code, capital(block.text) + ".",
                                 next_steps=(capital(_BLOCKED_STEPS[block.code].format(who=who)),)))
        elif student.id not in placed:
            code = CHOICES_NOT_HONOURED if state.choices[student.id].chosen else NO_CHOICES
            suggestions = _suggestions(student, state, room)
            out.append(Unmatched(student.id, code, not_proposed(student, state, weakest, room) + ".",
                                 suggestions, _next_steps(student, state, suggestions)))
    return tuple(out)


def _suggestions(student: StudentProfile, state: RoundState, room: dict[str, int]) -> tuple[Suggestion, ...]:
    out = []
    for key in suggest_hosts(student, room, state):
        host = state.table.hosts[key]
        fit = explain_fit(student, host, state.rules)
        out.append(Suggestion(host.mentor_ids, fit, room[key], suggestion_reason(fit, host, room[key])))
    return tuple(out)


def _next_steps(student: StudentProfile, state: RoundState,
                suggestions: tuple[Suggestion, ...]) -> tuple[str, ...]:
    who = student.display
    steps = []
    if suggestions:
        steps.append(f"Place {who} by hand with one of the suggested mentors, or ask {who} to choose again "
                     "among mentors with room")
    resolved = state.choices[student.id]
    full = [r for r in sorted(resolved.chosen) if r not in resolved.dropped
            and resolved.rank_of.get(state.table.host_of.get(resolved.chosen[r], "")) == r]
    if full:
        mentor = state.mentors[resolved.chosen[full[0]]]
        steps.append(f"Ask {mentor.display}, {who}'s {ordinal(full[0])} choice, whether they can take one "
                     "more (raise their capacity) and propose again")
    if student.interests and not any(s.fit.shared_interests for s in suggestions):
        steps.append(f"Recruit a mentor in {', '.join(sorted(student.interests))}")
    if not steps:
        steps.append(f"Ask {who} to add career interests and choices, then propose again")
    return tuple(steps)


def _summary(students: Sequence[StudentProfile], state: RoundState, matches: tuple[ProposedMatch, ...],
             unmatched: tuple[Unmatched, ...], places: tuple[Places, ...]) -> Summary:
    ranks = Counter(p.choice_rank for m in matches for p in m.placements)
    most = max(state.rules.max_choices, max((r for r in ranks if r is not None), default=0))
    codes = Counter(u.code for u in unmatched)
    return Summary(
        students=len(students),
        with_choices=sum(1 for s in students if s.choices),
        by_rank=tuple(ranks.get(r, 0) for r in range(1, most + 1)),
        by_fit=ranks.get(None, 0),
        unmatched=len(unmatched),
        unmatched_by_code=tuple(sorted(codes.items())),
        matches=len(matches),
        mentors_proposed=len({mid for m in matches for mid in m.mentor_ids}),
        places_open=sum(p.open for p in places),
    )
