"""The checks of one topic-calendar row (dates, skill, prompt, grades) and of rows that overlap.

Every problem is collected with its line, so a teacher fixes the whole file in one go.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from bot.filecheck import LineProblem

SKILLS = (
    "communication",
    "teamwork",
    "problem solving",
    "critical thinking",
    "creativity",
    "time management",
    "professionalism",
    "leadership",
    "adaptability",
    "presentation",
    "networking",
    "self-management",
    "technology use",
    "information use",
    "career planning",
)
COLUMNS = ("week", "start", "end", "course", "topic", "skill", "prompt", "follow_up", "grades", "skip",
           "reflection")
ALIASES = {
    "follow-up": "follow_up",
    "followup": "follow_up",
    "follow up": "follow_up",
    "grade": "grades",
    "from": "start",
    "to": "end",
    "start_date": "start",
    "end_date": "end",
    "date": "week",
}
PLACEHOLDERS = ("mentor", "mentors", "students", "student", "everyone")
GRADES = range(6, 15)  # P-TECH runs grades 9 to 14; middle-school programs start earlier
MAX_PROMPT = 1200
NO = {"", "no", "n", "false", "0"}


CalendarProblem = LineProblem


CalendarProblem = LineProblem


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One validated calendar row."""

    line: int
    start: date
    end: date
    course: str = ""
    topic: str = ""
    skill: str = ""
    prompt: str = ""
    follow_up: str | None = None
    grades: tuple[int, ...] = ()  # () = every grade
    skip: str | None = None  # the reason, when this week has no prompt
    reflection: str | None = None  # the students' reflection question for the week (issue 14)


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if value is None or value is False:
        return ""
    return str(value).strip()


def check_row(values: dict[str, Any], line: int, problems: list[CalendarProblem]) -> TopicRow | None:
    """One calendar row (column name -> cell) as a ``TopicRow``, or None after adding its problems."""
    before = len(problems)
    start, end = _dates(values, line, problems)
    skip = _skip(values.get("skip"))
    skill = _text(values, "skill").lower()
    prompt = _text(values, "prompt")
    follow_up = _text(values, "follow_up") or None
    reflection = _text(values, "reflection") or None
    _check_texts(values, line, problems, skip=skip, skill=skill, prompt=prompt, follow_up=follow_up,
                 reflection=reflection)
    grades = _grades(values.get("grades"), line, problems)
    if len(problems) > before or start is None or end is None:
        return None
    return TopicRow(
        line=line,
        start=start,
        end=end,
        course=_text(values, "course"),
        topic=_text(values, "topic"),
        skill=skill,
        prompt=prompt,
        follow_up=follow_up,
        grades=grades,
        skip=skip,
        reflection=None if skip else reflection,
    )


def _skip(value: Any) -> str | None:
    """The reason this week has no prompt ("skipped" for a plain yes), or None."""
    if value is True or (isinstance(value, str) and value.strip().lower() not in NO):
        if value is True or value.strip().lower() in ("yes", "y", "true", "1", "x"):
            return "skipped"
        return value.strip()
    return None


def _check_texts(values: dict[str, Any], line: int, problems: list[CalendarProblem], *, skip: str | None,
                 skill: str, prompt: str, follow_up: str | None, reflection: str | None = None) -> None:
    """The topic, skill, prompt, follow-up and reflection of a week; placeholders and lengths."""
    if skip is None:
        if not prompt:
            problems.append(
                CalendarProblem(
                    line,
                    "this week has no prompt: write the question for the pair, "
                    "or put a reason in 'skip' (e.g. 'Thanksgiving')",
                )
            )
        if not _text(values, "topic"):
            problems.append(CalendarProblem(line, "this week has no topic: what is the class studying?"))
        if not skill:
            problems.append(CalendarProblem(line, "this week has no skill; use one of: " + ", ".join(SKILLS)))
    if skill and skill not in SKILLS:
        problems.append(
            CalendarProblem(
                line, f"'{skill}' is not one of the professional skills; {suggest(skill, SKILLS)}"
            )
        )
    for label, text in (("prompt", prompt), ("follow-up", follow_up or ""), ("reflection", reflection or "")):
        if len(text) > MAX_PROMPT:
            problems.append(
                CalendarProblem(
                    line,
                    f"the {label} is {len(text)} characters; keep it under "
                    f"{MAX_PROMPT} so it reads well in a chat",
                )
            )
        for name in re.findall(r"\{([^{}]*)\}", text):
            if name not in PLACEHOLDERS:
                problems.append(
                    CalendarProblem(
                        line,
                        f"'{{{name}}}' in the {label} is not a name I can fill "
                        "in; use {mentor}, {students} or {everyone}",
                    )
                )


