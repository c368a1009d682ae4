"""Fast, concurrency-safe bulk writes: insert-or-ignore on a unique key, and batched chain appends.

``append_log_rows`` extends a program's hash chain by many rows at once with the same result as
calling ``storage.chain.append`` row by row: the chain head is locked first (the row lock on
PostgreSQL, the write lock SQLite's ``BEGIN IMMEDIATE`` already holds), sequence numbers and
hashes are computed in Python, rows are inserted in a few multi-row statements, and the head
moves once.

``insert_many`` writes many rows in few statements. On SQLite it sends multi-row ``VALUES``
statements straight to the driver, values converted by each column's own bind processor (once
per distinct value, so a batch's shared timestamp is formatted once): one statement per ~1,000
rows instead of one per row matters twice there, for the per-row overhead and because the
full-text trigger on ``message_log`` flushes the FTS5 index at every statement. Other databases
get SQLAlchemy's executemany (``insertmanyvalues`` when rows come back).
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, update
from sqlmodel import Session, select

from storage import blind_index
from storage.chain import GENESIS, UNHASHED, canonical
from storage.encryption import keyring_of
from storage.models import ChainHead, MessageLog
from storage.safe_text import escape

_LOG_FIELDS = sorted(name for name in MessageLog.model_fields if name not in UNHASHED)
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
_ROWS_PER_STATEMENT = 1000
_SQLITE_SAFE_VARIABLES = 999  # SQLITE_MAX_VARIABLE_NUMBER before 3.32, if the driver cannot say


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


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a batch builds ~100,000 short-lived objects.

    Every few thousand new objects Python scans the whole heap (SQLAlchemy's and the adapters'
    objects included): 0.1-0.2 s of a 10,000-match fan-out. Reference counting still frees
    everything at once; cycles wait until the batch is over. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# -- bulk inserts ----------------------------------------------------------------------------------


def insert_many(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    common: Mapping[str, Any] | None = None,
    ignore_on: list[str] | None = None,
    returning: tuple[str, ...] = (),
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (each with the same keys), plus the ``common`` values every row shares
    (a row's own value wins).

    ``ignore_on``: skip rows that collide on this unique key (``ON CONFLICT DO NOTHING``).
    ``returning``: columns to return for the rows actually inserted (tuple-like rows, in no
    particular order).
    """
    if not rows:
        return []
    common = dict(common or {})
    if session.get_bind().dialect.name != "sqlite":
        statement = insert_ignore(session, table, index=ignore_on) if ignore_on else table.insert()
        params = [{**common, **row} for row in rows]
        if not returning:
            session.execute(statement, params)
            return []
        return session.execute(statement.returning(*(table.c[name] for name in returning)), params).all()
    return _sqlite_insert(session, table, rows, common, ignore_on, returning)


