"""Turning a host's proposed students into matches that fit a mentoring model's ratio.

The host's models are tried in the mentor's order: the first that can hold all its students in
no more matches than the mentor offered wins, with as few matches as possible and the students
spread evenly (a small-group mentor with five students gets groups of 3 and 2). Students are
grouped by grade, then pathway, so a group is not a 9th grader with three seniors. When no
offered model fits (one student for a small-group-only mentor), another allowed model is tried
and the match says so; if none fits, the match is proposed below the model's minimum and says
what to do. Maxima are never exceeded: the host's seats were sized so they cannot be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.choosing.fit import draw
from bot.choosing.hosts import TEAM_PREFIX, Host
from bot.choosing.profiles import ProgramRules, StudentProfile
from bot.choosing.ratios import SHARED_MODELS, SOLO_MODELS, ModelRule, rule_for


@dataclass(frozen=True, slots=True)
class Group:
    """One match to propose: its model, its students and anything the coordinator should check."""

    model: str
    students: tuple[StudentProfile, ...]
    warnings: tuple[str, ...] = ()


def form_groups(host: Host, students: Sequence[StudentProfile], rules: ProgramRules) -> list[Group]:
    ordered = sorted(students, key=lambda s: (s.grade, s.pathway, draw(rules.draw_seed, s.id, host.key)))
    count, adults = len(ordered), len(host.mentors)
    for model in host.models:
        groups = _group_count(rule_for(model, rules.max_group_size), count, adults, host.groups)
        if groups:
            return _split(model, ordered, groups, ())
    family = SHARED_MODELS if host.key.startswith(TEAM_PREFIX) else SOLO_MODELS
    for model in (m for m in rules.models if m in family and m not in host.models):
        rule = rule_for(model, rules.max_group_size)
        groups = _group_count(rule, count, adults, host.groups)
        if groups:
            offered = " or ".join(model_label(m, rules) for m in host.models)
            verb = "was" if count == 1 else "were"
            note = (f"{host.display} offered {offered}, but {_students(count)} {verb} proposed, so this is "
                    f"proposed as {rule.label}: check with the mentor before confirming")
            return _split(model, ordered, groups, (note,))
    return _below_minimum(host, ordered, rules)


def _group_count(rule: ModelRule, students: int, adults: int, most: int) -> int | None:
    """The fewest matches of ``rule`` holding ``students`` within its ratio, if ``most`` allow it."""
    if students == 0 or not rule.takes_mentors(adults):
        return None
    low, high = rule.students_for(adults)
    fewest = -(-students // high)
    return fewest if fewest <= min(most, students // low) else None


def _split(model: str, ordered: Sequence[StudentProfile], groups: int,
           warnings: tuple[str, ...]) -> list[Group]:
    size, extra = divmod(len(ordered), groups)
    out: list[Group] = []
    start = 0
    for index in range(groups):
        end = start + size + (1 if index < extra else 0)
        out.append(Group(model, tuple(ordered[start:end]), warnings))
        start = end
    return out


def _below_minimum(host: Host, ordered: Sequence[StudentProfile], rules: ProgramRules) -> list[Group]:
    adults = len(host.mentors)

    def seats(model: str) -> int:
        return rule_for(model, rules.max_group_size).students_for(adults)[1]

    model = max(host.models, key=seats)  # the model the host's seats were sized by (first on ties)
    rule = rule_for(model, rules.max_group_size)
    low, high = rule.students_for(adults)
    groups = max(1, -(-len(ordered) // high))
    note = (f"only {_students(len(ordered))} for {host.display}'s {rule.label} ({low}–{high} students per "
            f"group): add {low * groups - len(ordered)} more or change the model before confirming")
    return _split(model, ordered, groups, (note,))


def _students(count: int) -> str:
    return f"{count} student{'s' * (count != 1)}"


def model_label(model: str, rules: ProgramRules) -> str:
    return rule_for(model, rules.max_group_size).label
