"""Fixtures for the reliability tests: fake Discord and fake Slack on 127.0.0.1, and a policy file
that lets ordinary text through at any hour and any pace (quiet hours and flood limits would hold
the hundreds of messages these tests send, which is not what they look at)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest

HERE = Path(__file__).resolve().parent
sys.path.extend(p for p in (str(HERE),) if p not in sys.path)  # rworld, crashrig; no shadowing

from fakes.discord_server import FakeDiscord  # noqa: E402

PERMISSIVE_POLICY = """\
quiet_hours:
  on: false
flood:
  max_messages: 100000
  window_seconds: 60
"""


@pytest.fixture
def permissive_policy(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yml"
    path.write_text(PERMISSIVE_POLICY)
    return path


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A fake Discord; discord.py's endpoints are restored after the test (the adapter moves them)."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
