"""Slack redelivers what the bot did not acknowledge, on the live connection too; the bot records it once.

Real Slack retries an unacknowledged event (``retry_attempt`` 1, 2, 3 with ``retry_reason``
"timeout") without waiting for a reconnect; the fake does the same with ``redeliver_after``.
"""

from __future__ import annotations

import asyncio

from sworld import SCHOOL, make_workspaces, socket_adapter_for

from fakes.core import RecordingCore as FakeCore
from fakes.slack_server import FakeSlack, message_event


async def test_an_unacknowledged_event_comes_again_on_the_same_connection_and_is_recorded_once() -> None:
    async with FakeSlack(workspaces=make_workspaces(), redeliver_after=0.2) as fake:
        core = FakeCore(fail_next=1)  # the database hiccups once: no ack for the first delivery
        adapter = socket_adapter_for(fake)
        await adapter.start(core)
        try:
            school = fake.workspace(SCHOOL)
            body = message_event(school, "CSTUDENTS", "USTUDENT1", "second time lucky")
            eid = await fake.push(SCHOOL, body)
            ack = await fake.wait_ack(eid, timeout=5)
            await asyncio.sleep(0.5)  # acknowledged now: nothing more is redelivered
        finally:
            await adapter.stop()
    assert [e.text for e in core.events] == ["second time lucky"] and core.duplicates == 0
    assert fake.connections_opened[SCHOOL] == 1  # same connection, no reconnect needed
    assert fake.sends[eid] == [0, 1] and fake.unacked(SCHOOL) == []  # retry_attempt 1 was acknowledged
    assert ack.elapsed < 1.0
