"""Read a teacher's topic calendar (CSV or YAML), collecting every problem with its line number.

One row is a week (``week: 2026-10-05``, any day of that week) or a date range (``start`` and
``end``), with the course, the classroom topic, the professional skill it practises, the prompt for
the pair, an optional follow-up question and optional grades. A row with ``skip`` (a reason such as
"Thanksgiving" or "Regents exams") means no prompt that week.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.filecheck import FileProblems
from bot.prompts.calendar_rows import (
    ALIASES,
    COLUMNS,
    CalendarProblem,
    TopicRow,
    check_overlaps,
    check_row,
    suggest,
)
from bot.roster.schema import Node, parse_yaml


class CalendarError(FileProblems):
    """The topic file has problems; nothing was written. ``problems`` lists all of them."""


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
        row = check_row(values, line, problems)
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
    check_overlaps(rows, problems)
    if problems:
        raise CalendarError(problems)
    return Calendar(rows=rows)


def _header(record: list[str], line: int, problems: list[CalendarProblem]) -> list[str]:
    names = []
    for cell in record:
        name = ALIASES.get(cell.strip().lower(), cell.strip().lower().replace(" ", "_"))
        if name and name not in COLUMNS:
            problems.append(
                CalendarProblem(line, f"unknown column '{cell.strip()}'; {suggest(name, COLUMNS)}")
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
                    key_line, f"unknown key '{key}'; {suggest(key, ('program', 'calendar', 'weeks'))}"
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
            row = _yaml_week(item, problems)
            if row is not None:
                rows.append(row)
    check_overlaps(rows, problems)
    if problems:
        raise CalendarError(problems)
    program = top.get("program")
    name = top.get("calendar")
    return Calendar(
        rows=rows,
        program=str(program.value) if program and program.value else None,
        name=str(name.value) if name and name.value else "",
    )


def _yaml_week(item: Node, problems: list[CalendarProblem]) -> TopicRow | None:
    """One ``- week: …`` block of a YAML calendar."""
    if not item.is_map:
        problems.append(
            CalendarProblem(
                item.line,
                "each week should be a block of 'key: value' lines (week, course, topic, skill, prompt)",
            )
        )
        return None
    values: dict[str, Any] = {}
    for key, node in item.value.items():
        name = ALIASES.get(key.lower(), key.lower())
        if name not in COLUMNS:
            problems.append(
                CalendarProblem(item.key_lines[key], f"unknown key '{key}'; {suggest(name, COLUMNS)}")
            )
            continue
        values[name] = _scalar(node)
    return check_row(values, item.line, problems)


def _scalar(node: Node) -> Any:
    if node.is_list:
        return ",".join(str(item.value) for item in node.value)
    if node.is_map:
        return None
    return node.value
