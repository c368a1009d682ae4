"""The relay's hot statements on the DBAPI cursor write what Core writes (issue 16), on SQLite
(sqlite3) and PostgreSQL (psycopg 3, prepared statements).

``storage.driver_statements`` runs prebuilt statements without SQLAlchemy's execution layer; a
value bound in the wrong order or under the wrong name, a datetime formatted differently or a
default left out would put a different row on disk than Core did, and a duplicate must still
raise SQLAlchemy's error (the relay treats it as a lost race). On PostgreSQL the statements are
prepared on their connection: a rollback makes psycopg drop every prepared statement, so the
next run must prepare again rather than fail."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, bindparam, select, text
from sqlalchemy.exc import IntegrityError

from storage import driver_statements

_META = MetaData()
_ROWS = Table("sample", _META, Column("id", Integer, primary_key=True), Column("key", String, unique=True),
              Column("at", DateTime(timezone=True)), Column("state", String, default="pending"),
              Column("tries", Integer, default=lambda: 7))
_INSERT = _ROWS.insert()
_PENDING = select(_ROWS.c.state, _ROWS.c.tries, _ROWS.c.at).where(_ROWS.c.state == "pending")
_BY_KEY = select(_ROWS.c.tries).where(_ROWS.c.key == bindparam("key"))


@pytest.fixture
def connection(engine: Engine):  # type: ignore[no-untyped-def]
    _META.create_all(engine)
    with engine.connect() as connection, connection.begin():
        yield connection


def test_rows_written_on_the_cursor_equal_rows_written_by_core(connection) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
    connection.execute(_INSERT, [{"key": "core", "at": at}])
    driver_statements.execute_many(connection, _INSERT, [{"key": "cursor", "at": at}],
                                   column_keys=("key", "at"))
    driver_statements.execute(connection, _INSERT, {"key": "cursor-one", "at": at}, column_keys=("key", "at"))
    rows = connection.execute(text("SELECT key, at, state, tries FROM sample ORDER BY id")).all()
    assert [tuple(r[1:]) for r in rows] == [tuple(rows[0][1:])] * 3
    assert rows[1][2:] == ("pending", 7)
    # a statement with a literal in it (``state == 'pending'``) and a datetime read back
    found = driver_statements.execute(connection, _PENDING, {})
    assert len(found) == 3 and found[0][:2] == ("pending", 7)


def test_a_duplicate_raises_sqlalchemys_integrity_error(connection) -> None:  # type: ignore[no-untyped-def]
    driver_statements.execute(connection, _INSERT, {"key": "once", "at": None}, column_keys=("key", "at"))
    with pytest.raises(IntegrityError):
        driver_statements.execute(connection, _INSERT, {"key": "once", "at": None}, column_keys=("key", "at"))


def test_a_statement_runs_again_after_a_rollback(engine: Engine) -> None:
    """psycopg deallocates its prepared statements on ROLLBACK (and after an error): the same
    statement on the same connection must prepare again and answer, not fail on a missing name."""
    _META.create_all(engine)
    with engine.connect() as connection:
        for attempt in range(3):
            with connection.begin() as transaction:
                driver_statements.execute(connection, _INSERT, {"key": f"k{attempt}", "at": None},
                                          column_keys=("key", "at"))
                assert driver_statements.execute(connection, _BY_KEY, {"key": f"k{attempt}"}) == [(7,)]
                transaction.rollback()
        with connection.begin() as transaction:  # an error: the relay rolls back (a lost race)
            driver_statements.execute(connection, _INSERT, {"key": "lost", "at": None},
                                      column_keys=("key", "at"))
            with pytest.raises(IntegrityError):
                driver_statements.execute(connection, _INSERT, {"key": "lost", "at": None},
                                          column_keys=("key", "at"))
            transaction.rollback()
        with connection.begin():
            driver_statements.execute(connection, _INSERT, {"key": "kept", "at": None},
                                      column_keys=("key", "at"))
        with connection.begin():
            assert driver_statements.execute(connection, _BY_KEY, {"key": "kept"}) == [(7,)]
            assert driver_statements.execute(connection, _BY_KEY, {"key": "lost"}) == []
            assert driver_statements.execute(connection, _BY_KEY, {"key": "k0"}) == []


@pytest.mark.postgres
def test_postgresql_statements_are_prepared_once_per_connection(pg_engine: Engine) -> None:
    _META.create_all(pg_engine)
    with pg_engine.connect() as connection, connection.begin():
        for n in range(3):
            driver_statements.execute(connection, _BY_KEY, {"key": f"k{n}"})
        prepared = connection.execute(text(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM sample%'")).scalar_one()
        assert prepared == 1
        # an ordinary Core statement run as often is not prepared (no generic plan by surprise)
        for _ in range(8):
            connection.execute(_PENDING).all()
        assert connection.execute(text(
            "SELECT count(*) FROM pg_prepared_statements")).scalar_one() == 1
