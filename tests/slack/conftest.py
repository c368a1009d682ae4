"""Fixtures for the Slack adapter tests: a fake Slack on 127.0.0.1 and a first-class fake core."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.extend(p for p in (str(HERE), str(HERE.parent)) if p not in sys.path)  # sworld, fakes; no shadowing

from sworld import make_workspaces, socket_adapter_for  # noqa: E402

from adapters.slack import SlackAdapter  # noqa: E402
from fakes.core import RecordingCore as FakeCore  # noqa: E402
from fakes.slack_server import FakeSlack  # noqa: E402


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack(workspaces=make_workspaces()) as fake:
        yield fake


@pytest.fixture
def fake_core() -> FakeCore:
    return FakeCore()


@pytest.fixture
async def socket_adapter(fake_slack: FakeSlack, fake_core: FakeCore) -> AsyncIterator[SlackAdapter]:
    adapter = socket_adapter_for(fake_slack)
    await adapter.start(fake_core)
    for team in fake_slack.workspaces:
        await fake_slack.wait_connected(team)
    try:
        yield adapter
    finally:
        await adapter.stop()
