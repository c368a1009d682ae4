"""The day a match ended: retention of its messages and people counts from it (issue 15).

Every way a match ends (the roster file, ``mentorbot match end``/``end-match``, a departure closed
as ended, a meet-and-greet closing) sets ``match.ended_on`` through here, so ``after: match_end``
never waits for a date nobody wrote.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from storage.clock import as_utc
from storage.models import Match, Program


def program_day(session: Session, program_id: str, now: datetime) -> date:
    """Today in the program's time zone (a school's day, not UTC's)."""
    program = session.get(Program, program_id)
    zone = ZoneInfo(program.timezone if program is not None and program.timezone else "UTC")
    return as_utc(now).astimezone(zone).date()


def mark_ended(session: Session, match: Match, now: datetime, *, on: date | None = None) -> None:
    """Set the match's status to ended and the day it ended (kept if it had one already)."""
    match.status = "ended"
    if on is not None:
        match.ended_on = on
    elif match.ended_on is None:
        match.ended_on = program_day(session, match.program_id, now)
    session.add(match)


def ended_on(session: Session, program_id: str, status: str, written: date | None, stored: date | None,
             now: datetime) -> date | None:
    """The ``ended_on`` a roster import writes: the file's date, else the one stored, else today."""
    if status != "ended":
        return None
    return written or stored or program_day(session, program_id, now)
