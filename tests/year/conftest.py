"""Fixtures for the program year (issue 14): the Northside roster (profiles, a choosing channel,
mentors and students not matched yet) on the console harness.

Most of these tests run on SQLite only (``engine`` is overridden here); ``test_year_on_both.py``
runs the whole choosing-to-hand-over path on PostgreSQL too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from storage.models import AuditEvent
from support import discord_fixtures

point_discord_at = discord_fixtures.point_discord_at  # the shared fake Discord fixtures
fake_discord = discord_fixtures.fake_discord

YEAR_ROSTER = Path(__file__).with_name("year-program.yml")
PROGRAM = "northside-ptech"


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine


@pytest.fixture
async def year(make_harness):  # type: ignore[no-untyped-def]
    """The harness over the Northside roster (the sample program is not loaded)."""
    return await make_harness(roster=YEAR_ROSTER)


def audit_actions(engine, *, target: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        query = select(AuditEvent).where(AuditEvent.program_id == PROGRAM).order_by(AuditEvent.id)
        return [e.action for e in session.exec(query) if target is None or e.target == target]
