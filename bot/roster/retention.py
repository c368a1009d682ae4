"""The program file's ``retention:`` block, read line by line like the rest of the roster."""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from bot.governance.schedule import ALLOWED_AFTER, MAX_DAYS, Rule, Schedule
from bot.roster.schema import Node
from storage.governance import RETENTION_CLASSES


class Reader(Protocol):
    """What this block needs of ``bot.roster.validate.Reader`` (not imported: validate imports us)."""

    def fields(
        self, node: Node | None, what: str, allowed: dict[str, bool], line: int
    ) -> dict[str, Node]: ...
    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None: ...
    def choice(self, node: Node | None, what: str, options: tuple[str, ...]) -> str | None: ...
    def problem(self, line: int, message: str) -> None: ...


RULE_KEYS = {"keep_days": True, "after": False}
MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def read_retention(r: Reader, node: Node | None) -> Schedule | None:
    """The schedule, or None when the block is absent (then nothing is ever erased by retention)."""
    if node is None:
        return None
    allowed = {name: False for name in RETENTION_CLASSES} | {"school_year_ends": False}
    fields = r.fields(node, "'retention'", allowed, node.line)
    year_end = _month_day(r, fields.get("school_year_ends"))
    rules = {}
    for name in RETENTION_CLASSES:
        if name in fields and (rule := _rule(r, name, fields[name])) is not None:
            rules[name] = rule
    return Schedule(rules, year_end)


def _rule(r: Reader, name: str, node: Node) -> Rule | None:
    default_after = ALLOWED_AFTER[name][0]
    if not node.is_map:  # the short form: `messages: 365`
        days = r.integer(node, f"retention of {name} (days)", 0, MAX_DAYS)
        return Rule(name, days, default_after) if days is not None else None
    f = r.fields(node, f"retention of {name}", RULE_KEYS, node.line)
    days = r.integer(f.get("keep_days"), f"keep_days of {name}", 0, MAX_DAYS)
    after = default_after
    if "after" in f:
        chosen = r.choice(f["after"], f"'after' of {name}", ALLOWED_AFTER[name])
        after = chosen or default_after
    return Rule(name, days, after) if days is not None else None


def _month_day(r: Reader, node: Node | None) -> tuple[int, int]:
    if node is None:
        return (6, 30)
    value = node.value
    if isinstance(value, date):  # `2027-06-30` works too: only month and day count
        return (value.month, value.day)
    match = MONTH_DAY.match(str(value).strip())
    if match:
        month, day = int(match[1]), int(match[2])
        try:
            date(2024, month, day)
            return (month, day)
        except ValueError:
            pass
    r.problem(node.line, f"school_year_ends '{value}' should be a month and day as MM-DD, e.g. \"06-30\"")
    return (6, 30)
