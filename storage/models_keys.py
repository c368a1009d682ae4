"""Which encryption keys the database's data is sealed with (never the keys themselves)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from storage.governance import program_data


@program_data("which key ids sealed values may be under, and a check value (no personal data, no program)",
              scope=None)
class EncryptionKey(SQLModel, table=True):
    """A ring key this database has used. ``active``: rows may be sealed with it, so the key ring must
    have it; ``retired``: ``keys rotate`` moved every row off it (only backups older than
    ``retired_at`` still need it). ``canary`` is the key id sealed with the key, which proves at
    start-up that the ring's key of that id really opens this database."""

    __tablename__ = "encryption_key"

    key_id: str = Field(primary_key=True, max_length=16)
    state: str = "active"  # active | retired
    canary: str = Field(sa_column=Column(Text, nullable=False))
    first_used_at: datetime
    retired_at: datetime | None = None