def _dates(
    values: dict[str, Any], line: int, problems: list[CalendarProblem]
) -> tuple[date | None, date | None]:
    before = len(problems)
    week = _date(values.get("week"), "week", line, problems)
    start = _date(values.get("start"), "start", line, problems)
    end = _date(values.get("end"), "end", line, problems)
    if week is not None:
        if start or end:
            problems.append(CalendarProblem(line, "give either 'week' or 'start' and 'end', not both"))
            return None, None
        monday = week - timedelta(days=week.weekday())
        return monday, monday + timedelta(days=6)
    if start is None and end is None:
        if len(problems) == before:
            problems.append(
                CalendarProblem(
                    line,
                    "this row has no date: fill in 'week' (any day of that week, "
                    "YYYY-MM-DD) or 'start' and 'end'",
                )
            )
        return None, None
    if start is None or end is None:
        problems.append(
            CalendarProblem(
                line,
                f"'{'start' if start else 'end'}' is given but '{'end' if start else 'start'}' is missing",
            )
        )
        return None, None
    if end < start:
        problems.append(CalendarProblem(line, f"'end' ({end}) is before 'start' ({start})"))
        return None, None
    return start, end


def _date(value: Any, name: str, line: int, problems: list[CalendarProblem]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(
        CalendarProblem(
            line,
            f"'{name}' is '{text}', which is not a date; write it as "
            "YYYY-MM-DD, e.g. 2026-10-05 (or MM/DD/YYYY)",
        )
    )
    return None


def _grades(value: Any, line: int, problems: list[CalendarProblem]) -> tuple[int, ...]:
    if value is None or str(value).strip() == "":
        return ()
    found: set[int] = set()
    for part in re.split(r"[,;/ ]+", str(value).strip()):
        if not part:
            continue
        low, dash, high = part.partition("-")
        try:
            numbers = range(int(low), int(high) + 1) if dash else [int(low)]
        except ValueError:
            problems.append(
                CalendarProblem(
                    line, f"grade '{part}' is not a number; write grades like '9', '9,10' or '9-10'"
                )
            )
            continue
        for grade in numbers:
            if grade not in GRADES:
                problems.append(
                    CalendarProblem(line, f"grade {grade} is outside {GRADES.start}-{GRADES.stop - 1}")
                )
            else:
                found.add(grade)
    return tuple(sorted(found))


def check_overlaps(rows: list[TopicRow], problems: list[CalendarProblem]) -> None:
    """Two topic rows that both cover the whole school week for the same grade are ambiguous."""
    seen: dict[tuple[date, int | None], TopicRow] = {}
    for row in rows:
        if row.skip:
            continue
        monday = row.start - timedelta(days=row.start.weekday())
        while monday <= row.end:
            if row.start <= monday and row.end >= monday + timedelta(days=4):
                for grade in row.grades or (None,):
                    other = seen.get((monday, grade)) or (seen.get((monday, None)) if grade else None)
                    if other is None and grade is None:
                        other = next((r for (m, g), r in seen.items() if m == monday), None)
                    if other is not None:
                        who = f"grade {grade}" if grade else "every grade"
                        problems.append(
                            CalendarProblem(
                                row.line,
                                f"the week of {monday} already has a topic "
                                f"for {who} (line {other.line}); keep one",
                            )
                        )
                        break
                    seen[(monday, grade)] = row
            monday += timedelta(days=7)


def suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(options)
