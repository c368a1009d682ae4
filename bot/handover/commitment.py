"""How long a match is committed for: "a minimum of one year", ideally "through to the mentee's
graduation" (the P-TECH employer tip sheet). Pure date arithmetic, no database.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

SCHOOL_YEAR_ENDS = (6, 30)  # month, day: the end of a New York school year


@dataclass(frozen=True, slots=True)
class CommitmentRule:
    """The program's commitment settings (the roster's 'commitment:' block)."""

    months: int = 12
    to_graduation: bool = False
    final_grade: int = 14  # P-TECH runs grades 9-14


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def graduation(started: date, grade: int, final_grade: int) -> date:
    """The end of the school year in which a student now in ``grade`` finishes ``final_grade``."""
    month, day = SCHOOL_YEAR_ENDS
    this_year_ends = started.year + (1 if (started.month, started.day) > (month, day) else 0)
    return date(this_year_ends + max(0, final_grade - grade), month, day)


def committed_until(
    started: date, rule: CommitmentRule, student_grades: Iterable[int | None] = ()
) -> tuple[date, str]:
    """The end of the committed time and its basis: at least ``months``; with ``to_graduation``,
    until the first of the match's students graduates, if that is later."""
    year_end = add_months(started, rule.months)
    grades = [g for g in student_grades if g is not None]
    if rule.to_graduation and grades:
        first = min(graduation(started, g, rule.final_grade) for g in grades)
        if first > year_end:
            return first, "graduation"
    return year_end, "year"
