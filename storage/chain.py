"""The tamper-evident chain over append-only streams (message log, audit trail).

Each row's hash covers its content and the previous row's hash in the same program and stream,
so editing or removing any stored row breaks every hash after it. ``verify`` names the first
row that does not match.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from storage.clock import as_utc
from storage.models import AuditEvent, ChainHead, MessageLog
from storage.safe_text import escape

GENESIS = "0" * 64
# search_tokens is the blind index of the text (storage.blind_index): derived, re-keyed by rotation
UNHASHED = frozenset({"id", "row_hash", "search_tokens"})


def canonical(value: Any) -> Any:
    """A value as the chain hashes it (aware UTC datetimes to the microsecond, ISO dates, text as
    stored: always valid UTF-8, and for ordinary text the text itself)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, datetime):
        return as_utc(value).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_digest(row: MessageLog | AuditEvent) -> str:
    """SHA-256 over every column but ``id`` and ``row_hash`` (``prev_hash`` included)."""
    content = {
        name: canonical(getattr(row, name))
        for name in sorted(type(row).model_fields)
        if name not in UNHASHED
    }
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def append(session: Session, row: MessageLog | AuditEvent, *, stream: str) -> None:
    """Give ``row`` its sequence number and hashes and add it to the session.

    The chain head is updated *first* so the statement takes the write lock (SQLite) or the
    row lock (PostgreSQL) and concurrent appenders queue instead of forking the chain.
    """
    program_id = row.program_id
    bumped = session.execute(
        update(ChainHead)
        .where(ChainHead.program_id == program_id, ChainHead.stream == stream)
        .values(last_seq=ChainHead.last_seq + 1)
    )
    if bumped.rowcount == 0:
        # First row of this stream: create the head, tolerating a concurrent creator, then bump it
        # (the second UPDATE waits for the other writer's row lock instead of forking the chain).
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(insert(ChainHead).values(program_id=program_id, stream=stream, last_seq=0,
                                                 last_hash=GENESIS).on_conflict_do_nothing())
        session.execute(
            update(ChainHead)
            .where(ChainHead.program_id == program_id, ChainHead.stream == stream)
            .values(last_seq=ChainHead.last_seq + 1)
        )
    head = session.exec(
        select(ChainHead).where(ChainHead.program_id == program_id, ChainHead.stream == stream)
    ).one()
    session.refresh(head)
    row.seq = head.last_seq
    row.prev_hash = head.last_hash or GENESIS
    row.row_hash = row_digest(row)
    head.last_hash = row.row_hash
    session.add(head)
    session.add(row)


@dataclass(frozen=True, slots=True)
class ChainBreak:
    stream: str
    program_id: str
    row_id: int | None
    seq: int
    problem: str


def verify(session: Session, program_id: str) -> list[ChainBreak]:
    """Recompute both chains of a program; return every break found (empty list = intact)."""
    breaks: list[ChainBreak] = []
    for stream, model in (("message", MessageLog), ("audit", AuditEvent)):
        previous = GENESIS
        expected_seq = 1
        rows = session.exec(
            select(model).where(model.program_id == program_id).order_by(model.seq)  # type: ignore[arg-type]
        )
        for row in rows:
            if row.seq != expected_seq:
                breaks.append(ChainBreak(stream, program_id, row.id, expected_seq,
                                         f"row seq {expected_seq} is missing (next is {row.seq})"))
                expected_seq = row.seq
            if row.prev_hash != previous:
                breaks.append(ChainBreak(stream, program_id, row.id, row.seq,
                                         "does not link to the row before it"))
            if row_digest(row) != row.row_hash:
                breaks.append(ChainBreak(stream, program_id, row.id, row.seq,
                                         "content was altered after it was written"))
            previous = row.row_hash
            expected_seq += 1
        head = session.get(ChainHead, (program_id, stream))
        last = expected_seq - 1
        if head is not None and (head.last_seq != last or (last and head.last_hash != previous)):
            breaks.append(ChainBreak(stream, program_id, None, head.last_seq,
                                     f"the newest {head.last_seq - last} row(s) were removed"
                                     if head.last_seq > last else "chain head does not match"))
    return breaks
