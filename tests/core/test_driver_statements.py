"""The relay's SQLite statements on the DBAPI cursor write what Core writes (issue 16).

``storage.driver_statements`` runs prebuilt statements without SQLAlchemy's execution layer; a
value bound in the wrong order, a datetime formatted differently or a default left out would put
a different row on disk than Core did, and a duplicate must still raise SQLAlchemy's error (the
relay treats it as a lost race)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, select
from sqlalchemy.exc import IntegrityError

from storage import driver_statements
from storage.db import make_engine

_META = MetaData()
_ROWS = Table("sample", _META, Column("id", Integer, primary_key=True), Column("key", String, unique=True),
              Column("at", DateTime), Column("state", String, default="pending"),
              Column("tries", Integer, default=lambda: 7))
_INSERT = _ROWS.insert()
_PENDING = select(_ROWS.c.state, _ROWS.c.tries, _ROWS.c.at).where(_ROWS.c.state == "pending")


@pytest.fixture
def connection(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'sample.db'}")
    _META.create_all(engine)
    with engine.connect() as connection, connection.begin():
        yield connection
    engine.dispose()


def test_rows_written_on_the_cursor_equal_rows_written_by_core(connection) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
    connection.execute(_INSERT, [{"key": "core", "at": at}])
    driver_statements.execute_many(connection, _INSERT, [{"key": "cursor", "at": at}],
                                   column_keys=("key", "at"))
    rows = connection.exec_driver_sql("SELECT key, at, state, tries FROM sample ORDER BY id").all()
    assert [tuple(r[1:]) for r in rows] == [tuple(rows[0][1:])] * 2
    assert rows[1][2:] == ("pending", 7)
    # a statement with a literal in it (``state == 'pending'``) and a datetime read back through Core
    found = driver_statements.execute(connection, _PENDING, {})
    assert len(found) == 2 and found[0][:2] == ("pending", 7)


def test_a_duplicate_raises_sqlalchemys_integrity_error(connection) -> None:  # type: ignore[no-untyped-def]
    driver_statements.execute(connection, _INSERT, {"key": "once", "at": None}, column_keys=("key", "at"))
    with pytest.raises(IntegrityError):
        driver_statements.execute(connection, _INSERT, {"key": "once", "at": None}, column_keys=("key", "at"))
