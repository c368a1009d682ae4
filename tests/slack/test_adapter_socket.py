"""SlackAdapter in Socket Mode against the fake Slack: inbound events, acks, reconnects, Web API errors."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sworld import CORP, SCHOOL, socket_adapter_for

from bot.messages import ChannelRef, InboundKind, Outbound, ReviewOutcome
from bot.ports import DeliveryError
from fakes.slack_server import block_actions, message_changed, message_deleted, message_event, slash_command
from support.cards import review_card

STUDENTS = ChannelRef("slack", SCHOOL, "CSTUDENTS")
MENTORS = ChannelRef("slack", CORP, "CMENTORS")
REVIEW = ChannelRef("slack", SCHOOL, "CREVIEW")


async def test_message_reaches_core_with_display_name_then_is_acked(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    fake_core.handle_delay = 0.2
    eid = await fake_slack.push(
        SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", "hello <https://x.org>")
    )
    ack = await fake_slack.wait_ack(eid)
    # the ack left only after the core returned (it slept 0.2 s before recording)
    assert ack.elapsed >= 0.2
    [event] = fake_core.events
    assert event.kind == InboundKind.MESSAGE
    assert event.channel == STUDENTS
    assert event.author_name == "Riley S."
    assert event.text == "hello https://x.org"


async def test_core_failure_leaves_event_unacked_and_redelivery_records_it(
    fake_slack, fake_core, socket_adapter
):
    school = fake_slack.workspace(SCHOOL)
    fake_core.fail_next = 1
    eid = await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", "first try fails"))
    await asyncio.sleep(0.3)
    assert fake_slack.unacked(SCHOOL) == [eid] and fake_core.events == []
    # Slack re-sends unacked envelopes on the next connection
    await fake_slack.send_disconnect(SCHOOL)
    await fake_slack.wait_ack(eid)
    assert [e.text for e in fake_core.events] == ["first try fails"]


async def test_retried_event_is_recorded_once(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "only once")
    first = await fake_slack.push(SCHOOL, body)
    second = await fake_slack.push(SCHOOL, body, retry_attempt=1, retry_reason="timeout")
    await fake_slack.wait_ack(first)
    await fake_slack.wait_ack(second)
    assert len(fake_core.events) == 1 and fake_core.duplicates == 1


@pytest.mark.parametrize("who", ["own", "bot_id", "bot_user"])
async def test_bot_messages_are_acked_but_not_relayed(fake_slack, fake_core, socket_adapter, who):
    school = fake_slack.workspace(SCHOOL)
    if who == "own":
        body = message_event(school, "CSTUDENTS", school.bot_user_id, "relayed copy", bot_id=school.bot_id)
    elif who == "bot_id":
        body = message_event(school, "CSTUDENTS", "UX", "reminder", bot_id="BOTHER")
    else:
        body = message_event(school, "CSTUDENTS", "UOTHERBOT", "beep")
    eid = await fake_slack.push(SCHOOL, body)
    await fake_slack.wait_ack(eid)
    assert fake_core.events == []


async def test_edit_and_delete_become_inbound_edits_and_deletes(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    ts = "1731400000.000100"
    for body in (
        message_changed(school, "CSTUDENTS", "USTUDENT1", ts, "new text", "old text"),
        message_changed(school, "CSTUDENTS", "USTUDENT1", ts, "new text", "new text"),  # unfurl: not an edit
        message_deleted(school, "CSTUDENTS", "USTUDENT1", ts, "new text"),
    ):
        await fake_slack.wait_ack(await fake_slack.push(SCHOOL, body))
    assert [(e.kind, e.message_id) for e in fake_core.events] == [
        (InboundKind.EDIT, ts),
        (InboundKind.DELETE, ts),
    ]


async def test_disconnect_envelope_reconnects_and_keeps_going(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    await fake_slack.send_disconnect(SCHOOL)
    await fake_slack.wait_connected(SCHOOL, connections=2)
    eid = await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", "after refresh"))
    await fake_slack.wait_ack(eid)
    assert [e.text for e in fake_core.events] == ["after refresh"]


async def test_dropped_socket_loses_nothing_and_keeps_order(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    await fake_slack.wait_ack(
        await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", "m0"))
    )
    await fake_slack.drop_socket(SCHOOL)
    # sent while the bot is away: Slack keeps them until a socket is back
    for i in range(1, 4):
        await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", f"m{i}"))
    await fake_slack.wait_connected(SCHOOL, connections=2, timeout=10)
    await fake_core.wait_events(4, timeout=10)
    assert [e.text for e in fake_core.events] == ["m0", "m1", "m2", "m3"]
    assert fake_slack.unacked(SCHOOL) == []


async def test_concurrent_envelopes_in_one_channel_reach_core_in_order(fake_slack, fake_core, socket_adapter):
    school = fake_slack.workspace(SCHOOL)
    fake_core.handle_delay = 0.02
    ids = [
        await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", f"USTUDENT{1 + i % 2}", f"n{i}"))
        for i in range(6)
    ]
    for eid in ids:
        await fake_slack.wait_ack(eid)
    assert [e.text for e in fake_core.events] == [f"n{i}" for i in range(6)]


async def test_send_posts_under_sender_identity_with_the_right_token(fake_slack, socket_adapter):
    out = Outbound(
        channel=MENTORS,
        text="Is it true you build bridges?",
        idempotency_key="d-1",
        sender_name="Riley S.",
        sender_avatar="https://avatars.invalid/r.png",
        thread_id="1731400050.000150",
    )
    ts = await socket_adapter.send(out)
    [call] = fake_slack.calls_to("chat.postMessage")
    assert call.token == fake_slack.workspace(CORP).bot_token
    [msg] = fake_slack.channel_messages(CORP, "CMENTORS")
    assert msg["ts"] == ts
    assert (msg["username"], msg["icon_url"], msg["thread_ts"]) == (
        "Riley S.",
        "https://avatars.invalid/r.png",
        "1731400050.000150",
    )
    assert msg["metadata"]["event_payload"]["idempotency_key"] == "d-1"


async def test_edit_delete_and_private_notice(fake_slack, socket_adapter):
    ts = await socket_adapter.send(Outbound(channel=MENTORS, text="v1", idempotency_key="d-2"))
    await socket_adapter.edit(MENTORS, ts, "v2")
    assert fake_slack.channel_messages(CORP, "CMENTORS")[0]["text"] == "v2"
    await socket_adapter.delete(MENTORS, ts)
    assert fake_slack.channel_messages(CORP, "CMENTORS") == []
    await socket_adapter.notify_private(STUDENTS, "USTUDENT1", "Your message is waiting for review.")
    [eph] = fake_slack.ephemerals
    assert (eph["channel"], eph["user"], eph["team_id"]) == ("CSTUDENTS", "USTUDENT1", SCHOOL)


async def test_rate_limit_becomes_retry_after_without_sdk_retries(fake_slack, socket_adapter):
    fake_slack.rate_limit("chat.postMessage", retry_after=7, channel="CMENTORS")
    with pytest.raises(DeliveryError) as caught:
        await socket_adapter.send(Outbound(channel=MENTORS, text="hi", idempotency_key="d-3"))
    assert caught.value.retry_after == 7 and not caught.value.permanent
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    # other channels are not held up by one channel's limit
    await socket_adapter.send(Outbound(channel=STUDENTS, text="hi", idempotency_key="d-4"))
    assert len(fake_slack.channel_messages(SCHOOL, "CSTUDENTS")) == 1


@pytest.mark.parametrize(
    "error",
    [
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
    ],
)
async def test_permanent_errors_stop_retrying(fake_slack, socket_adapter, error):
    fake_slack.fail("chat.postMessage", error)
    with pytest.raises(DeliveryError) as caught:
        await socket_adapter.send(Outbound(channel=MENTORS, text="hi", idempotency_key="d-5"))
    assert caught.value.permanent and error in str(caught.value)


async def test_server_error_is_transient(fake_slack, socket_adapter):
    fake_slack.server_error("chat.postMessage", status=503)
    with pytest.raises(DeliveryError) as caught:
        await socket_adapter.send(Outbound(channel=MENTORS, text="hi", idempotency_key="d-6"))
    assert not caught.value.permanent and caught.value.retry_after is None


async def test_unknown_workspace_is_permanent(socket_adapter):
    with pytest.raises(DeliveryError) as caught:
        await socket_adapter.send(
            Outbound(channel=ChannelRef("slack", "TNOPE", "C1"), text="x", idempotency_key="k")
        )
    assert caught.value.permanent


async def test_slash_command_answers_privately(fake_slack, fake_core, socket_adapter):
    fake_core.command_reply = "Your match: m-7. Your coordinator: P. Lee."
    school = fake_slack.workspace(SCHOOL)
    eid = await fake_slack.push(SCHOOL, slash_command(school, "CSTUDENTS", "USTUDENT1", "status"))
    ack = await fake_slack.wait_ack(eid)
    assert ack.payload == {"text": "Your match: m-7. Your coordinator: P. Lee.", "response_type": "ephemeral"}
    [request] = fake_core.commands
    assert (request.text, request.user_id, request.channel) == ("status", "USTUDENT1", STUDENTS)


async def test_long_command_reply_continues_in_ephemeral_messages(fake_slack, fake_core, socket_adapter):
    fake_core.command_reply = "\n".join(f"12:{i:02d} Morgan: line {i} " + "x" * 60 for i in range(100))
    school = fake_slack.workspace(SCHOOL)
    ack = await fake_slack.wait_ack(
        await fake_slack.push(SCHOOL, slash_command(school, "CREVIEW", "UCOORD1", "transcript m-7"))
    )
    rest = "".join(e["text"] for e in fake_slack.ephemerals)
    assert ack.payload["text"] + rest == fake_core.command_reply


async def test_review_card_button_and_update(fake_slack, fake_core, socket_adapter):
    card = review_card(review_id=42, program_name="P-TECH Demo", match_id="m-7", sender_name="Morgan Diaz",
                       sender_role="mentor")
    ts = await socket_adapter.post_review(REVIEW, card)
    [posted] = fake_slack.channel_messages(SCHOOL, "CREVIEW")
    assert any(b["type"] == "actions" for b in posted["blocks"])
    school = fake_slack.workspace(SCHOOL)
    eid = await fake_slack.push(
        SCHOOL, block_actions(school, "CREVIEW", "UCOORD1", "mentorbot_review:approve", "42", message_ts=ts)
    )
    await fake_slack.wait_ack(eid)
    [request] = fake_core.reviews
    assert (request.review_id, request.decision, request.user_id, request.workspace) == (
        42,
        "approve",
        "UCOORD1",
        SCHOOL,
    )
    assert fake_slack.ephemerals[-1]["user"] == "UCOORD1"
    outcome = ReviewOutcome(
        review_id=42, decision="approved", decided_by="P. Lee", decided_at=datetime.now(UTC)
    )
    await socket_adapter.update_review(REVIEW, ts, card, outcome)
    [updated] = fake_slack.channel_messages(SCHOOL, "CREVIEW")
    assert not any(b["type"] == "actions" for b in updated["blocks"])
    assert "Approved* by P. Lee" in str(updated["blocks"])


async def test_member_check_reports_humans_and_visibility(fake_slack, fake_core, socket_adapter):
    students, mentors = await socket_adapter.members(STUDENTS), await socket_adapter.members(MENTORS)
    assert (list(students.user_ids), students.coordinator_can_see) == (["USTUDENT1", "USTUDENT2"], True)
    assert (list(mentors.user_ids), mentors.coordinator_can_see) == (["UMENTOR1"], False)


async def test_wrong_bot_token_fails_start_with_advice(fake_slack, fake_core):
    adapter = socket_adapter_for(fake_slack)
    fake_slack.workspace(SCHOOL).bot_token = "xoxb-rotated"  # the configured token is now revoked
    try:
        with pytest.raises(RuntimeError, match="Bot User OAuth Token"):
            await adapter.start(fake_core)
    finally:
        await adapter.stop()


async def test_a_resend_after_a_crash_finds_the_earlier_post(fake_slack, socket_adapter):
    first = Outbound(channel=STUDENTS, text="Welcome to mentoring!", idempotency_key="relay:7:slack:T/C",
                     sender_name="Morgan Diaz")
    ts = await socket_adapter.send(first)
    # The worker died before recording ``ts``; after its lease it retries the same delivery.
    again = await socket_adapter.send(Outbound(channel=STUDENTS, text="Welcome to mentoring!",
                                               idempotency_key="relay:7:slack:T/C", sender_name="Morgan Diaz",
                                               attempt=2))
    assert again == ts
    posted = [m["text"] for m in fake_slack.channel_messages(SCHOOL, STUDENTS.channel)]
    assert posted == ["Welcome to mentoring!"]
    # A different delivery with the same text is a new message, even on a retry.
    other = await socket_adapter.send(Outbound(channel=STUDENTS, text="Welcome to mentoring!",
                                               idempotency_key="relay:8:slack:T/C", attempt=2))
    assert other != ts and len(fake_slack.channel_messages(SCHOOL, STUDENTS.channel)) == 2


async def test_a_resend_in_a_thread_looks_in_the_thread(fake_slack, socket_adapter):
    parent = await socket_adapter.send(Outbound(channel=STUDENTS, text="Question?", idempotency_key="p"))
    reply = Outbound(channel=STUDENTS, text="Answer.", idempotency_key="r", thread_id=parent)
    ts = await socket_adapter.send(reply)
    assert await socket_adapter.send(Outbound(channel=STUDENTS, text="Answer.", idempotency_key="r",
                                              thread_id=parent, attempt=3)) == ts
    assert len(fake_slack.channel_messages(SCHOOL, STUDENTS.channel)) == 2
