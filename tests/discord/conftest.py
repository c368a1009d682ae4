"""Fixtures for the Discord tests: a fake Discord on 127.0.0.1, a school guild, a first-class fake core."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest
import yarl

HERE = Path(__file__).resolve().parent
sys.path.extend(p for p in (str(HERE), str(HERE.parent)) if p not in sys.path)  # dworld, fakes; no shadowing

from dworld import School, adapter_for, make_school  # noqa: E402

from adapters.discord import DiscordAdapter  # noqa: E402
from fakes.core import RecordingCore as FakeCore  # noqa: E402
from fakes.discord_server import FakeDiscord  # noqa: E402


@pytest.fixture
def point_discord_at(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Restore discord.py's endpoints after the test (the adapter sets them from its settings)."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    assert isinstance(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY, yarl.URL)


@pytest.fixture
async def fake_discord(point_discord_at) -> AsyncIterator[FakeDiscord]:  # type: ignore[no-untyped-def]
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


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
