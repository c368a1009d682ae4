"""ORM rows written with one Core INSERT each, without the unit of work (issue 16, the relay).

The relay writes a log row and its outbox rows for every message. Through the ORM each costs a
flush: change tracking, dependency sorting, a fresh statement and its cache key, per row. Here the
row object is built as usual, written with a Core INSERT built once per table (each sealed
column goes through its own bind processor, ``storage.encryption``, exactly as in a flush) and
then attached to the session as if a flush had written it: ``session.get`` finds it, and a later
change to one of its attributes is flushed as an UPDATE. What the ORM's ``before_insert`` hooks
do for these tables is done here too (a log row's blind-index tokens: ``models.index_log_row``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import Connection, Insert, Table, bindparam
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, SQLModel

from storage import driver_statements
from storage.models import MessageLog, index_log_row

_INSERTS: dict[str, tuple[Insert, tuple[str, ...]]] = {}


def _insert_of(table: Table) -> tuple[Insert, tuple[str, ...]]:
    found = _INSERTS.get(table.name)
    if found is None:
        names = tuple(column.key for column in table.columns)
        found = _INSERTS[table.name] = (table.insert(), names)
    return found


class LogRow:
    """A message-log row as plain attributes: what the relay writes for every message.

    Building a ``MessageLog`` costs an instrumented attribute set per column (≈ 40 per row) and
    keeping it in the session makes every later flush look at it; the relay only reads the row
    back (its id, text, sender name) in the same transaction, so the record path writes this
    instead. It has every column of ``message_log`` with the model's defaults, hashes and seals
    the same way (``storage.chain`` reads attributes), and nothing in the session refers to it:
    ``session.get(MessageLog, row.id)`` reads the written row from the database.
    """

    __table__ = MessageLog.__table__  # type: ignore[attr-defined]
    _DEFAULTS: dict[str, Any] = {name: (None if field.default is PydanticUndefined else field.default)
                                 for name, field in MessageLog.model_fields.items()}

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - self._DEFAULTS.keys()
        if unknown:
            raise TypeError(f"LogRow: no column {sorted(unknown)}")
        self.__dict__.update(self._DEFAULTS)
        self.__dict__.update(values)


Rows = tuple[Table, Sequence[Mapping[str, Any]]]  # more rows of another table, written with the row


def insert_row(session: Session, row: SQLModel | LogRow, *,
               along: tuple[str, Any, dict[str, Any]] | None = None, then: Rows | None = None) -> None:
    """Write ``row`` (its primary key already set) now; an ORM row stays in the session as persistent.

    ``along``: (name, DML statement, its parameters) to run in the same statement, as a CTE, where
    the database can (PostgreSQL: one round trip less), else just before the INSERT. ``then``: rows
    of another table that refer to this one (a message's outbox rows), in the same statement on
    PostgreSQL too (the row as a CTE of their INSERT; foreign keys are checked at the statement's
    end), else just after. Statements go to the session's connection directly (Core: the ORM's
    execution layer adds nothing here).
    """
    table: Table = type(row).__table__  # type: ignore[attr-defined]
    if any(getattr(row, column.key) is None for column in table.primary_key):
        raise ValueError(f"insert_row: a {table.name} row needs its primary key before it is written")
    connection = session.connection()
    if table is MessageLog.__table__:  # type: ignore[attr-defined]
        index_log_row(connection.dialect, row)  # type: ignore[arg-type]
    statement, names = _insert_of(table)
    values = {name: getattr(row, name) for name in names}
    if connection.dialect.name == "postgresql" and (along is not None or (then and then[1])):
        statement, values = _combined(table, names, values, along, then)
        if driver_statements.usable(connection):  # on psycopg's cursor, compiled once
            driver_statements.execute(connection, statement, values)
        else:
            connection.execute(statement, values)
    elif driver_statements.usable(connection):  # SQLite: on the DBAPI cursor, compiled once
        _insert_on_driver(connection, statement, names, values, along, then)
    else:
        if along is not None:
            connection.execute(along[1], along[2])
        if then is not None:
            connection.execute(statement, values)
            statement, values = _insert_of(then[0])[0], list(then[1])  # type: ignore[assignment]
            if not values:
                statement = None  # type: ignore[assignment]
        if statement is not None:
            connection.execute(statement, values)
    if isinstance(row, SQLModel):
        make_transient_to_detached(row)
        session.add(row)


def _insert_on_driver(connection: Connection, statement: Insert, names: tuple[str, ...],
                      values: dict[str, Any], along: tuple[str, Any, dict[str, Any]] | None,
                      then: Rows | None) -> None:
    """``insert_row``'s statements in the same order, each run on the DBAPI cursor (SQLite)."""
    if along is not None:
        driver_statements.execute(connection, along[1], along[2])
    driver_statements.execute(connection, statement, values, column_keys=names)
    if then is not None and then[1]:
        rows = list(then[1])
        driver_statements.execute_many(connection, _insert_of(then[0])[0], rows, column_keys=tuple(rows[0]))


def _combined(table: Table, names: tuple[str, ...], values: dict[str, Any],
              along: tuple[str, Any, dict[str, Any]] | None,
              then: Rows | None) -> tuple[Insert, dict[str, Any]]:
    """One PostgreSQL statement: ``along`` and the row as CTEs of the INSERT of ``then``'s rows (or
    ``along`` as the CTE of the row's INSERT), built once per shape. Every value goes under a name of
    its own (``row_text``, ``d0_text``), so none is taken for another part's."""
    rows = list(then[1]) if then else []
    columns = tuple(rows[0]) if rows else ()
    key = f"{table.name}+{along[0] if along else ''}+{then[0].name if then else ''}x{len(rows)}:{columns}"
    statement = _COMBINED.get(key)
    if statement is None:
        own = table.insert().values({n: bindparam(f"row_{n}") for n in names})
        if rows:  # one single-row INSERT each (a multi-row VALUES has no cache key: compiled every time)
            inserts = [then[0].insert().values({c: bindparam(f"d{i}_{c}") for c in columns})  # type: ignore[index]
                       for i in range(len(rows))]
            statement = inserts[-1].add_cte(own.cte("logged"))
            for i, earlier in enumerate(inserts[:-1]):
                statement = statement.add_cte(earlier.cte(f"then_{i}"))
        else:
            statement = own
        if along is not None:
            statement = statement.add_cte(along[1].cte(along[0]))
        _COMBINED[key] = statement
    params = {f"row_{n}": v for n, v in values.items()}
    params.update(along[2] if along else {})
    for i, one in enumerate(rows):
        params.update({f"d{i}_{c}": one[c] for c in columns})
    return statement, params


_COMBINED: dict[str, Insert] = {}


def insert_values(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write rows given as column values (the same columns in each; the rest take their defaults,
    an id its autoincrement) in one statement; no objects are made."""
    if rows:
        session.connection().execute(_insert_of(table)[0], list(rows))
