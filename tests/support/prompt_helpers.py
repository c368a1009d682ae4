"""Helpers for the weekly-prompt tests (tests/prompts): New York wall-clock times, the sample term."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "examples" / "topics-sample.csv"
NY = ZoneInfo("America/New_York")
PROGRAM = "riverside-ptech"
TERM = (date(2026, 9, 8), date(2027, 6, 25))


def ny(day: date, at: time = time(9, 0)) -> datetime:
    """Wall-clock time in New York as aware UTC (what the clock of a school in NY reads)."""
    return datetime.combine(day, at, tzinfo=NY).astimezone(UTC)
