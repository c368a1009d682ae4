"""Tables of the conversation score (issue 11 step 3): its state per match and sender, and the
messages that carried a signal.

``conversation_score`` is what ``policies.conversation`` needs between two messages of one sender
in one match (the direction follows from the sender's side: a mentor writes mentor→student). It
holds message ids, times, weights and rule ids, never text. ``conversation_signal`` has one row
per message that carried a signal (a weak grooming move, say): the coordinator's "flagged" list,
the score's history on the match page, and the messages a pattern alert lists. Both follow the
message log's retention (their rows mean nothing without the messages they point at).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.governance import personal

DIRECTIONS = {"mentor": "mentor→student", "student": "student→mentor"}


@personal(content=("state_json",), retention="messages", written="updated_at", match="match_id",
          people=("person_id",), erase="delete")
class ConversationScore(SQLModel, table=True):
    """The score's state for one sender in one match; read and written with each of their messages."""

    __tablename__ = "conversation_score"
    __table_args__ = (UniqueConstraint("match_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    match_id: int = Field(foreign_key="match.id")
    person_id: int = Field(foreign_key="person.id")
    direction: str  # mentor | student: the sender's side of the match
    state_json: str = "{}"  # signals in the window: message id, time, weight, rules (no text)
    held: bool = False  # a pattern fired and no coordinator has reviewed it yet
    fired_at: datetime | None = None
    alert_id: int | None = Field(default=None, foreign_key="alert.id")  # the open pattern alert
    score: float = 0.0  # at ``updated_at``; pages decay it to now with the settings below
    half_life_days: float = 7.0
    window_days: float = 28.0
    alert_at: float = 1.5
    updated_at: datetime


@personal(content=("rules", "looked_by"), match="match_id", people=("person_id",),
          follows=(("message_id", "message_log"),), erase="delete")
class ConversationSignal(SQLModel, table=True):
    """A message that carried a signal toward the score (flagged when a mentor's was delivered)."""

    __tablename__ = "conversation_signal"
    __table_args__ = (
        Index("ix_conversation_signal_match", "match_id", "at"),
        Index("ix_conversation_signal_flagged", "program_id", "flagged", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id")
    match_id: int = Field(foreign_key="match.id")
    person_id: int = Field(foreign_key="person.id")
    direction: str
    message_id: int = Field(foreign_key="message_log.id", unique=True)
    at: datetime  # when the message was sent
    weight: float  # its contribution (the strongest hit's signal, 0–1)
    score: float  # the direction's score right after it
    rules: str = ""  # comma-separated rule ids that carried the signal
    flagged: bool = False  # a mentor's weak signal: delivered, for the coordinator's later look
    looked_at: datetime | None = None
    looked_by: str | None = None
    alert_id: int | None = Field(default=None, foreign_key="alert.id")  # the pattern it added up to
