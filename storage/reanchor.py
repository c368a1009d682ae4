"""Re-anchoring: moving a database's chains from format 1 to format 2 (migration gov_0001).

Format 1 hashed content directly, so no content could ever be erased without breaking the chain.
Re-anchoring, once per program, inside the migration's transaction:

1. verifies the format-1 chains as they are (gaps, links, hashes, heads) and keeps what it found;
2. gives every chained row a salt and a commitment and rehashes both chains in format 2, in
   sequence order, with each row's id in its hash;
3. appends a ``chain.reanchor`` audit event (format 2) recording the format-1 heads and every
   break found in step 1, so evidence of earlier tampering is never laundered: ``audit verify``
   keeps reporting those breaks;
4. anchors every existing review item and alert (``chain.anchor`` events).

The published heads before the migration (there were none before issue 15) do not carry over;
publish a fresh one after upgrading (``mentorbot audit head --publish``), as docs/data-protection.md
says. Works on a bare ``Connection`` with reflected tables, so it does not depend on the models.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from storage import chain_format
from storage.chain_format import GENESIS
from storage.safe_text import unescape

logger = logging.getLogger(__name__)

STREAMS = (("message", "message_log"), ("audit", "audit_event"))
_BATCH = 5000
MAX_KEPT_BREAKS = 200


def reanchor_all(connection: Connection, *, now: datetime | None = None) -> dict[str, list[str]]:
    """Re-anchor every program's chains; returns the format-1 breaks found per program."""
    now = now or datetime.now(UTC)
    meta = sa.MetaData()
    tables = {
        name: sa.Table(name, meta, autoload_with=connection)
        for name in ("program", "chainhead", "message_log", "audit_event", "reviewitem", "alert")
    }
    found: dict[str, list[str]] = {}
    for (program_id,) in connection.execute(sa.select(tables["program"].c.id)).all():
        found[program_id] = _reanchor_program(connection, tables, program_id, now)
        if found[program_id]:
            logger.warning(
                "program %s: the format-1 chain had %d break(s) before re-anchoring; they are "
                "kept in the chain.reanchor audit event and reported by audit verify",
                program_id,
                len(found[program_id]),
            )
    return found


def _reanchor_program(
    connection: Connection, tables: dict[str, sa.Table], program_id: str, now: datetime
) -> list[str]:
    breaks: list[str] = []
    old_heads: dict[str, dict[str, Any]] = {}
    for stream, name in STREAMS:
        breaks += _verify_v1(connection, tables, program_id, stream, name, old_heads)
    for stream, name in STREAMS:
        _rehash(connection, tables, program_id, stream, name)
    detail = {
        "format": chain_format.VERSION,
        "format_1_heads": old_heads,
        "format_1_breaks": breaks[:MAX_KEPT_BREAKS],
        "format_1_break_count": len(breaks),
    }
    append_audit(
        connection,
        tables,
        program_id,
        action="chain.reanchor",
        subject="chain:reanchor",
        anchor=None,
        detail=detail,
        at=now,
    )
    for name in ("reviewitem", "alert"):
        _anchor_records(connection, tables, program_id, name, now)
    return breaks


def _rows(connection: Connection, table: sa.Table, program_id: str) -> Iterator[dict[str, Any]]:
    """The stream's rows in seq order, a page at a time (no cursor stays open across the updates)."""
    after = -1
    while True:
        query = (
            sa.select(table)
            .where(table.c.program_id == program_id, table.c.seq > after)
            .order_by(table.c.seq)
            .limit(_BATCH)
        )
        page = [_original(row) for row in connection.execute(query).mappings()]
        yield from page
        if len(page) < _BATCH:
            return
        after = page[-1]["seq"]


def _original(row: Any) -> dict[str, Any]:
    """A reflected row with its text as the application wrote it (reflection has no ``SafeText``)."""
    return {name: unescape(value) if isinstance(value, str) else value for name, value in row.items()}


def _verify_v1(
    connection: Connection,
    tables: dict[str, sa.Table],
    program_id: str,
    stream: str,
    name: str,
    heads: dict[str, dict[str, Any]],
) -> list[str]:
    """The breaks of one format-1 stream, as the pre-issue-15 ``audit verify`` named them."""
    breaks, previous, expected = [], GENESIS, 1
    for row in _rows(connection, tables[name], program_id):
        where = f"{stream} log seq {row['seq']} (row id {row['id']})"
        if row["seq"] != expected:
            breaks.append(f"{stream} log: row seq {expected} is missing (next is {row['seq']})")
            expected = row["seq"]
        if row["prev_hash"] != previous:
            breaks.append(f"{where}: does not link to the row before it")
        if chain_format.v1_row_hash(stream, row) != row["row_hash"]:
            breaks.append(f"{where}: content was altered after it was written")
        previous = row["row_hash"]
        expected += 1
    head = (
        connection.execute(
            sa.select(tables["chainhead"]).where(
                tables["chainhead"].c.program_id == program_id, tables["chainhead"].c.stream == stream
            )
        )
        .mappings()
        .first()
    )
    last = expected - 1
    if head is not None and (head["last_seq"] != last or (last and head["last_hash"] != previous)):
        breaks.append(
            f"{stream} log: the stored head (seq {head['last_seq']}) does not match the newest "
            f"row (seq {last}): rows were removed or the head was altered"
        )
    heads[stream] = {"seq": last, "hash": previous}
    return breaks


