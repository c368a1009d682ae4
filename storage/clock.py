"""Time as storage keeps it: timezone-aware UTC (SQLModel's UTCDateTime refuses naive values)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, as aware UTC."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Any datetime as aware UTC; a naive one is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
