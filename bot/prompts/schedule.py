"""A program's prompt schedule and the time arithmetic on it (local time, DST, grace windows).

Every instant is computed from the program's IANA timezone with ``zoneinfo``, so "Monday 09:00" is
09:00 on the wall clock in New York in October and in March alike (the UTC instant moves by an
hour across America/New_York's two DST transitions; the local time does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from storage import prompt_repo
from storage.clock import as_utc
from storage.models import Program
from storage.models_prompts import PromptSchedule

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LATE_AFTER = timedelta(minutes=5)  # a post this long after its time is reported as late


@dataclass(frozen=True, slots=True)
class Schedule:
    """A program's schedule with defaults filled in (a program without a row gets the defaults)."""

    program_id: str
    timezone: str
    enabled: bool = True
    weekday: int = 0
    post_time: time = time(9, 0)
    grace: timedelta = timedelta(minutes=480)
    nudge_after: timedelta = timedelta(days=21)
    flag_after: timedelta = timedelta(days=7)
    digest_weekday: int = 4
    digest_time: time = time(15, 0)
    term_start: date | None = None
    term_end: date | None = None
    since: datetime | None = None  # when the schedule (or the program) came to be: no "missed" before

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, moment: datetime) -> datetime:
        return as_utc(moment).astimezone(self.zone)

    def week_of(self, moment: datetime) -> date:
        """The Monday of the local week ``moment`` falls in."""
        day = self.local(moment).date()
        return day - timedelta(days=day.weekday())

    def post_day(self, week_start: date) -> date:
        return week_start + timedelta(days=self.weekday)

    def post_at(self, week_start: date) -> datetime:
        """The UTC instant of the week's post (local wall-clock time in the program's zone)."""
        return local_instant(self.post_day(week_start), self.post_time, self.zone)

    def digest_at(self, week_start: date) -> datetime:
        return local_instant(week_start + timedelta(days=self.digest_weekday), self.digest_time, self.zone)

    def in_term(self, day: date) -> bool:
        return (self.term_start is None or day >= self.term_start) and (
            self.term_end is None or day <= self.term_end
        )

    def window(self, week_start: date) -> tuple[datetime, datetime]:
        """From the post time until the grace window closes, never past the end of that local day."""
        start = self.post_at(week_start)
        end_of_day = local_instant(self.post_day(week_start) + timedelta(days=1), time(0, 0), self.zone)
        return start, min(start + self.grace, end_of_day - timedelta(microseconds=1))

    def latest_week(self, now: datetime) -> date:
        """The week of the most recent scheduled post at or before ``now``."""
        week = self.week_of(now)
        return week if self.post_at(week) <= as_utc(now) else week - timedelta(days=7)

    def next_week(self, now: datetime) -> date:
        """The week of the next scheduled post after ``now``."""
        week = self.week_of(now)
        return week if self.post_at(week) > as_utc(now) else week + timedelta(days=7)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """``day`` at wall-clock ``at`` in ``zone``, as aware UTC.

    A time that does not exist locally (inside the spring-forward gap, 02:00-03:00 in New York)
    resolves with the offset from before the gap, i.e. an hour later on the wall clock.
    """
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def parse_hhmm(text: str) -> time:
    hours, _, minutes = text.strip().partition(":")
    return time(int(hours), int(minutes or 0))


def parse_weekday(text: str) -> int:
    word = text.strip().lower()
    for i, name in enumerate(WEEKDAYS):
        if word in (name, name[:3]) or word == str(i):
            return i
    raise ValueError(f"'{text}' is not a day of the week; use one of {', '.join(WEEKDAYS)}")


def schedules(engine: Engine, program_id: str | None = None) -> list[tuple[Program, Schedule]]:
    """Every program (or one) with its prompt schedule, in program id order."""
    with Session(engine) as session:
        return [(p, load_schedule(session, p)) for p in prompt_repo.programs(session, program_id)]


def load_schedule(session: Session, program: Program) -> Schedule:
    row = session.get(PromptSchedule, program.id)
    if row is None:
        return Schedule(program_id=program.id, timezone=program.timezone, since=as_utc(program.created_at))
    return from_row(row, program)


def from_row(row: PromptSchedule, program: Program) -> Schedule:
    return Schedule(
        program_id=program.id,
        timezone=program.timezone,
        enabled=row.enabled,
        weekday=row.weekday,
        post_time=parse_hhmm(row.post_time),
        grace=timedelta(minutes=row.grace_minutes),
        nudge_after=timedelta(days=row.nudge_after_days),
        flag_after=timedelta(days=row.flag_after_days),
        digest_weekday=row.digest_weekday,
        digest_time=parse_hhmm(row.digest_time),
        term_start=row.term_start,
        term_end=row.term_end,
        since=min(as_utc(row.created_at), as_utc(program.created_at)),
    )


def describe(schedule: Schedule) -> str:
    """One line a coordinator can read."""
    term = ""
    if schedule.term_start or schedule.term_end:
        term = f"; term {schedule.term_start or '…'} to {schedule.term_end or '…'}"
    state = "" if schedule.enabled else " (prompts are switched OFF)"
    return (
        f"prompts every {WEEKDAYS[schedule.weekday].title()} at {schedule.post_time:%H:%M} "
        f"{schedule.timezone} (late posts up to {int(schedule.grace.total_seconds() // 60)} min, same day)"
        f"; nudge after {schedule.nudge_after.days} quiet days, flag {schedule.flag_after.days} days later"
        f"; digest {WEEKDAYS[schedule.digest_weekday].title()} {schedule.digest_time:%H:%M}{term}{state}"
    )
