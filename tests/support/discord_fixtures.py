"""The fake Discord as pytest fixtures, shared by tests/discord and tests/year (import them into a
conftest): the server on 127.0.0.1, and discord.py's endpoints restored after each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
import yarl

from fakes.discord_server import FakeDiscord


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
