"""The matching step plans with the same ratios the roster check enforces at confirmation."""

from __future__ import annotations

import pytest

from bot.choosing import MODEL_RULES
from bot.roster.rules import check_roster
from bot.roster.schema import Roster, RosterMatch, RosterPerson, RosterProgram


def _ratio_problems(model: str, mentors: int, students: int) -> list[str]:
    people = [RosterPerson("coord", "Coordinator", "coordinator", 1)]
    people += [RosterPerson(f"m{n}", f"Mentor {n}", "mentor", 2 + n) for n in range(mentors)]
    people += [RosterPerson(f"s{n}", f"Student {n}", "student", 20 + n, grade=10) for n in range(students)]
    match = RosterMatch("x", model, "proposed", 100, coordinator="coord",
                        mentors=[f"m{n}" for n in range(mentors)],
                        students=[f"s{n}" for n in range(students)],
                        member_lines={p.id: p.line for p in people})
    roster = Roster(RosterProgram("p", "Program", "America/New_York", 1), people, [match])
    return [p.message for p in check_roster(roster) if f"is {model} but has" in p.message]


@pytest.mark.parametrize("model", sorted(MODEL_RULES))
def test_every_ratio_agrees_with_the_roster_check(model: str) -> None:
    rule = MODEL_RULES[model]
    for mentors in range(1, 4):
        for students in range(0, 14):
            accepted = not _ratio_problems(model, mentors, students)
            assert rule.allows(mentors, students) == accepted, (model, mentors, students)


def test_the_guides_numbers() -> None:
    assert MODEL_RULES["one-to-one"].students_for(1) == (1, 1)
    assert MODEL_RULES["small-group"].students_for(1) == (2, 4)
    assert MODEL_RULES["team"].students_for(3) == (1, 12)  # no more than 1:4
    assert MODEL_RULES["large-group"].students_for(2) == (7, 10)
    assert not MODEL_RULES["large-group"].takes_mentors(3)