def _sqlite_insert(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    common: dict[str, Any],
    ignore_on: list[str] | None,
    returning: tuple[str, ...],
) -> list[tuple[Any, ...]]:
    """``INSERT INTO t (own..., shared...) SELECT column1.., ?.. FROM (VALUES (..), (..)) WHERE true``:
    the shared values are bound once per statement, each row binds only its own columns."""
    connection = session.connection()
    dialect = connection.dialect
    own = list(rows[0])
    if not own or any(len(row) != len(own) for row in rows):
        raise ValueError("insert_many: every row must give the same (non-empty) set of columns")
    shared = [name for name in common if name not in rows[0]]  # a row's own value wins, as on PostgreSQL
    quote = dialect.identifier_preparer.quote
    shared_values = []
    for name in shared:
        convert = _converter(table, name, dialect)
        shared_values.append(convert(common[name]) if convert else common[name])
    converters = [(i, convert) for i, name in enumerate(own) if (convert := _converter(table, name, dialect))]
    get = itemgetter(*own) if len(own) > 1 else (lambda row: (row[own[0]],))
    head = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(name) for name in own + shared)}) "
        f"SELECT {', '.join(f'column{i + 1}' for i in range(len(own)))}"
        + "".join(", ?" for _ in shared)
        + " FROM (VALUES "
    )
    tail = ") WHERE true"  # "WHERE true": INSERT ... SELECT ... ON CONFLICT needs it to parse
    if ignore_on:
        tail += " ON CONFLICT (" + ", ".join(quote(name) for name in ignore_on) + ") DO NOTHING"
    if returning:
        tail += " RETURNING " + ", ".join(quote(name) for name in returning)
    one = "(" + ", ".join("?" * len(own)) + ")"
    per_statement = max(1, min(_ROWS_PER_STATEMENT, (_max_variables(connection) - len(shared)) // len(own)))
    out: list[tuple[Any, ...]] = []
    sql_for: dict[int, str] = {}
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params = list(shared_values)
        if not converters:
            params.extend(chain.from_iterable(map(get, chunk)))
        else:
            for row in chunk:
                values = list(get(row))
                for i, convert in converters:
                    values[i] = convert(values[i])
                params += values
        sql = sql_for.get(len(chunk))
        if sql is None:
            sql = sql_for[len(chunk)] = head + ", ".join([one] * len(chunk)) + tail
        result = connection.exec_driver_sql(sql, tuple(params))
        if returning:
            out += result.all()
    return out


def _converter(table: Table, name: str, dialect: Any) -> Callable[[Any], Any] | None:
    """The column's bind processor (datetimes, dates, booleans on SQLite), remembered per value."""
    column = table.c[name]
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = process(value)
            return converted
        except TypeError:  # unhashable: convert every time
            return process(value)

    return convert


def _max_variables(connection: Any) -> int:
    try:
        import sqlite3

        raw = connection.connection.dbapi_connection
        return int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except Exception:  # noqa: BLE001 - an older driver: the smallest limit SQLite ever had
        return _SQLITE_SAFE_VARIABLES


# -- the hash chain --------------------------------------------------------------------------------

_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]  # what dumps(ensure_ascii=False) uses


def _json(value: Any) -> str:
    """One value exactly as ``json.dumps(..., sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
    writes it inside ``storage.chain.row_digest``'s document (after ``canonical``)."""
    kind = type(value)
    if kind is str:
        return _encode_str(escape(value))  # as ``canonical`` does: the stored form (storage.safe_text)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class ChainDigester:
    """``storage.chain.row_digest`` for many message_log rows that share most of their values.

    The canonical JSON of the shared fields is written once; per row only the fields that differ
    are encoded, into the same bytes ``row_digest`` hashes (tests compare the two).
    """

    def __init__(self, common: Mapping[str, Any] | None = None) -> None:
        common = common or {}
        self.varying: list[str] = []
        self._segments: list[str] = []
        literal = "{"
        for position, name in enumerate(_LOG_FIELDS):
            key = ("," if position else "") + _encode_str(name) + ":"
            if name in common:
                literal += key + _json(canonical(common[name]))
            else:
                self._segments.append(literal + key)
                self.varying.append(name)
                literal = ""
        self._tail = literal + "}"
        self._pairs = list(zip(self._segments, self.varying, strict=True))

    def digest(self, row: Mapping[str, Any]) -> str:
        """The row's hash; ``row`` holds (at least) the varying fields, ``seq`` and ``prev_hash`` included."""
        parts: list[str] = []
        for segment, name in self._pairs:
            parts.append(segment)
            parts.append(_json(row[name]))
        parts.append(self._tail)
        return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()


def row_digest(values: dict[str, Any]) -> str:
    """The same SHA-256 as ``storage.chain.row_digest``, over a plain dict of column values."""
    content = {name: canonical(values[name]) for name in _LOG_FIELDS}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _add_search_tokens(session: Session, rows: list[dict[str, Any]], shared: dict[str, Any]) -> None:
    """Each row's blind-index tokens (storage.blind_index), once per distinct (program, kind, text)."""
    ring = keyring_of(session.get_bind())
    known: dict[tuple[Any, Any, Any], str | None] = {}
    for row in rows:
        key = tuple(row[name] if name in row else shared.get(name) for name in ("program_id", "kind", "text"))
        if key not in known:
            known[key] = blind_index.row_tokens(ring, *key)  # type: ignore[arg-type]
        row["search_tokens"] = known[key]


def append_log_rows(
    session: Session,
    head: ChainHead,
    rows: list[dict[str, Any]],
    *,
    common: Mapping[str, Any] | None = None,
) -> list[int]:
    """Chain ``rows`` (message_log column dicts) after the locked ``head``, insert them; ids in order.

    ``common``: column values every row shares (given once, hashed once); a row's own keys win.
    Missing nullable columns take ``LOG_DEFAULTS``.
    """
    if not rows:
        return []
    shared = {**LOG_DEFAULTS, **(common or {})}
    keys = rows[0].keys()
    if any(row.keys() != keys for row in rows):  # rows of different shapes: give every row every key
        own = set().union(*rows)
        for row in rows:
            for name in own - row.keys():
                row[name] = shared[name]
    _add_search_tokens(session, rows, shared)
    own_keys = set(rows[0]) | {"seq", "prev_hash", "row_hash"}
    shared = {k: v for k, v in shared.items() if k not in own_keys and k != "search_tokens"}
    digester = ChainDigester(shared)
    seq, previous = head.last_seq, head.last_hash or GENESIS
    digest = digester.digest
    for values in rows:
        seq += 1
        values["seq"] = seq
        values["prev_hash"] = previous
        values["row_hash"] = previous = digest(values)
    table = MessageLog.__table__  # type: ignore[attr-defined]
    # (program, seq) is unique and the chain head is locked: the ids come back by sequence number.
    by_seq = dict(insert_many(session, table, rows, common=shared, returning=("seq", "id")))
    first = head.last_seq + 1
    ids = [by_seq[first + i] for i in range(len(rows))]
    session.execute(
        update(ChainHead)
        .where(ChainHead.program_id == head.program_id, ChainHead.stream == head.stream)
        .values(last_seq=seq, last_hash=previous)
    )
    return ids
