"""The relay's hot statements, run on the DBAPI cursor with SQL compiled once (issue 16).

Every message the relay records runs the same few statements (the probe, the chain-head bump and
hash, the log row, its outbox rows). SQLAlchemy's execution layer around them (the compiled-cache
look-up, parameter construction, events, result wrapping) cost more client CPU than the database
spends running them on SQLite, and a good share of it on PostgreSQL. Here each statement is the
same SQLAlchemy construct as before, compiled once for the connection's dialect (so its column
list cannot drift from the models), and each run binds its values through the compiled bind
processors: a sealed column is encrypted by its type's bind processor and a datetime is formatted
exactly as a Core execute would. It runs on the cursor of the session's connection, inside the
transaction the session began (SQLite: ``BEGIN IMMEDIATE``, ``storage.db``; psycopg: its implicit
``BEGIN``). A driver error goes through Core's own handler, so it is raised as SQLAlchemy's
(``IntegrityError`` ...) and a connection the server dropped is invalidated as Core would.

On PostgreSQL (psycopg 3) each statement is also prepared on its connection the first time it
runs there (``prepare=True``): the server parses and plans the relay's two statements once per
connection instead of for every message, which was more than a third of the server's CPU per
message. Nothing else is prepared (``storage.db.PREPARE_ONLY_WHEN_ASKED``). psycopg forgets its
prepared statements on a ROLLBACK and prepares them again on the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from sqlalchemy import Connection
from sqlalchemy.sql import ClauseElement

_COMPILED: dict[tuple[int, str, str, str], _Compiled] = {}


class _Compiled:
    """SQL text, its parameters in order (SQLite: positional) or by name (PostgreSQL: psycopg's
    ``%(name)s``), and what turns each value into what the database stores."""

    __slots__ = ("statement", "sql", "names", "keys", "processors", "defaults", "fixed", "positional")

    def __init__(self, statement: ClauseElement, connection: Connection,
                 column_keys: Sequence[str] | None) -> None:
        self.statement = statement  # held, so its id is never another statement's
        compiled = statement.compile(dialect=connection.dialect, column_keys=column_keys)
        self.sql = compiled.string
        self.positional = compiled.positiontup is not None
        if self.positional:
            self.names: tuple[str, ...] = tuple(compiled.positiontup)  # type: ignore[arg-type]
        else:
            self.names = tuple(dict.fromkeys(compiled.bind_names.values()))
        escaped = compiled.escaped_bind_names  # what a name is called in the SQL text (rarely other)
        self.keys: tuple[str, ...] = tuple(escaped.get(name, name) for name in self.names)
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

    def values(self, params: Mapping[str, Any]) -> list[Any] | dict[str, Any]:
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
        return bound if self.positional else dict(zip(self.keys, bound, strict=True))


def _default_value(default: Any) -> Any:
    if default is None:
        return None
    if default.is_callable:
        return default.arg(None)
    return default.arg


def _compiled(statement: ClauseElement, connection: Connection,
              column_keys: Sequence[str] | None) -> _Compiled:
    dialect = connection.dialect
    key = (id(statement), dialect.name, dialect.driver, ",".join(column_keys) if column_keys else "")
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
        if compiled.positional:  # sqlite3
            cursor.execute(compiled.sql, values)
        else:  # psycopg: prepared once per connection where the engine allows it (storage.db)
            cursor.execute(compiled.sql, values, prepare=True)
        return cursor.fetchall() if cursor.description is not None else []
    except Exception as error:
        _raise_as_core(connection, compiled.sql, values, cursor, error)
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
    except Exception as error:
        _raise_as_core(connection, compiled.sql, values, cursor, error)
    finally:
        cursor.close()


def _raise_as_core(connection: Connection, sql: str, values: Any, cursor: Any, error: Exception) -> NoReturn:
    """The error as Core raises it (``IntegrityError`` for a duplicate, ``OperationalError``...),
    through Core's own handler: a connection the server dropped is invalidated and the error says
    so (``connection_invalidated``: ``storage.held_connections`` retries on a fresh one)."""
    connection._handle_dbapi_exception(error, sql, values, cursor, None)  # noqa: SLF001


DRIVERS = ("pysqlite", "psycopg")  # the DBAPI drivers whose cursors this module knows


def usable(connection: Connection) -> bool:
    """The driver path applies: SQLite's sqlite3 or PostgreSQL's psycopg 3 (anything else: Core)."""
    return connection.dialect.driver in DRIVERS