def _rehash(
    connection: Connection, tables: dict[str, sa.Table], program_id: str, stream: str, name: str
) -> None:
    table = tables[name]
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("rid"))
        .values(
            content_salt=sa.bindparam("salt"),
            commitment=sa.bindparam("com"),
            prev_hash=sa.bindparam("prev"),
            row_hash=sa.bindparam("hash"),
        )
    )
    previous, last_seq, batch = GENESIS, 0, []
    for row in _rows(connection, table, program_id):
        salt = chain_format.new_salt()
        row["commitment"] = chain_format.commitment(salt, chain_format.content_of(stream, row))
        row["prev_hash"] = previous
        previous = chain_format.row_hash(stream, row, row["commitment"])
        last_seq = row["seq"]
        batch.append(
            {
                "rid": row["id"],
                "salt": salt,
                "com": row["commitment"],
                "prev": row["prev_hash"],
                "hash": previous,
            }
        )
        if len(batch) >= _BATCH:
            connection.execute(statement, batch)
            batch = []
    if batch:
        connection.execute(statement, batch)
    if last_seq:
        _set_head(connection, tables, program_id, stream, last_seq, previous)


def _set_head(
    connection: Connection,
    tables: dict[str, sa.Table],
    program_id: str,
    stream: str,
    seq: int,
    last_hash: str,
) -> None:
    heads = tables["chainhead"]
    where = (heads.c.program_id == program_id) & (heads.c.stream == stream)
    if (
        connection.execute(sa.update(heads).where(where).values(last_seq=seq, last_hash=last_hash)).rowcount
        == 0
    ):
        connection.execute(
            sa.insert(heads).values(program_id=program_id, stream=stream, last_seq=seq, last_hash=last_hash)
        )


def append_audit(
    connection: Connection,
    tables: dict[str, sa.Table],
    program_id: str,
    *,
    action: str,
    subject: str,
    anchor: str | None,
    detail: dict[str, Any],
    at: datetime,
) -> None:
    """One format-2 audit event, appended with plain SQL (the migration has no ORM session)."""
    heads, events = tables["chainhead"], tables["audit_event"]
    head = connection.execute(
        sa.select(heads.c.last_seq, heads.c.last_hash).where(
            heads.c.program_id == program_id, heads.c.stream == "audit"
        )
    ).first()
    seq, previous = (head[0] + 1, head[1] or GENESIS) if head else (1, GENESIS)
    if connection.dialect.name == "postgresql":
        row_id = connection.execute(
            sa.text("SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))")
        ).scalar_one()
    else:
        row_id = (connection.execute(sa.select(sa.func.max(events.c.id))).scalar_one() or 0) + 1
    row = {
        "id": row_id,
        "program_id": program_id,
        "seq": seq,
        "actor": "mentorbot (migration gov_0001)",
        "action": action,
        "target": "",
        "rows": 0,
        "detail_json": json.dumps(detail, sort_keys=True),
        "at": at,
        "subject": subject,
        "anchor": anchor,
        "prev_hash": previous,
        "erased_by": None,
    }
    row["content_salt"] = chain_format.new_salt()
    row["commitment"] = chain_format.commitment(row["content_salt"], chain_format.content_of("audit", row))
    row["row_hash"] = chain_format.row_hash("audit", row, row["commitment"])
    connection.execute(sa.insert(events).values(**row))
    _set_head(connection, tables, program_id, "audit", seq, row["row_hash"])


class _Record:
    """Attribute access over a row mapping (``chain_format.anchor`` reads attributes)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _anchor_records(
    connection: Connection, tables: dict[str, sa.Table], program_id: str, name: str, now: datetime
) -> None:
    table = tables[name]
    rows = (
        connection.execute(sa.select(table).where(table.c.program_id == program_id).order_by(table.c.id))
        .mappings()
        .all()
    )
    for row in rows:
        salt = chain_format.new_salt()
        connection.execute(sa.update(table).where(table.c.id == row["id"]).values(content_salt=salt))
        append_audit(
            connection,
            tables,
            program_id,
            action="chain.anchor",
            subject=f"{name}:{row['id']}",
            anchor=chain_format.anchor(name, _Record(dict(row)), salt),
            detail={},
            at=now,
        )
