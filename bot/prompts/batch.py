"""Fast, concurrency-safe bulk writes: insert-or-ignore on a unique key, and batched chain appends.

``append_log_rows`` extends a program's hash chain by many rows at once with the same result as
calling ``storage.chain.append`` row by row: the chain head is locked first (the row lock on
PostgreSQL, the write lock SQLite's ``BEGIN IMMEDIATE`` already holds), sequence numbers and
hashes are computed in Python, rows are inserted in one executemany, and the head moves once.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Table, update
from sqlmodel import Session, select

from storage.chain import GENESIS, _canonical
from storage.models import ChainHead, MessageLog

_LOG_FIELDS = sorted(name for name in MessageLog.model_fields if name not in ("id", "row_hash"))
LOG_DEFAULTS: dict[str, Any] = {
    "match_id": None,
    "channel_id": None,
    "thread_id": None,
    "dedupe_key": None,
    "original_id": None,
    "sender_person_id": None,
    "sender_role": None,
    "attachment_count": 0,
    "alert": False,
    "hits_json": "[]",
    "notice": None,
}


def insert_ignore(session: Session, table: Table, *, index: list[str]):  # type: ignore[no-untyped-def]
    """``INSERT ... ON CONFLICT (index) DO NOTHING`` in the session's dialect (SQLite or PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing(index_elements=index)


def lock_head(session: Session, program_id: str, stream: str = "message") -> ChainHead:
    """The chain head row, locked for the rest of the transaction (created if it is missing)."""
    query = select(ChainHead).where(ChainHead.program_id == program_id, ChainHead.stream == stream)
    head = session.exec(query.with_for_update()).first()
    if head is None:
        session.execute(
            insert_ignore(session, ChainHead.__table__, index=["program_id", "stream"]),  # type: ignore[attr-defined]
            [{"program_id": program_id, "stream": stream, "last_seq": 0, "last_hash": GENESIS}],
        )
        head = session.exec(query.with_for_update()).one()
    return head


def row_digest(values: dict[str, Any]) -> str:
    """The same SHA-256 as ``storage.chain.row_digest``, over a plain dict of column values."""
    content = {name: _canonical(values[name]) for name in _LOG_FIELDS}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def append_log_rows(session: Session, head: ChainHead, rows: list[dict[str, Any]]) -> list[int]:
    """Chain ``rows`` (message_log column dicts) after the locked ``head``, insert them; ids in order."""
    if not rows:
        return []
    seq, previous = head.last_seq, head.last_hash or GENESIS
    for values in rows:
        for key, default in LOG_DEFAULTS.items():
            values.setdefault(key, default)
        seq += 1
        values["seq"], values["prev_hash"] = seq, previous
        values["row_hash"] = previous = row_digest(values)
    table = MessageLog.__table__  # type: ignore[attr-defined]
    # A plain executemany (RETURNING in parameter order runs row by row on SQLite), then the ids by
    # sequence number: (program, seq) is unique and the chain head is locked.
    session.execute(table.insert(), rows)
    first = head.last_seq + 1
    found = session.execute(
        select(table.c.seq, table.c.id).where(
            table.c.program_id == head.program_id, table.c.seq >= first, table.c.seq <= seq
        )
    )
    by_seq = dict(found.all())
    ids = [by_seq[first + i] for i in range(len(rows))]
    session.execute(
        update(ChainHead)
        .where(ChainHead.program_id == head.program_id, ChainHead.stream == head.stream)
        .values(last_seq=seq, last_hash=previous)
    )
    return list(ids)
