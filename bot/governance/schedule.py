"""A program's retention schedule: how long each kind of record is kept (the program file's
``retention:`` block, docs/data-protection.md).

```yaml
program:
  retention:
    school_year_ends: "06-30"                       # MM-DD in the program's time zone
    messages: {keep_days: 365, after: match_end}    # or just `messages: 365`
    alerts: {keep_days: 1095, after: written}
    access_log: {keep_days: 2190}
```

A record is erased once ``keep_days`` whole days have passed after its anchor day: the local day it
was written (``written``), the day its match ended (``match_end``; records of a match that has not
ended are kept; records without a match count from the day written), or the end of the school year
it was written in (``school_year_end``). A class the schedule leaves out is kept.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.governance import RETENTION_CLASSES

AFTER = ("written", "match_end", "school_year_end")
#: Which anchors each class may use, and its default anchor.
ALLOWED_AFTER = {
    "messages": ("match_end", "written", "school_year_end"),
    "alerts": ("written", "match_end", "school_year_end"),
    "access_log": ("written", "school_year_end"),
    "people": ("match_end",),
    "outbox": ("written",),
    "digests": ("written", "school_year_end"),
}
WHAT = {
    "messages": "messages, edits, rule hits and review notes",
    "alerts": "alerts and their follow-ups",
    "access_log": "the access log (who read or changed what)",
    "people": "people's names, contact details and accounts, and match names",
    "outbox": "copies of messages kept for delivery",
    "digests": "the weekly coordinator digests",
}
MAX_DAYS = 36500


@dataclass(frozen=True, slots=True)
class Rule:
    """Keep one class of records ``keep_days`` days after ``after``."""

    name: str
    keep_days: int
    after: str

    def describe(self) -> str:
        anchor = {
            "written": "they were written",
            "match_end": "their match ended",
            "school_year_end": "the end of the school year they were written in",
        }[self.after]
        return f"{self.name}: {WHAT[self.name]}, kept {self.keep_days} days after {anchor}"


@dataclass(frozen=True, slots=True)
class Cutoff:
    """What a rule erases today: rows written before ``written_before``, or (``match_end``) rows of
    matches that ended before ``ended_before`` (rows without a match: ``written_before``)."""

    rule: Rule
    written_before: datetime
    ended_before: date | None


@dataclass(frozen=True, slots=True)
class Schedule:
    rules: dict[str, Rule] = field(default_factory=dict)
    school_year_ends: tuple[int, int] = (6, 30)

    def to_json(self) -> str:
        return json.dumps(
            {
                "school_year_ends": "{:02d}-{:02d}".format(*self.school_year_ends),
                "rules": [asdict(rule) for rule in self.rules.values()],
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str | None) -> Schedule | None:
        if not text:
            return None
        data = json.loads(text)
        month, day = (int(part) for part in data["school_year_ends"].split("-"))
        return cls({r["name"]: Rule(**r) for r in data["rules"]}, (month, day))

    def cutoffs(self, today: date, timezone: str) -> list[Cutoff]:
        """Each rule's cutoff on ``today`` (the program's local date)."""
        zone = ZoneInfo(timezone)
        out = []
        for name in RETENTION_CLASSES:
            rule = self.rules.get(name)
            if rule is None:
                continue
            last_kept = today - timedelta(days=rule.keep_days)  # the anchor day must be before this
            if rule.after == "school_year_end":
                last_kept = self._year_end_before(last_kept) + timedelta(days=1)
            midnight = datetime.combine(last_kept, time(0), tzinfo=zone).astimezone(UTC)
            out.append(Cutoff(rule, midnight, last_kept if rule.after == "match_end" else None))
        return out

    def _year_end_before(self, day: date) -> date:
        """The latest school-year end strictly before ``day``."""
        month, end_day = self.school_year_ends
        for year in (day.year, day.year - 1):
            try:
                candidate = date(year, month, end_day)
            except ValueError:  # 02-29 in a common year
                candidate = date(year, month, 28)
            if candidate < day:
                return candidate
        raise AssertionError("unreachable")
