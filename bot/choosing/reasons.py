"""The sentences a coordinator reads: why each student is where they are, or why they are not.

A placement's reason names the choice it honours, why any higher choice could not be (the
mentor was full with students who fit them better, or lost on the fixed draw, or is not cleared,
…) and what the pair has in common. A student left out gets the cause, the best-fitting mentors
with room, and next steps. Reasons never mention other students by name.
"""

from __future__ import annotations

from bot.choosing.choices import choice_name
from bot.choosing.eligibility import consent_warning, languages_apart, wants_gender
from bot.choosing.fit import Fit, explain_fit
from bot.choosing.hosts import Host
from bot.choosing.profiles import StudentProfile
from bot.choosing.results import Placement, capital, ordinal
from bot.choosing.state import Priority, RoundState


def placement(student: StudentProfile, host: Host, state: RoundState,
              weakest: dict[str, Priority]) -> Placement:
    """The placement of ``student`` with ``host`` and the reason for it."""
    fit = explain_fit(student, host, state.rules)
    rank = state.choices[student.id].rank_of.get(host.key) if student.id in state.by_choice else None
    who = student.display
    if rank is not None:
        head = f"{who}'s {ordinal(rank)} choice."
        missed = [_missed_choice(student, r, state, weakest) for r in _ranks_before(student, rank, state)]
        if missed:
            head += " Why not a higher choice: " + "; ".join(missed) + "."
    else:
        head = f"Proposed by fit, not by choice: {_no_choice_honoured(student, state, weakest)}."
        head += f" The best-fitting mentor with room{_best_note(student, host, state)}"
    reason = f"{head} {capital(fit.text())}."
    return Placement(student.id, rank, fit, reason, _warnings(student, host, state, chose=rank is not None))


def _ranks_before(student: StudentProfile, rank: int, state: RoundState) -> list[int]:
    return [r for r in sorted(state.choices[student.id].chosen) if r < rank]


def _missed_choice(student: StudentProfile, rank: int, state: RoundState,
                   weakest: dict[str, Priority]) -> str:
    """"1st Dana Ortiz (Acme) was full with students who fit closer (fit 8 or more; Maya's 5)"."""
    resolved = state.choices[student.id]
    name = choice_name(resolved.chosen[rank], state.mentors)
    if rank in resolved.dropped:
        return f"{ordinal(rank)} {name}: {resolved.dropped[rank]}"
    key = state.table.host_of[resolved.chosen[rank]]
    if key not in resolved.rank_of or resolved.rank_of[key] != rank:
        return f"{ordinal(rank)} {name}: the same team as a higher choice"
    mine, last = state.priority(student.id, key), weakest.get(key)
    assert last is not None and mine < last, "a stable proposal turns a student away only when full"
    if mine[0] < last[0]:
        return (f"{ordinal(rank)} {name} was full with students who fit closer (fit {last[0]} or more; "
                f"{student.display}'s {mine[0]})")
    return (f"{ordinal(rank)} {name} was full; the last place went by the fixed draw among students with "
            f"the same fit ({mine[0]})")


def _no_choice_honoured(student: StudentProfile, state: RoundState, weakest: dict[str, Priority]) -> str:
    resolved = state.choices[student.id]
    if not resolved.chosen:
        return f"{student.display} named no mentors"
    missed = [_missed_choice(student, r, state, weakest) for r in sorted(resolved.chosen)]
    return "none of " + f"{student.display}'s choices could be honoured (" + "; ".join(missed) + ")"


def _best_note(student: StudentProfile, host: Host, state: RoundState) -> str:
    best = state.best_by_fit.get(student.id)
    if best is None or best == host.key:
        return "."
    better, points = state.table.hosts[best], state.points(student.id, best)
    how = "better" if points > state.points(student.id, host.key) else "as well"
    return (f" still free ({better.display} fits {how}, fit {points}, but its places went to students who "
            "fit it at least as well).")


def _warnings(student: StudentProfile, host: Host, state: RoundState, *, chose: bool) -> tuple[str, ...]:
    out = []
    consent = consent_warning(student, state.rules)
    if consent:
        out.append(consent)
    if languages_apart(student, host.languages):
        out.append(f"{student.display} ({', '.join(sorted(student.languages))}) and {host.display} "
                   f"({', '.join(sorted(host.languages))}) list no language in common")
    wanted = wants_gender(student, state.rules)
    if chose and wanted is not None and wanted not in host.genders:
        out.append(f"{student.display} asked for a {wanted} mentor; {host.display} was their own choice")
    return tuple(out)


def not_proposed(student: StudentProfile, state: RoundState, weakest: dict[str, Priority],
                 room: dict[str, int]) -> str:
    """Why an eligible student got no proposal at all (their choices, then why not by fit)."""
    head = capital(_no_choice_honoured(student, state, weakest))
    rules = state.rules
    if not rules.propose_by_fit:
        return f"{head}; proposing by fit is turned off for this program"
    if not any(room.values()):
        return f"{head}; no mentor has a place left"
    if rules.fit_needs_shared_interest and not student.interests:
        return (f"{head}; {student.display} listed no career interests, and proposals by fit need one "
                "in common")
    if rules.fit_needs_shared_interest:
        listed = ", ".join(sorted(student.interests))
        return (f"{head}; no mentor with room shares a career interest with {student.display} ({listed}) "
                "and meets the program's rules for them")
    return f"{head}; no mentor with room meets the program's rules for {student.display}"


def suggestion_reason(fit: Fit, host: Host, open_seats: int) -> str:
    return f"{host.display}: {fit.text()}; {open_seats} place{'s' * (open_seats != 1)} open"
