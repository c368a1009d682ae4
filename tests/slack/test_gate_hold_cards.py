"""Review cards in Slack offer only the decisions the core allows (issue 12 leftovers).

A hold for one of the program's gates (match paused, sender not in the match…) cannot be approved
from chat: its card has Reject only, and a line saying what it waits for and how it ends. When the
gate clears the card is updated in place (chat.update) with the buttons that now work; "Approve
without the flagged details" appears only when something in the text was flagged. Real
slack-bolt / slack_sdk against tests/fakes/slack_server.py, the core is ``build_app``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sworld import CORP, SCHOOL, World, make_workspaces, socket_adapter_for

from bot.app import build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.slack_server import FakeSlack, block_actions
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster

ROSTER = Path(__file__).parent / "program.yml"


@pytest.fixture
async def world(sqlite_engine: Engine, clock) -> AsyncIterator[World]:  # type: ignore[no-untyped-def]
    workspaces = make_workspaces()
    school = next(w for w in workspaces if w.team_id == SCHOOL)
    school.add_user("UPARK1", "Jo Park")
    school.add_channel("CPARKS", "match-8-students", members=["USTUDENT2", "UCOORD1"])
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=workspaces) as fake:
        adapter = socket_adapter_for(fake)
        app = build_app(Settings(_env_file=None), adapters={"slack": adapter}, engine=sqlite_engine,
                        clock=clock, policies=PolicyBook(loader=lambda _path: FakePolicy()))
        await adapter.start(app.core)
        for team in (SCHOOL, CORP):
            await fake.wait_connected(team)
        try:
            yield World(app, fake, adapter, sqlite_engine, clock)
        finally:
            await adapter.stop()


def buttons(card: dict) -> list[str]:
    actions = [b for b in card["blocks"] if b["type"] == "actions"]
    return [e["action_id"].split(":")[1] for a in actions for e in a["elements"]]


def card_about(world: World, text: str) -> dict:
    return next(c for c in world.review_cards() if text in str(c["blocks"]))


async def test_a_gate_hold_has_no_approve_until_the_match_is_resumed_then_the_card_changes(world: World):
    await world.app.core.set_paused("morgan-riley", paused=True, program_id="lincoln-ptech", actor="lee")
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "can you keep this a secret?")
    await world.until(lambda: bool(world.review_cards()))
    card = card_about(world, "keep this a secret")
    assert buttons(card) == ["reject"]
    text = str(card["blocks"])
    assert "Held because the match is paused (match.paused)" in text
    assert "released when the match is resumed" in text and "override on the desk with a reason" in text

    await world.app.core.set_paused("morgan-riley", paused=False, program_id="lincoln-ptech", actor="lee")
    await world.until(lambda: buttons(card_about(world, "keep this a secret")) == [
        "approve", "approve_redacted", "reject"])
    updated = card_about(world, "keep this a secret")
    assert updated["ts"] == card["ts"]  # the same card, updated in place
    assert "Held because" not in str(updated["blocks"])
    assert world.slack.calls_to("chat.update", channel="CREVIEW")
    # the pause and resume notices only: the flagged text still waits for the coordinator
    assert "can you keep this a secret?" not in [m["text"] for m in world.mentor_side()]

    approve = next(e for b in updated["blocks"] if b["type"] == "actions" for e in b["elements"]
                   if e["action_id"].endswith(":approve"))
    eid = await world.slack.push(SCHOOL, block_actions(world.slack.workspace(SCHOOL), "CREVIEW", "UCOORD1",
                                                       approve["action_id"], approve["value"],
                                                       message_ts=updated["ts"]))
    await world.slack.wait_ack(eid)
    await world.until(lambda: world.mentor_side()[-1]["text"] == "can you keep this a secret?")
    await world.until(lambda: buttons(card_about(world, "keep this a secret")) == [])


async def test_a_gate_hold_with_nothing_flagged_is_marked_delivered_when_its_gate_clears(world: World):
    await world.app.core.set_paused("morgan-riley", paused=True, program_id="lincoln-ptech", actor="lee")
    await world.say(CORP, "CMENTORS", "UMENTOR1", "see you on Tuesday")
    await world.until(lambda: bool(world.review_cards()))
    assert buttons(card_about(world, "see you on Tuesday")) == ["reject"]
    await world.app.core.set_paused("morgan-riley", paused=False, program_id="lincoln-ptech", actor="lee")
    await world.until(lambda: "*Delivered* by system (gate cleared: match.paused)"
                      in str(card_about(world, "see you on Tuesday")["blocks"]))
    assert buttons(card_about(world, "see you on Tuesday")) == []


async def test_a_stranger_hold_offers_reject_only_and_an_unflagged_hold_has_no_redact(world: World):
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT2", "hi everyone")  # Sam is not in this match
    await world.say(SCHOOL, "CPARKS", "UPARK1", "hello Sam")  # his mentor, in the student-side channel
    await world.until(lambda: len(world.review_cards()) >= 2)
    stranger = card_about(world, "hi everyone")
    assert buttons(stranger) == ["reject"]
    assert "the sender is not a member of this match (match.stranger)" in str(stranger["blocks"])
    wrong_side = card_about(world, "hello Sam")  # channel.wrong_side is a judgement, not a gate
    assert buttons(wrong_side) == ["approve", "reject"]
    assert "Held because" not in str(wrong_side["blocks"])
