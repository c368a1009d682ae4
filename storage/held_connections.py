"""Connections a hot path keeps between transactions instead of returning them to the pool.

The relay records one message per transaction. Taken from the pool, each transaction's connection
is checked out and in again, and on PostgreSQL the pool first pings the server (``pool_pre_ping``:
one round trip, as long as a statement). Kept here between messages it is used at once; a
connection the server dropped meanwhile (a restart, a fail-over) fails its next statement, which
invalidates it, and ``retry_once`` runs the transaction again on a freshly checked-out (and
pinged) one. A transaction is all or nothing and the relay's events carry a unique dedupe key,
so running one again can neither lose nor double a message.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")


class HeldConnections:
    """At most ``keep`` idle connections of one engine, for one hot path of this process."""

    def __init__(self, engine: Engine, *, keep: int = 4) -> None:
        self._engine = engine
        self._keep = keep
        self._idle: list[Connection] = []
        self._lock = threading.Lock()
        # ``engine.dispose()`` closes these too, as it does the pool's (a SQLite file is then closed
        # and its WAL folded back: a file copied afterwards is whole)
        event.listen(engine, "engine_disposed", lambda _engine: self.close(for_good=True))

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """An idle connection of this path, or a new one; kept again if it ended cleanly."""
        with self._lock:
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = self._engine.connect()
        clean = False
        try:
            yield connection
            clean = not connection.invalidated and not connection.in_transaction()
        finally:
            with self._lock:
                if clean and len(self._idle) < self._keep:
                    self._idle.append(connection)
                    connection = None  # type: ignore[assignment]
            if connection is not None:
                connection.close()

    def retry_once(self, transaction: Callable[[Connection], T]) -> T:
        """``transaction`` on a kept connection; once more on a fresh one if that one was dead."""
        try:
            with self.connection() as connection:
                return transaction(connection)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
        with self._engine.connect() as connection:
            return transaction(connection)

    def close(self, *, for_good: bool = False) -> None:
        """Give the kept connections back to the pool; ``for_good``: close them (the engine was
        disposed: its pool is gone, and a connection given back to it would stay open)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            if for_good:
                connection.invalidate()
            connection.close()
