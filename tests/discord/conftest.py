"""Fixtures for the Discord tests: a fake Discord on 127.0.0.1, a school guild, a first-class fake core."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.extend(p for p in (str(HERE), str(HERE.parent)) if p not in sys.path)  # dworld, fakes; no shadowing

from discord_world import world  # noqa: E402,F401  (the end-to-end world: a student in Discord, a mentor in Slack)
from dworld import School, adapter_for, make_school  # noqa: E402

from adapters.discord import DiscordAdapter  # noqa: E402
from fakes.core import RecordingCore as FakeCore  # noqa: E402
from fakes.discord_server import FakeDiscord  # noqa: E402
from support import discord_fixtures  # noqa: E402

point_discord_at = discord_fixtures.point_discord_at  # the shared fake Discord fixtures
fake_discord = discord_fixtures.fake_discord


@pytest.fixture
def school(fake_discord: FakeDiscord) -> School:
    return make_school(fake_discord)


@pytest.fixture
def fake_core(school: School) -> FakeCore:
    core = FakeCore()
    core.channels = [school.ref(school.students), school.ref(school.mentors)]
    return core


@pytest.fixture
async def adapter(fake_discord: FakeDiscord, fake_core: FakeCore) -> AsyncIterator[DiscordAdapter]:
    adapter = adapter_for(fake_discord)
    await adapter.start(fake_core)
    try:
        yield adapter
        assert adapter.stopped or adapter.is_running, f"the gateway task died: {adapter.fatal_error}"
    finally:
        await adapter.stop()
