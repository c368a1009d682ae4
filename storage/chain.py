"""The tamper-evident chain over append-only streams (message log, audit trail).

Each row's hash covers its id, its sequence number, the previous row's hash in the same program
and stream, its non-personal columns and a commitment to its personal content
(``storage.chain_format``), so editing, inserting, swapping or removing any stored row breaks the
chain, while erasing content under a retention rule leaves a verifiable tombstone.
``storage.chain_verify`` recomputes it; ``head`` is what gets published outside the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Select, Table, bindparam, cast, func, select, text, update
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from storage import chain_format
from storage.chain_format import GENESIS, canonical  # noqa: F401  (re-exported: callers hash with them)
from storage.models import AuditEvent, ChainHead, MessageLog

if TYPE_CHECKING:
    from storage.direct_insert import Rows

STREAM_TABLES = {"message": MessageLog, "audit": AuditEvent}


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for ``table``, known before the insert so the hash can cover them.

    PostgreSQL: values from the column's own sequence. SQLite: the next ids after the largest one;
    safe because every transaction there holds the write lock from its start (``BEGIN IMMEDIATE``,
    ``storage.db``), and pending rows of this session are flushed before the look-up.
    """
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        sequence = session.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar_one()
        rows = session.execute(
            text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
            {"s": sequence, "n": count},
        )
        return sorted(int(value) for (value,) in rows)
    largest = session.execute(_largest_id(table)).scalar_one() or 0
    return list(range(largest + 1, largest + 1 + count))


_LARGEST: dict[str, Select] = {}


def _largest_id(table: Table) -> Select:
    """``SELECT max(id)`` of ``table``, built once per table (it runs for every appended row)."""
    found = _LARGEST.get(table.name)
    if found is None:
        found = _LARGEST[table.name] = select(func.max(table.c.id))
    return found


@dataclass(slots=True)
class Head:
    """A stream's head as one append sees it: the sequence number it took and the hash before."""

    program_id: str
    stream: str
    last_seq: int
    last_hash: str


_HEAD = ChainHead.__table__  # type: ignore[attr-defined]
_BUMP = (update(_HEAD).where(_HEAD.c.program_id == bindparam("p"), _HEAD.c.stream == bindparam("s"))
         .values(last_seq=_HEAD.c.last_seq + 1).returning(_HEAD.c.last_seq, _HEAD.c.last_hash))
_SET_HASH = (update(_HEAD).where(_HEAD.c.program_id == bindparam("p"), _HEAD.c.stream == bindparam("s"))
             .values(last_hash=bindparam("h")))


def bump_head(session: Session, program_id: str, stream: str) -> Head:
    """Take the next sequence number of a stream, creating its head on first use.

    The head is updated *first* so the statement takes the write lock (SQLite) or the row lock
    (PostgreSQL) and concurrent appenders queue instead of forking the chain. RETURNING gives the
    values as of this UPDATE, after any other append that held the lock committed (one statement
    instead of an update and a re-read: this runs for every message the relay records).
    """
    found = session.execute(_BUMP, {"p": program_id, "s": stream}).first()
    if found is None:
        # First row of this stream: create the head, tolerating a concurrent creator, then bump it
        # (the second UPDATE waits for the other writer's row lock instead of forking the chain).
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(
            insert(ChainHead)
            .values(program_id=program_id, stream=stream, last_seq=0, last_hash=GENESIS)
            .on_conflict_do_nothing()
        )
        found = session.execute(_BUMP, {"p": program_id, "s": stream}).first()
        assert found is not None
    return Head(program_id, stream, found[0], found[1])


def seal(row: MessageLog | AuditEvent, stream: str) -> None:
    """Give a row whose id, seq and prev_hash are set its salt, commitment and row hash."""
    row.content_salt = chain_format.new_salt()
    row.commitment = chain_format.commitment(row.content_salt, chain_format.content_of(stream, row))
    row.row_hash = chain_format.row_hash(stream, row, row.commitment)


def open_row(session: Session, row: MessageLog | AuditEvent, *, stream: str) -> Head:
    """Give ``row`` its id, sequence number and previous hash; ``close_row`` hashes it.

    Split from ``append`` for the one writer that must know its row's id before the row's content
    is final (an erasure anchors the rows it marks with its own id: ``storage.erasure``).
    """
    head = bump_head(session, row.program_id, stream)
    row.id = reserve_ids(session, STREAM_TABLES[stream].__table__, 1)[0]  # type: ignore[attr-defined]
    row.seq = head.last_seq
    row.prev_hash = head.last_hash or GENESIS
    return head


def close_row(session: Session, row: MessageLog | AuditEvent, head: Head, *, stream: str) -> None:
    """Hash the row and move its stream's head to that hash (a Core UPDATE: the row lock is held)."""
    seal(row, stream)
    head.last_hash = row.row_hash
    session.execute(_SET_HASH, {"h": row.row_hash, "p": head.program_id, "s": head.stream})
    session.add(row)


