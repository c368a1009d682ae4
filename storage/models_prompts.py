"""Tables of the weekly prompts: schedule, topic calendar, exactly-once posts, nudges, digests.

The unique keys here are the exactly-once guards (docs/prompts.md): a post, a nudge or a digest
exists at most once per key, whichever process or restart gets there first; the scheduler only
decides *when* to look.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal, program_data


@program_data("when prompts go out")
class PromptSchedule(SQLModel, table=True):
    """When a program's prompts, nudges and digest go out (in the program's timezone)."""

    __tablename__ = "prompt_schedule"

    program_id: str = Field(primary_key=True, foreign_key="program.id", max_length=64)
    enabled: bool = True
    weekday: int = 0  # 0 = Monday ... 6 = Sunday
    post_time: str = "09:00"  # local HH:MM
    grace_minutes: int = 480  # a post missed at post_time is still sent this late (same local day)
    nudge_after_days: int = 21
    flag_after_days: int = 7  # still quiet this long after a nudge: flagged for the coordinator
    digest_weekday: int = 4
    digest_time: str = "15:00"
    term_start: date | None = None
    term_end: date | None = None
    created_at: datetime
    updated_at: datetime


@program_data("a teacher's topic calendar (curriculum, no student data)")
class Topic(SQLModel, table=True):
    """One row of a teacher's topic calendar: a week (or date range), for some or all grades."""

    __tablename__ = "prompt_topic"
    __table_args__ = (Index("ix_prompt_topic_program_dates", "program_id", "start_on", "end_on"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    calendar: str = Field(max_length=128)  # the file it came from (re-importing replaces it)
    line: int
    start_on: date
    end_on: date
    course: str = ""
    topic: str = ""
    skill: str = ""
    prompt: str = Field(default="", sa_column=Column(Text, nullable=False))
    follow_up: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reflection: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # issue 14
    grades: str = ""  # "" = every grade, else comma-separated: "9,10"
    skip: bool = False
    skip_reason: str | None = None
    imported_at: datetime


@program_data("which week's prompt each match got (ids, dates, states)")
class PromptPost(SQLModel, table=True):
    """The fate of one week's prompt for one match: posted, skipped (holiday) or missed.

    UNIQUE (program, match, week) is the exactly-once key: log and outbox rows are only written
    for rows this transaction actually inserted.
    """

    __tablename__ = "prompt_post"
    __table_args__ = (
        UniqueConstraint("program_id", "match_id", "week_start"),
        Index("ix_prompt_post_week", "program_id", "week_start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    match_id: int = Field(foreign_key="match.id")
    week_start: date  # the Monday of the local week
    status: str  # posted | skipped | missed
    source: str | None = None  # calendar | library
    topic_id: int | None = None
    reason: str | None = None
    via: str = "schedule"  # schedule | send-now
    scheduled_for: datetime
    decided_at: datetime
    late: bool = False


@program_data("when a quiet match was nudged (ids and dates)")
class Nudge(SQLModel, table=True):
    """A friendly nudge to a quiet match; one per quiet period, then flagged, never repeated."""

    __tablename__ = "prompt_nudge"
    __table_args__ = (UniqueConstraint("match_id", "quiet_since"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    match_id: int = Field(foreign_key="match.id")
    quiet_since: datetime  # the last contact (or the match's start) this quiet period counts from
    nudged_at: datetime
    state: str = "nudged"  # nudged | flagged
    flagged_at: datetime | None = None
    alert_id: int | None = Field(default=None, foreign_key="alert.id")


@personal(content=("text",), retention="digests", written="posted_at")
class DigestRun(SQLModel, table=True):
    """One weekly coordinator digest posted to the review channel (once per program and week)."""

    __tablename__ = "prompt_digest_run"
    __table_args__ = (UniqueConstraint("program_id", "week_start"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    week_start: date
    posted_at: datetime
    text: str = encrypted()  # the digest names students and quotes flags
    erased_by: int | None = None
