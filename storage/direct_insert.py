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

from sqlalchemy import Insert, Table, bindparam
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, SQLModel

from storage.models import MessageLog, index_log_row

_INSERTS: dict[str, tuple[Insert, tuple[str, ...]]] = {}


def _insert_of(table: Table) -> tuple[Insert, tuple[str, ...]]:
    found = _INSERTS.get(table.name)
    if found is None:
        names = tuple(column.key for column in table.columns)
        found = _INSERTS[table.name] = (table.insert(), names)
    return found


def insert_row(session: Session, row: SQLModel, *,
               along: tuple[str, Any, dict[str, Any]] | None = None) -> None:
    """Write ``row`` (its primary key already set) now, and keep it in the session as persistent.

    ``along``: (name, DML statement, its parameters) to run in the same statement, as a CTE, where
    the database can (PostgreSQL: one round trip less), else just before the INSERT.
    """
    table: Table = type(row).__table__  # type: ignore[attr-defined]
    if any(getattr(row, column.key) is None for column in table.primary_key):
        raise ValueError(f"insert_row: a {table.name} row needs its primary key before it is written")
    if isinstance(row, MessageLog):
        index_log_row(session.get_bind().dialect, row)
    statement, names = _insert_of(table)
    values = {name: getattr(row, name) for name in names}
    if along is not None:
        name, dml, params = along
        if session.get_bind().dialect.name == "postgresql":
            key = f"{table.name}+{name}"
            if key not in _INSERTS:  # the row's values under their own names: none is taken for the CTE's
                own = table.insert().values({n: bindparam(f"row_{n}") for n in names})
                _INSERTS[key] = (own.add_cte(dml.cte(name)), names)
            statement = _INSERTS[key][0]
            values = {**{f"row_{n}": v for n, v in values.items()}, **params}
        else:
            session.execute(dml, params)
    session.execute(statement, values)
    make_transient_to_detached(row)
    session.add(row)


def insert_values(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write rows given as column values (the same columns in each; the rest take their defaults,
    an id its autoincrement) in one statement; no objects are made."""
    if rows:
        session.execute(_insert_of(table)[0], list(rows))
