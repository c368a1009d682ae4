"""Roster test databases: a fresh migrated SQLite file per test, and PostgreSQL via the shared cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.db import open_database


@pytest.fixture
def roster_sqlite(tmp_path: Path) -> Iterator[Engine]:
    engine = open_database(f"sqlite:///{tmp_path}/t.db")
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Engine:
    """Every roster import test runs on SQLite and on PostgreSQL (``pg_engine`` from tests/conftest.py)."""
    return request.getfixturevalue("roster_sqlite" if request.param == "sqlite" else "pg_engine")
