"""A pattern alert in Slack: the card lists the messages that added up and offers "Pause this
match"; pressing it (real slack-bolt over the fake Slack) pauses the match, tells both sides, and
only a coordinator may press it.

The mentor writes from the company's workspace, the student reads in the school's; the policy is
the scripted arc (tests/support/arc_policy.py) with a program that alerts after two weak signals.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from sworld import CORP, SCHOOL, World, make_workspaces, socket_adapter_for

from bot.app import build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.slack_server import FakeSlack, block_actions
from policies.conversation import ConversationSettings
from storage.models import Alert, Match
from support.arc_policy import ArcPolicy
from support.roster_helpers import import_roster

ROSTER = Path(__file__).parent / "program.yml"
STRICT = ConversationSettings(alert_at=0.7, min_messages=2)


@pytest.fixture
async def world(sqlite_engine: Engine, clock) -> AsyncIterator[World]:  # type: ignore[no-untyped-def]
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=make_workspaces()) as fake:
        adapter = socket_adapter_for(fake)
        app = build_app(Settings(_env_file=None), adapters={"slack": adapter}, engine=sqlite_engine,
                        clock=clock, policies=PolicyBook(loader=lambda _path: ArcPolicy(STRICT)))
        await adapter.start(app.core)
        for team in (SCHOOL, CORP):
            await fake.wait_connected(team)
        try:
            yield World(app, fake, adapter, sqlite_engine, clock)
        finally:
            await adapter.stop()


def press(world: World, card: dict, user: str) -> dict:
    button = next(b for b in card["blocks"] if b["type"] == "actions")["elements"][0]
    return block_actions(world.slack.workspace(SCHOOL), "CREVIEW", user, button["action_id"], button["value"],
                         message_ts=card["ts"], block_id=f"alert-{button['value']}")


async def test_pause_button_on_the_pattern_alert_card_pauses_the_match(world: World):
    await world.say(CORP, "CMENTORS", "UMENTOR1", "you looked really great in the team photo")
    await world.until(lambda: len(world.student_side()) == 1)  # delivered (flagged), no card yet
    assert world.review_cards() == []
    world.clock.advance(days=2)
    await world.say(CORP, "CMENTORS", "UMENTOR1", "are your parents around much after school?")
    await world.until(lambda: len(world.review_cards()) == 2)  # the hold and the pattern alert
    assert len(world.student_side()) == 1  # the second one waits for the coordinator
    card = next(c for c in world.review_cards() if "pattern" in str(c["blocks"]).lower()
                and any(b["type"] == "actions" and b["block_id"].startswith("alert-") for b in c["blocks"]))
    text = str(card["blocks"])
    assert "add up to a risk score" in text and "you looked really great in the team photo" in text
    [button] = next(b for b in card["blocks"] if b["type"] == "actions")["elements"]
    assert button["action_id"] == "mentorbot_alert:pause_match"
    assert button["text"]["text"] == "Pause this match"

    # A student pressing it (say the card was forwarded) changes nothing.
    eid = await world.slack.push(SCHOOL, press(world, card, "USTUDENT1"))
    await world.slack.wait_ack(eid)
    await world.until(lambda: any("Only a coordinator" in t for t in world.notices_for("USTUDENT1")))
    assert status(world) == "active"

    # The coordinator presses it: the match is paused, both sides are told, the alert notes it.
    eid = await world.slack.push(SCHOOL, press(world, card, "UCOORD1"))
    await world.slack.wait_ack(eid)
    await world.until(lambda: any("paused" in t for t in world.notices_for("UCOORD1")))
    assert status(world) == "paused"
    await world.until(lambda: any("paused" in m["text"] for m in world.student_side())
                      and any("paused" in m["text"] for m in world.mentor_side()))
    with Session(world.engine) as session:
        alert = session.exec(select(Alert).where(Alert.kind == "pattern")).one()
    assert alert.acknowledged_at is not None and "from the slack alert card" in alert.action_taken


def status(world: World) -> str:
    with Session(world.engine) as session:
        return session.exec(select(Match).where(Match.key == "morgan-riley")).one().status
