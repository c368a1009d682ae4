"""A program's choices for the year, with defaults: reflection mode, the skills profile, reminders.

The default skills are professional skills from the topic calendar's list; a district whose
Employability Skills Profile names other skills sets its own (``mentorbot year settings --skills``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from storage.clock import as_utc
from storage.models import Program
from storage.models_year import YearSettings

DEFAULT_SKILLS = (
    "communication",
    "teamwork",
    "problem solving",
    "critical thinking",
    "time management",
    "professionalism",
    "leadership",
    "adaptability",
)
SCALE_WORDS = {1: "not yet", 2: "developing", 3: "proficient", 4: "advanced"}
MODES = ("private", "channel")


@dataclass(frozen=True, slots=True)
class Year:
    """The settings the year's features read (a program without a row gets these defaults)."""

    program_id: str
    timezone: str
    reflection_mode: str = "private"
    skills: tuple[str, ...] = DEFAULT_SKILLS
    skill_scale: int = 4
    expiry_warning_days: int = 30
    checkin_after_days: int = 14

    @property
    def timezone_info(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self, now: datetime) -> date:
        """The program's local date at ``now``."""
        return as_utc(now).astimezone(self.timezone_info).date()

    def scale_word(self, rating: int) -> str:
        if self.skill_scale == 4:
            return SCALE_WORDS.get(rating, str(rating))
        return f"{rating} of {self.skill_scale}"


def load_year(session: Session, program: Program) -> Year:
    row = session.get(YearSettings, program.id)
    if row is None:
        return Year(program_id=program.id, timezone=program.timezone)
    skills = tuple(s.strip().lower() for s in row.skills.splitlines() if s.strip()) or DEFAULT_SKILLS
    return Year(
        program_id=program.id,
        timezone=program.timezone,
        reflection_mode=row.reflection_mode,
        skills=skills,
        skill_scale=row.skill_scale,
        expiry_warning_days=row.expiry_warning_days,
        checkin_after_days=row.checkin_after_days,
    )


def local_today(program: Program, now: datetime) -> date:
    return as_utc(now).astimezone(ZoneInfo(program.timezone)).date()


class YearError(ValueError):
    """A change that cannot be made, said so a coordinator knows what to do instead."""


def save_settings(
    session: Session,
    program: Program,
    *,
    actor: str,
    now: datetime,
    reflection_mode: str | None = None,
    skills: list[str] | None = None,
    skill_scale: int | None = None,
    expiry_warning_days: int | None = None,
    checkin_after_days: int | None = None,
) -> Year:
    """Change some settings (the caller audits and commits); bad values raise ``YearError``."""
    row = session.get(YearSettings, program.id) or YearSettings(program_id=program.id, updated_at=now)
    if reflection_mode is not None:
        if reflection_mode not in MODES:
            raise YearError(
                f"reflections are 'private' (to the coordinator) or 'channel' (shared), "
                f"not '{reflection_mode}'"
            )
        row.reflection_mode = reflection_mode
    if skills is not None:
        cleaned = [s.strip().lower() for s in skills if s.strip()]
        if not cleaned or len(cleaned) > 20 or any(len(s) > 60 for s in cleaned):
            raise YearError("list between 1 and 20 skills, each under 60 characters")
        row.skills = "\n".join(dict.fromkeys(cleaned))
    if skill_scale is not None:
        if not 3 <= skill_scale <= 10:
            raise YearError("the rating scale runs from 1 to a number between 3 and 10")
        row.skill_scale = skill_scale
    for name, value, low, high in (
        ("expiry_warning_days", expiry_warning_days, 1, 180),
        ("checkin_after_days", checkin_after_days, 0, 120),
    ):
        if value is not None:
            if not low <= value <= high:
                raise YearError(f"{name.replace('_', ' ')} must be between {low} and {high}")
            setattr(row, name, value)
    row.updated_at, row.updated_by = now, actor
    session.add(row)
    session.flush()
    return load_year(session, program)
