"""Fixtures for the program year (issue 14): the Northside roster (profiles, a choosing channel,
mentors and students not matched yet) on the console harness, and the shared fake Discord.

Most of these tests run on SQLite only (``engine`` is overridden here); ``test_year_on_both.py``
runs the path from choosing to hand-over on PostgreSQL too.
"""

from __future__ import annotations

import pytest

from support import discord_fixtures
from support.year_helpers import YEAR_ROSTER

point_discord_at = discord_fixtures.point_discord_at  # the shared fake Discord fixtures
fake_discord = discord_fixtures.fake_discord


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine


@pytest.fixture
async def year(make_harness):  # type: ignore[no-untyped-def]
    """The harness over the Northside roster (the sample program is not loaded)."""
    return await make_harness(roster=YEAR_ROSTER)


@pytest.fixture
async def year_desk(year, tmp_path):  # type: ignore[no-untyped-def]
    """The desk over the Northside harness."""
    from bot.web import create_web_app
    from support.desk import Desk

    year.app.settings.data_dir = tmp_path
    return Desk(year, create_web_app(year.app.core))
