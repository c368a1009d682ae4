"""Tables of the commitment and hand-over (issue 14 item 5): how long a match is committed for,
and a mentor's notice with what the coordinator decided.

A replacement changes the mentor of the SAME match (``match_member``), so the transcript stays
one history; ``departure`` remembers who left, who took over, and what the student was told.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal, program_data


@program_data("a match's committed dates and renewals", scope="program_id")
class Commitment(SQLModel, table=True):
    """A match's start and the date its committed time runs to ("a minimum of one year")."""

    match_id: int = Field(foreign_key="match.id", primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    started_on: date
    committed_until: date
    basis: str = "year"  # year | graduation | set (typed in the roster or on the desk)
    renewal_reminded_on: date | None = None
    renewed_at: datetime | None = None
    renewed_by: str | None = None


@personal(content=("reason_text", "student_message_text", "given_by"), retention="people", written="given_at",
          match="match_id", people=("mentor_id", "replacement_id"))
class Departure(SQLModel, table=True):
    """A mentor's notice that they can no longer take part, and the coordinator's decision."""

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    mentor_id: int = Field(foreign_key="person.id")
    given_at: datetime
    given_by: str  # the mentor's key, or the coordinator who recorded it
    via: str = ""  # slack | discord | console | desk | cli
    last_day: date
    reason_text: str = encrypted(default="")
    state: str = "notice"  # notice | replaced | ended | withdrawn | paused
    replacement_id: int | None = Field(default=None, foreign_key="person.id")
    student_message_text: str = encrypted(default="")
    decided_at: datetime | None = None
    decided_by: str | None = None
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)
