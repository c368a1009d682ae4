"""Read a teacher's topic calendar (CSV or YAML), collecting every problem with its line number.

One row is a week (``week: 2026-10-05``, any day of that week) or a date range (``start`` and
``end``), with the course, the classroom topic, the professional skill it practises, the prompt for
the pair, an optional follow-up question and optional grades. A row with ``skip`` (a reason such as
"Thanksgiving" or "Regents exams") means no prompt that week.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.filecheck import FileProblems, LineProblem
from bot.roster.schema import Node, parse_yaml

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
COLUMNS = ("week", "start", "end", "course", "topic", "skill", "prompt", "follow_up", "grades", "skip")
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


class CalendarError(FileProblems):
    """The topic file has problems; nothing was written. ``problems`` lists all of them."""


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


@dataclass(frozen=True, slots=True)
class Calendar:
    rows: list[TopicRow]
    program: str | None = None  # YAML files may name their program
    name: str = ""


def load_calendar(path: str | Path) -> Calendar:
    """Parse and validate a CSV or YAML topic file; raise ``CalendarError`` listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarError(
            [CalendarProblem(1, "the file is not UTF-8 text; save it as 'CSV UTF-8'")], path=str(path)
        ) from exc
    is_yaml = path.suffix.lower() in (".yml", ".yaml")
    calendar = parse_yaml_calendar(text) if is_yaml else parse_csv(text)
    return Calendar(rows=calendar.rows, program=calendar.program, name=calendar.name or path.stem)


def parse_csv(text: str) -> Calendar:
    problems: list[CalendarProblem] = []
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[TopicRow] = []
    header_line = 1
    previous_end = 0
    for record in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in record) or record[0].lstrip().startswith("#"):
            continue
        if header is None:
            header, header_line = _header(record, line, problems), line
            continue
        values = {}
        for i, cell in enumerate(record):
            if i >= len(header):
                if cell.strip():
                    problems.append(
                        CalendarProblem(
                            line,
                            f"this row has more cells than the header "
                            f"({len(header)} columns): '{cell.strip()[:30]}'",
                        )
                    )
                break
            if header[i]:
                values[header[i]] = cell.strip()
        row = _row(values, line, problems)
        if row is not None:
            rows.append(row)
    if header is None:
        problems.append(
            CalendarProblem(
                1,
                "the file is empty; the first line must name the columns: "
                + ",".join(("week", "course", "topic", "skill", "prompt")),
            )
        )
    elif not {"week", "start"} & set(header):
        problems.append(
            CalendarProblem(
                header_line, "no 'week' column (or 'start' and 'end'): each row needs the week it is for"
            )
        )
    _overlaps(rows, problems)
    if problems:
        raise CalendarError(problems)
    return Calendar(rows=rows)


def _header(record: list[str], line: int, problems: list[CalendarProblem]) -> list[str]:
    names = []
    for cell in record:
        name = ALIASES.get(cell.strip().lower(), cell.strip().lower().replace(" ", "_"))
        if name and name not in COLUMNS:
            problems.append(
                CalendarProblem(line, f"unknown column '{cell.strip()}'; {_suggest(name, COLUMNS)}")
            )
            name = ""
        names.append(name)
    return names


def parse_yaml_calendar(text: str) -> Calendar:
    root, parse_problems = parse_yaml(text)
    problems = [
        CalendarProblem(p.line, p.message.replace("docs/roster.md", "docs/prompts.md"))
        for p in parse_problems
    ]
    if root is None or not root.is_map:
        if root is not None:
            problems.append(
                CalendarProblem(
                    root.line,
                    "the file should start with 'weeks:' followed by a list of '- week: YYYY-MM-DD' blocks",
                )
            )
        raise CalendarError(problems)
    top: dict[str, Node] = root.value
    for key, key_line in root.key_lines.items():
        if key not in ("program", "calendar", "weeks"):
            problems.append(
                CalendarProblem(
                    key_line, f"unknown key '{key}'; {_suggest(key, ('program', 'calendar', 'weeks'))}"
                )
            )
    weeks = top.get("weeks")
    rows: list[TopicRow] = []
    if weeks is None or not weeks.is_list:
        problems.append(
            CalendarProblem(
                weeks.line if weeks else 1, "'weeks:' must be a list of '- week: YYYY-MM-DD' blocks"
            )
        )
    else:
        for item in weeks.value:
            if not item.is_map:
                problems.append(
                    CalendarProblem(
                        item.line,
                        "each week should be a block of 'key: value' "
                        "lines (week, course, topic, skill, prompt)",
                    )
                )
                continue
            values: dict[str, Any] = {}
            for key, node in item.value.items():
                name = ALIASES.get(key.lower(), key.lower())
                if name not in COLUMNS:
                    problems.append(
                        CalendarProblem(
                            item.key_lines[key], f"unknown key '{key}'; {_suggest(name, COLUMNS)}"
                        )
                    )
                    continue
                values[name] = _scalar(node)
            row = _row(values, item.line, problems)
            if row is not None:
                rows.append(row)
    _overlaps(rows, problems)
    if problems:
        raise CalendarError(problems)
    program = top.get("program")
    name = top.get("calendar")
    return Calendar(
        rows=rows,
        program=str(program.value) if program and program.value else None,
        name=str(name.value) if name and name.value else "",
    )


def _scalar(node: Node) -> Any:
    if node.is_list:
        return ",".join(str(item.value) for item in node.value)
    if node.is_map:
        return None
    return node.value


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if value is None or value is False:
        return ""
    return str(value).strip()


def _row(values: dict[str, Any], line: int, problems: list[CalendarProblem]) -> TopicRow | None:
    before = len(problems)
    start, end = _dates(values, line, problems)
    skip_value = values.get("skip")
    skip = None
    if skip_value is True or (isinstance(skip_value, str) and skip_value.strip().lower() not in NO):
        skip = (
            "skipped"
            if skip_value is True or skip_value.strip().lower() in ("yes", "y", "true", "1", "x")
            else skip_value.strip()
        )
    skill = _text(values, "skill").lower()
    prompt = _text(values, "prompt")
    follow_up = _text(values, "follow_up") or None
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
                line, f"'{skill}' is not one of the professional skills; {_suggest(skill, SKILLS)}"
            )
        )
    for label, text in (("prompt", prompt), ("follow-up", follow_up or "")):
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


def _overlaps(rows: list[TopicRow], problems: list[CalendarProblem]) -> None:
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


def _suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(options)
