"""Tables of data governance (issue 15): legal holds and the records of destroyed programs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal, program_data


@personal(
    content=("reason", "placed_by", "released_by", "release_reason"),
    match="match_id",
    people=("person_id",),
    anchored=True,
)
class LegalHold(SQLModel, table=True):
    """A legal hold: nothing it covers is erased by retention, and the program cannot be destroyed.

    ``scope``: program (everything of the program), match (the match's conversation, reviews,
    alerts and access log), person (what they wrote and the conversations of their matches).
    A hold is released, never deleted; placing and releasing are anchored in the audit chain.
    """

    __tablename__ = "legal_hold"

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    scope: str  # program | match | person
    match_id: int | None = Field(default=None, foreign_key="match.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    reason: str = encrypted()
    placed_by: str
    placed_at: datetime
    released_at: datetime | None = None
    released_by: str | None = None
    release_reason: str | None = encrypted(nullable=True)
    content_salt: str | None = None
    erased_by: int | None = None


@program_data("what was destroyed, when, by whom, and the final chain heads (no personal data)", scope=None)
class DestructionRecord(SQLModel, table=True):
    """What is left of a destroyed program: its certificate of destruction (kept on purpose)."""

    __tablename__ = "destruction_record"

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(index=True)
    program_name: str
    destroyed_at: datetime
    destroyed_by: str
    final_head: str
    certificate_json: str = Field(sa_column=Column(Text, nullable=False))
    certificate_sha256: str
