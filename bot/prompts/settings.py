"""Change a program's prompt schedule (validated, audited); the scheduler picks it up next minute."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from bot.prompts.schedule import describe, from_row, parse_hhmm, parse_weekday
from storage import audit
from storage.models import Program
from storage.models_prompts import PromptSchedule


class ScheduleError(ValueError):
    """A setting is not valid; the message says what to write instead."""


def set_schedule(
    engine: Engine, program_id: str, *, actor: str, clock: Callable[[], datetime], **changes: Any
) -> str:
    """Apply ``changes`` (weekday, post_time, grace_minutes, ...) and return the schedule in words."""
    now = clock()
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise ScheduleError(f"no program '{program_id}'")
        ZoneInfo(program.timezone)
        row = session.get(PromptSchedule, program_id)
        if row is None:
            row = PromptSchedule(program_id=program_id, created_at=now, updated_at=now)
        clean = {key: _check(key, value) for key, value in changes.items()}
        for key, value in clean.items():
            setattr(row, key, value)
        if row.term_start and row.term_end and row.term_end < row.term_start:
            raise ScheduleError("the term ends before it starts")
        row.updated_at = now
        session.add(row)
        if clean:
            audit.record(
                session,
                program_id=program_id,
                actor=actor,
                action="prompts.schedule",
                at=now,
                target=f"program:{program_id}",
                detail={k: str(v) for k, v in clean.items()},
            )
        session.commit()
        session.refresh(row)
        return describe(from_row(row, program))


def _check(key: str, value: Any) -> Any:
    try:
        if key in ("weekday", "digest_weekday"):
            return value if isinstance(value, int) else parse_weekday(str(value))
        if key in ("post_time", "digest_time"):
            return f"{parse_hhmm(str(value)):%H:%M}"
        if key in ("grace_minutes", "nudge_after_days", "flag_after_days"):
            number = int(value)
            if number < 0 or (key == "grace_minutes" and number > 24 * 60):
                raise ValueError(
                    f"{key} must be between 0 and {24 * 60 if key == 'grace_minutes' else 'many'}"
                )
            return number
        if key in ("term_start", "term_end"):
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if key == "enabled":
            return bool(value)
    except ValueError as error:
        raise ScheduleError(f"{key}: {error}") from None
    raise ScheduleError(f"unknown setting '{key}'")
