"""Fast, concurrency-safe bulk writes: insert-or-ignore on a unique key, and batched chain appends.

Chained rows in bulk: ``storage.chain_bulk``.

``insert_many`` writes many rows in few statements. On SQLite it sends multi-row ``VALUES``
statements straight to the driver, values converted by each column's own bind processor (once
per distinct value, so a batch's shared timestamp is formatted once): one statement per ~1,000
rows instead of one per row matters twice there, for the per-row overhead and because the
full-text trigger on ``message_log`` flushes the FTS5 index at every statement. Other databases
get SQLAlchemy's executemany (``insertmanyvalues`` when rows come back).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session

_ROWS_PER_STATEMENT = 1000
_SQLITE_SAFE_VARIABLES = 999  # SQLITE_MAX_VARIABLE_NUMBER before 3.32, if the driver cannot say


def insert_ignore(session: Session, table: Table, *, index: list[str]):  # type: ignore[no-untyped-def]
    """``INSERT ... ON CONFLICT (index) DO NOTHING`` in the session's dialect (SQLite or PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing(index_elements=index)


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
