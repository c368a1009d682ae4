"""SIGTERM's path (``MentorBot.stop``): take no more events, finish or give back the deliveries in
flight, leave within the bound — and a restart picks up exactly where it stopped.

The real app with the real Slack adapter against the fake Slack; posting to Slack is made slow
(the fake stores the post at once and answers late), so a stop always finds a send under way.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from sworld import CORP, SCHOOL, make_workspaces, socket_adapter_for

from bot.app import MentorBot, build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.slack_server import FakeSlack, message_event
from storage.models import Delivery
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster
from support.waiting import until

ROSTER = Path(__file__).parent / "program.yml"
TEXTS = ["first: what do engineers do?", "second: do you like it?", "third: how did you start?"]


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with FakeSlack(workspaces=make_workspaces()) as slack:
        yield slack


def replica(fake: FakeSlack, engine: Engine, clock) -> MentorBot:  # type: ignore[no-untyped-def]
    return build_app(Settings(_env_file=None, delivery_poll_seconds=0.05), engine=engine, clock=clock,
                     adapters={"slack": socket_adapter_for(fake)},
                     policies=PolicyBook(loader=lambda _path: FakePolicy()))


async def write_three(fake: FakeSlack) -> None:
    school = fake.workspace(SCHOOL)
    for text in TEXTS:
        await fake.wait_ack(await fake.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", text)))


def relayed(fake: FakeSlack) -> list[str]:
    return [m["text"] for m in fake.channel_messages(CORP, "CMENTORS")]


def copies(engine: Engine) -> list[tuple[str, int, object]]:
    with Session(engine) as session:
        rows = session.exec(select(Delivery).where(Delivery.kind == "relay").order_by(Delivery.id))
        return [(row.state, row.attempts, row.lease_until) for row in rows]


async def test_a_stop_finishes_the_send_under_way_leaves_the_rest_and_a_restart_sends_them(
        fake: FakeSlack, sqlite_engine: Engine, clock) -> None:
    import_roster(sqlite_engine, ROSTER)
    fake.delays["chat.postMessage"] = 1.0
    first = replica(fake, sqlite_engine, clock)
    await first.start()
    await write_three(fake)
    await until(lambda: bool(fake.calls_to("chat.postMessage", channel="CMENTORS")))  # copy 1 under way
    began = time.monotonic()
    await first.stop(grace=5)
    took = time.monotonic() - began
    assert fake.live_connections(SCHOOL) == fake.live_connections(CORP) == 0  # no more events taken
    assert relayed(fake) == TEXTS[:1] and took < 5  # the send under way finished; no more were started
    assert copies(sqlite_engine) == [("sent", 1, None), ("pending", 0, None), ("pending", 0, None)]
    late = await fake.push(SCHOOL, message_event(fake.workspace(SCHOOL), "CSTUDENTS", "USTUDENT1",
                                                 "fourth: sent while the bot was stopping"))
    fake.delays.clear()
    second = replica(fake, sqlite_engine, clock)
    await second.start()
    try:
        await fake.wait_ack(late)  # Slack hands it to the next connection
        await until(lambda: len(relayed(fake)) == 4, timeout=10)
    finally:
        await second.stop(grace=5)
    assert relayed(fake) == [*TEXTS, "fourth: sent while the bot was stopping"]


async def test_a_send_longer_than_the_bound_is_given_back_and_the_restart_does_not_post_it_twice(
        fake: FakeSlack, sqlite_engine: Engine, clock) -> None:
    import_roster(sqlite_engine, ROSTER)
    fake.delays["chat.postMessage"] = 4.0  # Slack took the post but answers after the bound
    first = replica(fake, sqlite_engine, clock)
    await first.start()
    await write_three(fake)
    await until(lambda: bool(fake.calls_to("chat.postMessage", channel="CMENTORS")))
    began = time.monotonic()
    await first.stop(grace=1.5)
    assert time.monotonic() - began < 3.5  # the bound (plus the release and the disconnect)
    state, attempts, lease = copies(sqlite_engine)[0]
    assert (state, attempts, lease) == ("pending", 1, None)  # released at once, not held for a lease
    fake.delays.clear()
    second = replica(fake, sqlite_engine, clock)
    await second.start()
    try:
        await until(lambda: len(relayed(fake)) == 3 and copies(sqlite_engine)[-1][0] == "sent", timeout=10)
    finally:
        await second.stop(grace=5)
    assert relayed(fake) == TEXTS  # the first was posted once: the retry found it by its metadata
    assert [row[0] for row in copies(sqlite_engine)] == ["sent"] * 3
