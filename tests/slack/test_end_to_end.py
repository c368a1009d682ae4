"""End to end: a mentor in the company's Slack, students in the school's Slack, one core.

The real slack-bolt / slack_sdk code runs over real HTTP and WebSocket against
tests/fakes/slack_server.py; the core is ``build_app`` over a migrated SQLite file with the
predictable test policy (phone numbers blocked, "secret" held). Roster: tests/slack/program.yml.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sworld import CORP, SCHOOL, World, make_workspaces, socket_adapter_for

from bot.app import build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.slack_server import (
    FakeSlack,
    block_actions,
    message_changed,
    message_event,
    slash_command,
)
from storage.models import Alert, Delivery, MessageLog
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster

ROSTER = Path(__file__).parent / "program.yml"


@pytest.fixture
async def world(sqlite_engine: Engine, clock) -> AsyncIterator[World]:  # type: ignore[no-untyped-def]
    workspaces = make_workspaces()
    school = next(w for w in workspaces if w.team_id == SCHOOL)
    school.add_user("UPARK1", "Jo Park")
    school.add_channel("CPARKS", "match-8-students", members=["USTUDENT2", "UCOORD1"])
    school.add_channel("CMIXED", "study-hall", members=["USTUDENT2", "UPARK1"], private=True)
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=workspaces) as fake:
        adapter = socket_adapter_for(fake)
        app = build_app(
            Settings(_env_file=None),
            adapters={"slack": adapter},
            engine=sqlite_engine,
            clock=clock,
            policies=PolicyBook(loader=lambda _path: FakePolicy()),
        )
        await adapter.start(app.core)
        for team in (SCHOOL, CORP):
            await fake.wait_connected(team)
        try:
            yield World(app, fake, adapter, sqlite_engine, clock)
        finally:
            await adapter.stop()


async def test_conversation_across_two_workspaces_with_a_held_message_approved_by_button(world: World):
    # 1. The student writes; the mentor sees it in the company workspace under the student's name.
    # Over 60 lines by design: one conversation across two workspaces, told in order.
    _, first = await world.say(
        SCHOOL, "CSTUDENTS", "USTUDENT1", "Hi Morgan! What does an engineer do all day?"
    )
    await world.until(lambda: len(world.mentor_side()) == 1)
    relayed = world.mentor_side()[0]
    assert (relayed["username"], relayed["text"]) == (
        "Riley S.",
        "Hi Morgan! What does an engineer do all day?",
    )
    [post] = world.slack.calls_to("chat.postMessage", channel="CMENTORS")
    assert post.token == world.slack.workspace(CORP).bot_token  # the company's app posted it

    # 2. The mentor answers; the student continues in a thread under her own first message:
    #    the mentor sees a thread under the relayed copy, the student sees the mentor's name+avatar.
    await world.say(CORP, "CMENTORS", "UMENTOR1", "Mostly puzzles, with a team.")
    await world.until(lambda: len(world.student_side()) == 1)
    reply = world.student_side()[0]
    assert (reply["username"], reply["icon_url"], reply["text"]) == (
        "Morgan Diaz",
        "https://avatars.invalid/morgan.png",
        "Mostly puzzles, with a team.",
    )
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "What kind of puzzles?", thread_ts=first["event"]["ts"])
    await world.until(lambda: len(world.mentor_side()) == 2)
    assert world.mentor_side()[1]["thread_ts"] == relayed["ts"]

    # 3. A held message: only the sender is told; a review card with three buttons goes to the
    #    coordinator's review channel; nothing reaches the mentor yet.
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "can you keep this a secret?")
    await world.until(lambda: bool(world.review_cards()))
    assert any("keep things open" in t for t in world.notices_for("USTUDENT1"))
    assert world.notices_for("UMENTOR1") == []
    assert len(world.mentor_side()) == 2
    card = world.review_cards()[0]
    actions = next(b for b in card["blocks"] if b["type"] == "actions")["elements"]
    assert [a["action_id"] for a in actions] == [
        "mentorbot_review:approve",
        "mentorbot_review:approve_redacted",
        "mentorbot_review:reject",
    ]
    assert "can you keep this a secret?" in str(card["blocks"]) and "offplatform.secrecy" in str(
        card["blocks"]
    )

    # 4. The coordinator presses Approve: the message is delivered, the card shows who and when,
    #    the coordinator gets a private confirmation.
    approve = actions[0]
    eid = await world.slack.push(
        SCHOOL,
        block_actions(
            world.slack.workspace(SCHOOL),
            "CREVIEW",
            "UCOORD1",
            approve["action_id"],
            approve["value"],
            message_ts=card["ts"],
        ),
    )
    await world.slack.wait_ack(eid)
    await world.until(
        lambda: (
            len(world.mentor_side()) == 3
            and not any(b["type"] == "actions" for b in world.review_cards()[0]["blocks"])
        )
    )
    assert world.mentor_side()[-1]["text"] == "can you keep this a secret?"
    # who and when (the core passes the coordinator's roster id; see the note to the lead)
    assert "*Approved* by P. Lee at 2026-10-13 19:00 UTC" in str(world.review_cards()[0]["blocks"])
    assert any("approved" in t for t in world.notices_for("UCOORD1"))


async def test_blocked_message_gets_an_ephemeral_notice_and_is_never_relayed(world: World):
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "text me at 555-123-4567")
    await world.until(lambda: bool(world.notices_for("USTUDENT1")))
    await world.app.delivery.run_once()
    assert "Phone numbers" in world.notices_for("USTUDENT1")[-1]
    [notice] = world.slack.calls_to("chat.postEphemeral")
    assert (notice.args["channel"], notice.args["user"]) == ("CSTUDENTS", "USTUDENT1")
    assert world.mentor_side() == []
    assert world.count(MessageLog) == 1  # logged all the same


async def test_edit_introducing_a_phone_number_retracts_the_relayed_copy(world: World):
    _, body = await world.say(CORP, "CMENTORS", "UMENTOR1", "see you Tuesday")
    await world.until(lambda: [m["text"] for m in world.student_side()] == ["see you Tuesday"])
    ts = body["event"]["ts"]
    edit = message_changed(
        world.slack.workspace(CORP),
        "CMENTORS",
        "UMENTOR1",
        ts,
        "see you Tuesday, call 555-123-4567",
        "see you Tuesday",
    )
    await world.slack.wait_ack(await world.slack.push(CORP, edit))
    await world.until(lambda: world.student_side() == [])
    assert world.slack.calls_to("chat.delete", channel="CSTUDENTS")
    assert all(
        "555" not in m["text"]
        for m in world.slack.channel_messages(SCHOOL, "CSTUDENTS", include_deleted=True)
    )
    assert any("Phone numbers" in t for t in world.notices_for("UMENTOR1"))


async def test_metadata_only_change_is_not_an_edit(world: World):
    _, body = await world.say(CORP, "CMENTORS", "UMENTOR1", "look https://example.org")
    await world.until(lambda: len(world.student_side()) == 1)
    same = message_changed(
        world.slack.workspace(CORP),
        "CMENTORS",
        "UMENTOR1",
        body["event"]["ts"],
        "look https://example.org",
        "look https://example.org",
    )
    await world.slack.wait_ack(await world.slack.push(CORP, same))
    await world.app.delivery.run_once()
    assert world.slack.calls_to("chat.update") == [] and world.slack.calls_to("chat.delete") == []


async def test_retried_event_gives_one_log_row_and_one_relay(world: World):
    _, body = await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "only once please")
    for attempt in (1, 2):
        eid = await world.slack.push(SCHOOL, body, retry_attempt=attempt, retry_reason="timeout")
        await world.slack.wait_ack(eid)
    await world.until(lambda: len(world.mentor_side()) == 1)
    await asyncio.sleep(0.05)
    await world.app.delivery.run_once()
    assert [m["text"] for m in world.mentor_side()] == ["only once please"]
    assert world.count(MessageLog) == 1


async def test_dropped_socket_mid_conversation_loses_nothing(world: World):
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "before the drop")
    await world.until(lambda: len(world.mentor_side()) == 1)
    await world.slack.drop_socket(SCHOOL)
    school = world.slack.workspace(SCHOOL)
    for text in ("while away 1", "while away 2"):
        await world.slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", text))
    await world.slack.wait_connected(SCHOOL, connections=2, timeout=10)
    await world.until(lambda: len(world.mentor_side()) == 3, timeout=10)
    assert [m["text"] for m in world.mentor_side()] == ["before the drop", "while away 1", "while away 2"]
    assert world.slack.unacked(SCHOOL) == []


async def test_rate_limited_channel_waits_retry_after_and_keeps_order(world: World):
    world.slack.rate_limit("chat.postMessage", channel="CMENTORS", retry_after=30, times=2)
    for i in range(3):
        await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", f"question {i}")
    await world.app.delivery.run_once()
    assert world.mentor_side() == []  # 429: nothing posted, nothing reordered
    pending = world.count(Delivery, channel="CMENTORS", state="pending")
    assert pending == 3
    world.clock.advance(seconds=31)
    await world.app.delivery.run_once()  # second 429
    world.clock.advance(seconds=31)
    await world.until(lambda: len(world.mentor_side()) == 3)
    assert [m["text"] for m in world.mentor_side()] == [f"question {i}" for i in range(3)]
    assert (
        sum(1 for c in world.slack.calls_to("chat.postMessage", channel="CMENTORS") if c.status == 429) == 2
    )


async def test_permanent_error_stops_retrying_and_alerts_the_coordinator(world: World):
    world.slack.fail("chat.postMessage", "channel_not_found", channel="CMENTORS")
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "hello?")
    await world.until(lambda: any("Could not deliver" in str(m["blocks"]) for m in world.review_cards()))
    assert world.count(Delivery, channel="CMENTORS", state="failed") == 1
    card = next(m for m in world.review_cards() if "Could not deliver" in str(m["blocks"]))
    assert "URGENT" in card["blocks"][0]["text"]["text"]
    world.clock.advance(hours=1)
    await world.app.delivery.run_once()
    assert len(world.slack.calls_to("chat.postMessage", channel="CMENTORS")) == 1


async def test_bot_messages_do_not_loop(world: World):
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "ping")
    await world.until(lambda: len(world.mentor_side()) == 1)
    corp = world.slack.workspace(CORP)
    copy = world.mentor_side()[0]
    # Slack echoes the bot's own post back as an event; another bot chimes in too.
    await world.slack.wait_ack(
        await world.slack.push(
            CORP,
            message_event(
                corp, "CMENTORS", corp.bot_user_id, copy["text"], ts=copy["ts"], bot_id=corp.bot_id
            ),
        )
    )
    await world.slack.wait_ack(
        await world.slack.push(CORP, message_event(corp, "CMENTORS", "UHELPER", "standup!", bot_id="BOTHER"))
    )
    await world.app.delivery.run_once()
    assert world.student_side() == []
    assert world.count(MessageLog) == 1


async def test_direct_message_gets_a_pointer(world: World):
    await world.say(SCHOOL, "DRILEY", "USTUDENT1", "what's Morgan's number?", channel_type="im")
    await world.until(lambda: bool(world.slack.channel_messages(SCHOOL, "DRILEY")))
    [pointer] = world.slack.channel_messages(SCHOOL, "DRILEY")
    assert "CSTUDENTS" in pointer["text"] or "channel" in pointer["text"]
    assert world.mentor_side() == []


async def test_slash_commands_status_concern_and_link_with_unsafe_setup(world: World):
    school = world.slack.workspace(SCHOOL)

    ack = await world.slack.wait_ack(
        await world.slack.push(SCHOOL, slash_command(school, "CSTUDENTS", "USTUDENT1", "status"))
    )
    assert "morgan-riley" in ack.payload["text"] or "Morgan" in ack.payload["text"]
    assert ack.payload["response_type"] == "ephemeral"

    ack = await world.slack.wait_ack(
        await world.slack.push(
            SCHOOL, slash_command(school, "CSTUDENTS", "USTUDENT1", "concern I feel uneasy")
        )
    )
    await world.until(lambda: any("uneasy" in str(m["blocks"]) for m in world.review_cards()))
    assert world.count(Alert, kind="concern") == 1

    # a student may not link channels
    ack = await world.slack.wait_ack(
        await world.slack.push(SCHOOL, slash_command(school, "CMIXED", "USTUDENT2", "link park-sam student"))
    )
    assert world.count(Alert, kind="unsafe_setup") == 0
    # the coordinator links a student-side channel an adult mentor is in: reported at once
    ack = await world.slack.wait_ack(
        await world.slack.push(SCHOOL, slash_command(school, "CMIXED", "UCOORD1", "link park-sam student"))
    )
    assert "student-side" in ack.payload["text"]
    await world.until(lambda: any("Unsafe set-up" in str(m["blocks"]) for m in world.review_cards()))
    assert world.count(Alert, kind="unsafe_setup") >= 1


async def test_reply_in_a_thread_under_a_relayed_copy_stays_a_thread(world: World):
    _, first = await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "Do you build bridges?")
    await world.until(lambda: len(world.mentor_side()) == 1)
    copy = world.mentor_side()[0]
    await world.say(CORP, "CMENTORS", "UMENTOR1", "Yes, footbridges.", thread_ts=copy["ts"])
    await world.until(lambda: len(world.student_side()) == 1)
    assert world.student_side()[0]["thread_ts"] == first["event"]["ts"]
