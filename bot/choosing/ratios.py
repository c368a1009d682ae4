"""The mentoring models' ratios, as numbers the matching step can plan with.

The numbers are the ones ``bot/roster/rules.py`` (``_check_ratio``) enforces when a coordinator
confirms a match, taken from the P-TECH Career Mentoring Guide and the NYC CTE fact sheet:
traditional one-to-one; small group one adult to 2–4 students; team at least two adults and no
more than four students per adult; large group one or two adults to 7–10 students. They are
written out here rather than imported because roster/rules.py keeps them inside its checks;
``tests/choosing/test_ratios.py`` runs both side by side so they cannot drift apart.
Peer mentoring (older students) is arranged by hand and is not proposed by this step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

ONE_TO_ONE = "one-to-one"
SMALL_GROUP = "small-group"
TEAM = "team"
LARGE_GROUP = "large-group"
PEER = "peer"
CHOOSABLE_MODELS = (ONE_TO_ONE, SMALL_GROUP, TEAM, LARGE_GROUP)
SOLO_MODELS = (ONE_TO_ONE, SMALL_GROUP, LARGE_GROUP)  # models one adult can run alone
SHARED_MODELS = (TEAM, LARGE_GROUP)  # models several adults run together (a team id)


@dataclass(frozen=True, slots=True)
class ModelRule:
    """How many adults and students one match of a model may have."""

    model: str
    label: str
    min_mentors: int
    max_mentors: int | None  # None: no upper bound (team)
    min_students: int
    max_students: int  # per match; for a team, per mentor (see students_for)
    per_mentor: bool = False  # max_students counts per adult (team: no more than 1:4)

    def students_for(self, mentors: int) -> tuple[int, int]:
        """The smallest and largest number of students one match with ``mentors`` adults may have."""
        most = self.max_students * mentors if self.per_mentor else self.max_students
        return self.min_students, most

    def takes_mentors(self, mentors: int) -> bool:
        return mentors >= self.min_mentors and (self.max_mentors is None or mentors <= self.max_mentors)

    def allows(self, mentors: int, students: int) -> bool:
        """True when a match of ``mentors`` adults and ``students`` students is within the ratio."""
        low, high = self.students_for(mentors)
        return self.takes_mentors(mentors) and low <= students <= high


MODEL_RULES: Mapping[str, ModelRule] = {
    ONE_TO_ONE: ModelRule(ONE_TO_ONE, "one-to-one", 1, 1, 1, 1),
    SMALL_GROUP: ModelRule(SMALL_GROUP, "small group", 1, 1, 2, 4),
    TEAM: ModelRule(TEAM, "team", 2, None, 1, 4, per_mentor=True),
    LARGE_GROUP: ModelRule(LARGE_GROUP, "large group", 1, 2, 7, 10),
}


def rule_for(model: str, caps: Mapping[str, int]) -> ModelRule:
    """The guide's rule for ``model``, narrowed by a program's stricter cap (validated earlier)."""
    rule = MODEL_RULES[model]
    cap = caps.get(model)
    return rule if cap is None else replace(rule, max_students=cap)


def cap_problem(model: str, cap: object) -> str | None:
    """Why a program's cap for ``model`` cannot be used, or None. Programs may be stricter, never looser."""
    rule = MODEL_RULES.get(model)
    if rule is None:
        return f"max_group_size names '{model}', which is not one of {', '.join(CHOOSABLE_MODELS)}"
    if isinstance(cap, bool) or not isinstance(cap, int):
        return f"max_group_size for {model} must be a whole number, not {cap!r}"
    unit = " per adult" if rule.per_mentor else ""
    if cap > rule.max_students:
        return (f"max_group_size for {model} is {cap}, above the guide's {rule.max_students} "
                f"students{unit}; a program may be stricter than the guide, never looser")
    if cap < rule.min_students:
        return f"max_group_size for {model} is {cap}, below the model's minimum of {rule.min_students}"
    return None
