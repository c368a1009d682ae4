"""Tables of the coordinator's web desk: one-time sign-in invites and signed-in sessions.

Only SHA-256 hashes of invite and session tokens are stored, so a copy of the database does not
let anyone sign in. Alert follow-up uses the core ``Alert`` columns (acknowledged_*, action_taken).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.governance import program_data


@program_data("a hash of a one-time sign-in token and the coordinator it is for")
class WebInvite(SQLModel, table=True):
    """A one-time sign-in link for one coordinator (a ``Person`` with role coordinator)."""

    __tablename__ = "web_invite"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    person_id: int = Field(foreign_key="person.id", index=True)
    program_id: str = Field(foreign_key="program.id")
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    created_by: str = ""


@program_data("a hash of a session token and the coordinator signed in")
class WebSession(SQLModel, table=True):
    """A signed-in coordinator's browser session; expires, can be revoked at sign-out."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    csrf_token: str = Field(max_length=64)
    person_id: int = Field(foreign_key="person.id", index=True)
    program_id: str = Field(foreign_key="program.id")
    created_at: datetime
    expires_at: datetime
    last_seen_at: datetime
    revoked_at: datetime | None = None
