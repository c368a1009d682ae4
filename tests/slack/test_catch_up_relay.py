"""A restart of the whole Slack side with the real core: what was said while mentorbot was stopped
(and Slack had stopped retrying) is relayed once, in order, before what is said after the restart.

The real core (``build_app`` over a migrated SQLite file) and the real slack_bolt / slack_sdk code
against the fake Slack; each start builds a new adapter and a new core over the same database, as a
new process would. Roster: tests/slack/program.yml (Riley in #students, Morgan in #mentors).
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select
from sworld import CORP, SCHOOL, World, make_workspaces, socket_adapter_for

from bot.app import build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.slack_server import FakeSlack, message_event
from storage.models import MessageLog
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster

ROSTER = Path(__file__).parent / "program.yml"


def now_ts() -> str:
    """A ``ts`` of this moment (Slack's are the time the message was stored)."""
    time.sleep(0.001)
    return f"{time.time():.6f}"


async def start(fake: FakeSlack, engine: Engine, clock) -> World:  # type: ignore[no-untyped-def]
    adapter = socket_adapter_for(fake)
    app = build_app(Settings(_env_file=None), adapters={"slack": adapter}, engine=engine, clock=clock,
                    policies=PolicyBook(loader=lambda _path: FakePolicy()))
    await adapter.start(app.core)
    return World(app, fake, adapter, engine, clock)


async def test_what_was_said_while_stopped_is_relayed_once_in_order_before_newer_live_messages(
        sqlite_engine: Engine, clock) -> None:  # type: ignore[no-untyped-def]
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=make_workspaces()) as fake:
        school, corp = fake.workspace(SCHOOL), fake.workspace(CORP)
        world = await start(fake, sqlite_engine, clock)
        try:
            first = message_event(school, "CSTUDENTS", "USTUDENT1", "before the outage", ts=now_ts())
            fake.remember(first)
            await fake.wait_ack(await fake.push(SCHOOL, first))
            await world.until(lambda: len(world.mentor_side()) == 1)
        finally:
            await world.adapter.stop()

        # mentorbot is stopped; Slack stores what people write and, after its retries, gives up
        away = [message_event(school, "CSTUDENTS", "USTUDENT1", f"while down {i}", ts=now_ts())
                for i in (1, 2, 3)]
        for body in away:
            fake.remember(body)
        fake.remember(message_event(corp, "CMENTORS", "UMENTOR1", "the mentor, while down", ts=now_ts()))
        replayed = await fake.push(SCHOOL, away[2])  # Slack still retries the last one: sent on connect
        fake.delays["conversations.history"] = 0.2  # a live message arrives while the catch-up reads

        world = await start(fake, sqlite_engine, clock)
        try:
            live = message_event(school, "CSTUDENTS", "USTUDENT1", "after the restart", ts=now_ts())
            await fake.wait_ack(await fake.push(SCHOOL, live), timeout=5)
            await fake.wait_ack(replayed, timeout=5)
            await world.adapter.wait_caught_up(5)
            await world.until(lambda: len(world.mentor_side()) >= 5 and len(world.student_side()) >= 1)
        finally:
            await world.adapter.stop()

    assert [m["text"] for m in world.mentor_side()] == [
        "before the outage", "while down 1", "while down 2", "while down 3", "after the restart"]
    assert [m["text"] for m in world.student_side()] == ["the mentor, while down"]
    assert [m["username"] for m in world.student_side()] == ["Morgan Diaz"]
    assert world.count(MessageLog, kind="message") == 6  # one log row each; the replay added none
    assert fake.unacked(SCHOOL) == []
    logged = logged_message_ids(sqlite_engine, "CSTUDENTS")  # the log, in the order it was written
    assert logged == [first["event"]["ts"], *(b["event"]["ts"] for b in away), live["event"]["ts"]]


def logged_message_ids(engine: Engine, channel: str) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(MessageLog.platform_message_id)
                                 .where(MessageLog.channel == channel, MessageLog.kind == "message")
                                 .order_by(col(MessageLog.id))))