def _bump_with_id(dialect: str, table: Table):  # type: ignore[no-untyped-def]
    """``_BUMP`` that also returns the row's new id: the next after the largest (SQLite, under the
    write lock ``bump_head`` takes) or the column's sequence (PostgreSQL), as ``reserve_ids`` does."""
    key = (dialect, table.name)
    found = _BUMP_WITH_ID.get(key)
    if found is None:
        if dialect == "postgresql":
            next_id = func.nextval(cast(func.pg_get_serial_sequence(table.name, "id"), REGCLASS))
        else:
            next_id = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
        found = _BUMP_WITH_ID[key] = _BUMP.returning(next_id.label("next_id"))
    return found


def bump_statement(dialect: str, stream: str):  # type: ignore[no-untyped-def]
    """The statement ``open_row_now`` runs (bind parameters ``p``, ``s``): a caller may run it as
    part of a statement of its own and hand the result to ``append_now`` (``bumped``)."""
    return _bump_with_id(dialect, STREAM_TABLES[stream].__table__)  # type: ignore[attr-defined]


_BUMP_WITH_ID: dict[tuple[str, str], object] = {}


def open_row_now(session: Session, row: MessageLog | AuditEvent, *, stream: str,
                 bumped: tuple[int, str, int] | None = None) -> Head:
    """``open_row`` in one statement where the head exists (the relay appends for every message).

    ``bumped``: (sequence number, previous hash, id) that ``bump_statement`` already returned in
    this transaction for this row (the relay runs it with its first statement on PostgreSQL)."""
    if bumped is not None:
        row.seq, row.prev_hash, row.id = bumped[0], bumped[1] or GENESIS, bumped[2]
        return Head(row.program_id, stream, bumped[0], bumped[1])
    table = STREAM_TABLES[stream].__table__  # type: ignore[attr-defined]
    dialect = session.get_bind().dialect.name
    if dialect != "postgresql" and any(isinstance(o, STREAM_TABLES[stream]) for o in session.new):
        session.flush()  # max(id) must see this session's pending rows (as reserve_ids does)
    found = session.connection().execute(_bump_with_id(dialect, table),  # type: ignore[call-overload]
                                         {"p": row.program_id, "s": stream}).first()
    if found is None:  # the stream's first row: create its head on the way that tolerates a race
        return open_row(session, row, stream=stream)
    row.id, row.seq, row.prev_hash = int(found[2]), found[0], found[1] or GENESIS
    return Head(row.program_id, stream, found[0], found[1])


def append_now(session: Session, row: MessageLog | AuditEvent, *, stream: str,
               then: Callable[[MessageLog | AuditEvent], Rows] | None = None,
               bumped: tuple[int, str, int] | None = None) -> None:
    """``append``, with the row written at once by a Core INSERT instead of a later ORM flush
    (``storage.direct_insert``: the relay's record path); an ORM row stays in the session.
    ``then``: given the row (with its id), rows of another table written with it (its outbox rows).
    ``bumped``: see ``open_row_now``."""
    from storage.direct_insert import insert_row

    head = open_row_now(session, row, stream=stream, bumped=bumped)
    seal(row, stream)
    head.last_hash = row.row_hash
    # the head's new hash, the row and its outbox rows in one statement on PostgreSQL (the row
    # lock is held until the COMMIT: every round trip less is a shorter wait for the other replicas)
    insert_row(session, row, along=("chain_hash", _SET_HASH,
                                    {"h": row.row_hash, "p": head.program_id, "s": head.stream}),
               then=then(row) if then is not None else None)


def append(session: Session, row: MessageLog | AuditEvent, *, stream: str) -> None:
    """Give ``row`` its id, sequence number, commitment and hashes, and add it to the session."""
    head = open_row(session, row, stream=stream)
    close_row(session, row, head, stream=stream)


@dataclass(frozen=True, slots=True)
class StreamHead:
    seq: int
    row_hash: str


def stream_head(session: Session, program_id: str, stream: str) -> StreamHead:
    head = session.get(ChainHead, (program_id, stream))
    return StreamHead(head.last_seq, head.last_hash or GENESIS) if head else StreamHead(0, GENESIS)


def head(session: Session, program_id: str) -> str:
    """The program's current chain head as published (``chain_format.program_head``)."""
    message, audit = stream_head(session, program_id, "message"), stream_head(session, program_id, "audit")
    return chain_format.program_head(program_id, (message.seq, message.row_hash), (audit.seq, audit.row_hash))


def verify(session: Session, program_id: str):  # type: ignore[no-untyped-def]
    """Every break in the program's chains, erasures and anchors (``storage.chain_verify``)."""
    from storage.chain_verify import verify_program

    return verify_program(session, program_id).breaks
