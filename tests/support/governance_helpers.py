"""Program files with a retention schedule, and a year of conversations written through the core."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-program.yml"

SCHEDULE = {
    "school_year_ends": "06-30",
    "messages": {"keep_days": 30, "after": "match_end"},
    "alerts": {"keep_days": 365, "after": "written"},
    "access_log": {"keep_days": 180},
    "outbox": 7,
    "people": {"keep_days": 75},
}


def program_file(
    folder: Path,
    *,
    retention: dict[str, Any] | None = None,
    ended: dict[str, date] | None = None,
    name: str = "program.yml",
) -> Path:
    """The sample program with a retention block and some matches ended on given days."""
    data = yaml.safe_load(SAMPLE.read_text())
    if retention is not None:
        data["program"]["retention"] = retention
    for match in data["matches"]:
        if ended and match["id"] in ended:
            match["status"], match["ended"] = "ended", ended[match["id"]]
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


# Who talks in which channel of the sample program, week after week.
PAIRS = [
    ("dana", "dana-ana-mentor", "ana", "dana-ana-student"),
    ("raj", "raj-group-mentor", "ben", "raj-group-student"),
    ("lee", "software-team-mentor", "eli", "software-team-student"),
]


async def school_year(h: Any, weeks: int, *, start_note: str = "") -> int:
    """``weeks`` weeks of conversation in three matches; returns how many messages were written.

    Each week every mentor asks and every student answers (one answer a month is held for the
    coordinator: a secret; one is blocked: a phone number); the delivery worker runs each week.
    """
    written = 0
    for week in range(weeks):
        for mentor, mentor_channel, student, student_channel in PAIRS:
            await h.console.say(mentor, mentor_channel, f"{start_note}week {week} question about circuits")
            answer = f"week {week} answer from {student}"
            if week % 4 == 3:
                answer = f"week {week}: it's our secret, don't tell anyone"
            if week % 5 == 4:
                answer = f"week {week}: text me at 555-123-{4000 + week}"
            await h.console.say(student, student_channel, answer)
            written += 2
        await h.app.delivery.run_once()
        h.clock.advance(days=7)
    return written


def days(n: int) -> timedelta:
    return timedelta(days=n)
