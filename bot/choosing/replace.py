"""Suggesting a replacement when a mentor leaves (issue 14, item 5: commitment and hand-over).

The guide asks a departing mentor to give notice and "try and recruit someone else to step into
the Career Mentoring role"; the coordinator picks the replacement. The suggestions come from the
choosing data: mentors the students themselves chose earlier come first (by how high they ranked
them), then the best fit, under the same rules as any proposal — cleared, trained, a place open,
a model whose ratio takes the whole match, the grades the mentor takes, a gender preference the
program reads, a language in common. A colleague of the departing mentor is pointed out, since
continuity at the same employer is what the guide hopes for. Mentors in a team are not suggested
alone: a team's place is changed with the team.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.choosing.byfit import fit_allows
from bot.choosing.eligibility import mentor_block, student_block
from bot.choosing.fit import Fit, draw, explain_fit
from bot.choosing.hosts import Host, solo_host
from bot.choosing.profiles import MentorProfile, ProgramRules, StudentProfile, validate
from bot.choosing.ratios import SOLO_MODELS, rule_for
from bot.choosing.results import ordinal


@dataclass(frozen=True, slots=True)
class ReplacementCandidate:
    """A mentor who could take over the match, and why they are suggested."""

    mentor_id: str
    model: str  # the model the match would continue as with this mentor
    fits: tuple[Fit, ...]  # one per student, in the order the students were given
    chosen_by: tuple[tuple[str, int], ...]  # (student id, the rank they gave this mentor)
    places_open: int  # matches the mentor can still start
    reason: str

    @property
    def points(self) -> int:
        return sum(f.points for f in self.fits)


def suggest_replacements(students: Sequence[StudentProfile], departing_mentor_id: str,
                         mentors: Sequence[MentorProfile], rules: ProgramRules, *,
                         limit: int = 5) -> tuple[ReplacementCandidate, ...]:
    """Ranked candidates to take over the match of ``students`` from the departing mentor.

    ``students`` are the match's students (one for one-to-one) with their choices from the
    choosing round; ``mentors`` are the program's mentors as they are now (current matches
    counted, so a full mentor is not suggested). Raises ChoosingInputError on unusable input.
    """
    validate(students, mentors, rules)
    if not students:
        return ()
    departing = next((m for m in mentors if m.id == departing_mentor_id), None)
    ranked = []
    for mentor in mentors:
        if mentor.id == departing_mentor_id or mentor.team is not None or mentor_block(mentor, rules):
            continue
        host = solo_host(mentor, rules)
        model = _model_for(host, len(students), rules) if host is not None else None
        if host is None or model is None or not all(fit_allows(s, host, rules) for s in students):
            continue
        chosen_by = tuple((s.id, s.choices.index(mentor.id) + 1) for s in students if mentor.id in s.choices)
        fits = tuple(explain_fit(s, host, rules) for s in students)
        reason = _reason(students, host, model, fits, chosen_by, departing, rules)
        candidate = ReplacementCandidate(mentor.id, model, fits, chosen_by, mentor.open_matches, reason)
        weight = sum(rules.max_choices + 1 - rank for _, rank in chosen_by)
        ranked.append(((-weight, -candidate.points, -draw(rules.draw_seed, students[0].id, mentor.id),
                        mentor.id), candidate))
    ranked.sort(key=lambda pair: pair[0])
    return tuple(candidate for _, candidate in ranked[:limit])


def _model_for(host: Host, count: int, rules: ProgramRules) -> str | None:
    """The mentor's first offered model whose ratio takes the whole match with one adult; if the
    match is too small for every model they offer (one student for a small-group mentor), a smaller
    model the program allows, and the reason asks to check with them. Never a bigger one."""
    offered = [m for m in host.models if rule_for(m, rules.max_group_size).allows(1, count)]
    if offered:
        return offered[0]
    too_few = all(count < rule_for(m, rules.max_group_size).min_students for m in host.models)
    others = [m for m in rules.models if m in SOLO_MODELS and m not in host.models
              and rule_for(m, rules.max_group_size).allows(1, count)]
    return others[0] if too_few and others else None


def _reason(students: Sequence[StudentProfile], host: Host, model: str, fits: tuple[Fit, ...],
            chosen_by: tuple[tuple[str, int], ...], departing: MentorProfile | None,
            rules: ProgramRules) -> str:
    names = {s.id: s.display for s in students}
    parts = []
    if len(students) == 1:
        if chosen_by:
            parts.append(f"{names[chosen_by[0][0]]}'s {ordinal(chosen_by[0][1])} choice when choosing")
        parts.append(fits[0].text())
    else:
        if chosen_by:
            who = ", ".join(f"{names[sid]} {ordinal(rank)}" for sid, rank in chosen_by)
            parts.append(f"chosen earlier by {len(chosen_by)} of the {len(students)} students ({who})")
        each = ", ".join(f"{names[s.id]} {f.points}" for s, f in zip(students, fits, strict=True))
        parts.append(f"fit {each}")
    mentor = host.mentors[0]
    label = rule_for(model, rules.max_group_size).label
    parts.append(f"{mentor.open_matches} place{'s' * (mentor.open_matches != 1)} open; continues as {label}")
    if model not in host.models:
        offered = " or ".join(rule_for(m, rules.max_group_size).label for m in host.models)
        parts.append(f"{mentor.display} offered {offered}: check with them first")
    if departing is not None and departing.employer and departing.employer == mentor.employer:
        parts.append(f"same employer as {departing.display} ({mentor.employer})")
    for student in students:
        block = student_block(student, rules)
        if block is not None:
            parts.append(f"note: {block.text}, so the match will be held until that is fixed")
    return f"{host.display}: " + "; ".join(parts)
