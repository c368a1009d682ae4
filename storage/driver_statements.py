"""The relay's hot SQLite statements, run on the DBAPI cursor with SQL compiled once (issue 16).

Every message the relay records runs the same few statements (the probe, the chain-head bump and
hash, the log row, its outbox rows). On SQLite, SQLAlchemy's execution layer around them (the
compiled-cache look-up, parameter construction, events, result wrapping) cost more CPU than SQLite
spends running them. Here each statement is the same SQLAlchemy construct as before, compiled
once for the connection's dialect (positional ``?`` parameters, so its column list cannot drift
from the models), and each run binds its values in the compiled order through the compiled bind
processors: a sealed column is encrypted by its type's bind processor and a datetime is
formatted exactly as a Core execute would. It runs on the cursor of the session's connection,
inside the transaction the session began (``BEGIN IMMEDIATE``, ``storage.db``). PostgreSQL keeps
the Core path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement

_COMPILED: dict[tuple[int, str], _Compiled] = {}


class _Compiled:
    """SQL text, its parameter names in order, and what turns each value into what SQLite stores."""

    __slots__ = ("statement", "sql", "names", "processors", "defaults", "fixed")

    def __init__(self, statement: ClauseElement, connection: Connection,
                 column_keys: Sequence[str] | None) -> None:
        self.statement = statement  # held, so its id is never another statement's
        compiled = statement.compile(dialect=connection.dialect, column_keys=column_keys)
        if compiled.positiontup is None:
            raise TypeError("driver_statements: the dialect does not use positional parameters")
        self.sql = compiled.string
        self.names: tuple[str, ...] = tuple(compiled.positiontup)
        processors = compiled._bind_processors  # noqa: SLF001  (what Core applies on execute)
        self.processors: tuple[Callable[[Any], Any] | None, ...] = tuple(
            processors.get(name) for name in self.names)  # type: ignore[misc]
        # columns the INSERT lists but the caller leaves out: their Python-side defaults, as Core does
        self.defaults: dict[str, Any] = {}
        for column in getattr(compiled, "insert_prefetch", ()) or ():
            self.defaults[column.key] = column.default
        # values written into the construct itself (a literal, ``kind == "message"``)
        self.fixed: dict[str, Any] = {name: compiled.binds[name].effective_value for name in self.names
                                      if name in compiled.binds and not compiled.binds[name].required}

    def values(self, params: Mapping[str, Any]) -> list[Any]:
        bound = []
        for name, processor in zip(self.names, self.processors, strict=True):
            if name in params:
                value = params[name]
            elif name in self.defaults:
                value = _default_value(self.defaults[name])
            elif name in self.fixed:
                value = self.fixed[name]
            else:
                raise KeyError(f"driver_statements: no value for parameter {name!r}")
            bound.append(value if processor is None else processor(value))
        return bound


def _default_value(default: Any) -> Any:
    if default is None:
        return None
    if default.is_callable:
        return default.arg(None)
    return default.arg


def _compiled(statement: ClauseElement, connection: Connection,
              column_keys: Sequence[str] | None) -> _Compiled:
    key = (id(statement), ",".join(column_keys) if column_keys else "")
    found = _COMPILED.get(key)  # type: ignore[arg-type]
    if found is None or found.statement is not statement:
        found = _COMPILED[key] = _Compiled(statement, connection, column_keys)  # type: ignore[index]
    return found


def execute(connection: Connection, statement: ClauseElement, params: Mapping[str, Any], *,
            column_keys: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
    """Run ``statement`` (built once, kept alive by its module) with ``params``; its rows.

    ``column_keys``: for an INSERT, the columns given (the rest take their defaults)."""
    compiled = _compiled(statement, connection, column_keys)
    values = compiled.values(params)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(compiled.sql, values)
        return cursor.fetchall() if cursor.description is not None else []
    except connection.dialect.loaded_dbapi.Error as error:
        raise _wrapped(connection, compiled.sql, values, error) from error
    finally:
        cursor.close()


def execute_many(connection: Connection, statement: ClauseElement, rows: Sequence[Mapping[str, Any]], *,
                 column_keys: Sequence[str]) -> None:
    """An INSERT of several rows with the same columns (``column_keys``) in one ``executemany``."""
    compiled = _compiled(statement, connection, column_keys)
    values = [compiled.values(row) for row in rows]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(compiled.sql, values)
    except connection.dialect.loaded_dbapi.Error as error:
        raise _wrapped(connection, compiled.sql, values, error) from error
    finally:
        cursor.close()


def _wrapped(connection: Connection, sql: str, values: Any, error: Exception) -> Exception:
    """The error as Core raises it (``IntegrityError`` for a duplicate, ``OperationalError``...)."""
    dbapi = connection.dialect.loaded_dbapi
    return DBAPIError.instance(sql, values, error, dbapi.Error, dialect=connection.dialect)  # type: ignore[return-value]


def usable(connection: Connection) -> bool:
    """The driver path applies: SQLite (PostgreSQL keeps Core's execution)."""
    return connection.dialect.name == "sqlite"
