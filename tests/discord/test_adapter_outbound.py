"""Outbound through the real discord.py client: relays, splits, 429s, notices, review buttons, commands."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dworld import School, adapter_for

from bot.messages import ChannelRef, Outbound, ReviewCard, ReviewOutcome
from bot.ports import DeliveryError
from fakes.core import RecordingCore as FakeCore
from fakes.discord_model import visible
from fakes.discord_server import FakeDiscord
from support.cards import review_card

WEBHOOK_EXEC = r"/webhooks/\d+/whtoken-\d+"


def out(school: School, text: str, key: str, **kw) -> Outbound:  # type: ignore[no-untyped-def]
    return Outbound(school.ref(school.students), text, key, sender_name=kw.pop("name", "Morgan Lee"), **kw)


async def test_relays_appear_under_the_senders_name_through_one_reused_webhook(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    avatar = "https://avatars.invalid/morgan.png"
    first = await adapter.send(out(school, "Hello from the lab!", "d1", sender_avatar=avatar))
    await adapter.send(out(school, "Any questions about circuits?", "d2"))
    assert fake_discord.texts(school.students) == [
        "Morgan Lee: Hello from the lab!",
        "Morgan Lee: Any questions about circuits?",
    ]
    assert fake_discord.find_message(school.students, first)["avatar_url"] == avatar
    assert len(fake_discord.calls_to("POST", rf"/channels/{school.students}/webhooks")) == 1
    assert all(c.body["allowed_mentions"]["parse"] == [] for c in fake_discord.calls_to("POST", WEBHOOK_EXEC))


async def test_a_deleted_webhook_is_recreated(adapter, fake_discord: FakeDiscord, school: School) -> None:
    await adapter.send(out(school, "one", "d1"))
    fake_discord.webhooks.clear()  # a server admin removed it
    with pytest.raises(DeliveryError) as err:
        await adapter.send(out(school, "two", "d2"))
    assert not err.value.permanent
    await adapter.send(out(school, "two", "d2"))  # the delivery worker's retry
    assert fake_discord.texts(school.students) == ["Morgan Lee: one", "Morgan Lee: two"]
    assert len(fake_discord.calls_to("POST", rf"/channels/{school.students}/webhooks")) == 2


async def test_without_manage_webhooks_it_posts_as_the_bot_with_a_name_prefix_and_a_nonce(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    fake_discord.fail("GET", rf"/channels/{school.students}/webhooks", status=403, code=50013, times=5)
    first = await adapter.send(out(school, "Hello!", "d1"))
    again = await adapter.send(out(school, "Hello!", "d1"))  # a resend after a crash: same key
    assert first == again
    assert fake_discord.texts(school.students) == ["**Morgan Lee:** Hello!"]
    [call, *_] = fake_discord.calls_to("POST", rf"/channels/{school.students}/messages")
    assert call.body["enforce_nonce"] is True and len(call.body["nonce"]) <= 25


async def test_long_messages_are_split_on_word_boundaries_and_edit_and_delete_as_one(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    words = [f"word{i:04d}" for i in range(500)]  # 4,999 characters
    ids = await adapter.send(out(school, " ".join(words), "long"))
    posted = [m["content"] for m in fake_discord.messages[school.students]]
    assert len(posted) == 3 and all(0 < len(p) <= 2000 for p in posted)
    parts = [visible(p) for p in posted]  # each part ends with an invisible delivery mark
    assert " ".join(parts).split() == words  # no word cut in half, nothing lost
    await adapter.edit(school.ref(school.students), ids, "shorter now")
    assert fake_discord.texts(school.students) == ["Morgan Lee: shorter now"]
    await adapter.delete(school.ref(school.students), ids)
    assert fake_discord.texts(school.students) == []


async def test_a_429_burst_is_waited_out_and_order_is_kept(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    await adapter.send(out(school, "m0", "k0"))
    fake_discord.rate_limit("POST", WEBHOOK_EXEC, times=3, retry_after=0.05)
    for i in range(1, 6):
        await adapter.send(out(school, f"m{i}", f"k{i}"))
    assert fake_discord.texts(school.students) == [f"Morgan Lee: m{i}" for i in range(6)]
    assert sum(1 for c in fake_discord.calls if c.status == 429) == 3


async def test_a_long_rate_limit_becomes_a_delivery_error_with_retry_after(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    fake_discord.fail("GET", rf"/channels/{school.students}/webhooks", status=403, code=50013, times=5)
    fake_discord.rate_limit("POST", rf"/channels/{school.students}/messages", retry_after=120.0)
    with pytest.raises(DeliveryError) as err:
        await adapter.send(out(school, "later", "k1"))
    assert err.value.retry_after == pytest.approx(120.0) and not err.value.permanent
    assert fake_discord.texts(school.students) == []


async def test_a_webhook_429_storm_becomes_a_delivery_error_and_a_retry_posts_once(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    fake_discord.rate_limit("POST", WEBHOOK_EXEC, times=5, retry_after=0.01, bucket="wh")
    with pytest.raises(DeliveryError) as err:
        await adapter.send(out(school, "eventually", "k1"))
    assert err.value.retry_after == pytest.approx(0.01)
    await adapter.send(out(school, "eventually", "k1"))
    assert fake_discord.texts(school.students) == ["Morgan Lee: eventually"]


async def test_a_vanished_channel_is_a_permanent_failure(adapter, school: School) -> None:
    with pytest.raises(DeliveryError) as err:
        await adapter.send(Outbound(ChannelRef("discord", school.guild, "999"), "x", "k"))
    assert err.value.permanent


async def test_replies_go_into_the_thread_when_there_is_one_else_link_the_root(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    root = await adapter.send(out(school, "root", "r"))
    plain = await adapter.send(out(school, "answer", "a", thread_id=root))
    assert fake_discord.find_message(school.students, plain)["content"].startswith(
        "-# ↪ https://discord.com/"
    )
    thread = fake_discord.add_thread(school.students, root)
    await fake_discord.dispatch("THREAD_CREATE", {**fake_discord.channels[thread], "newly_created": True})
    await fake_discord.wait_for(lambda: adapter.client.get_channel(int(thread)) is not None)
    in_thread = await adapter.send(out(school, "in thread", "t", thread_id=root))
    assert fake_discord.texts(thread) == ["Morgan Lee: in thread"]
    await adapter.edit(school.ref(school.students), in_thread, "edited in thread")
    assert fake_discord.texts(thread) == ["Morgan Lee: edited in thread"]


async def test_a_notice_marks_the_message_and_replies_on_the_senders_side_only(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    msg = await fake_discord.user_says(school.students, school.ana, "text me at 555-0100")
    await fake_core.wait_events(1)
    await adapter.notify_private(
        school.ref(school.students), school.ana, "Your message is waiting for review."
    )
    assert (school.students, msg["id"], "✋") in fake_discord.reactions
    notice = fake_discord.messages[school.students][-1]
    assert notice["content"] == f"<@{school.ana}> Your message is waiting for review."
    assert notice["message_reference"]["message_id"] == msg["id"]
    assert fake_discord.messages[school.mentors] == []


async def test_dm_notices_when_the_program_allows_them(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    adapter = adapter_for(fake_discord, notice_mode="dm")
    await adapter.start(fake_core)
    try:
        await adapter.notify_private(school.ref(school.students), school.ana, "Blocked: phone numbers.")
    finally:
        await adapter.stop()
    dm = fake_discord.dm_channels[school.ana]["id"]
    assert fake_discord.texts(dm) == ["Blocked: phone numbers."]
    assert fake_discord.messages[school.students] == []


def card(review_id: int | None = 41) -> ReviewCard:
    return review_card(review_id=review_id, alert_id=None if review_id else 9)


async def test_review_cards_have_buttons_that_still_work_after_a_restart(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    review = school.ref(school.review)
    card_id = await adapter.post_review(review, card())
    posted = fake_discord.find_message(school.review, card_id)
    buttons = [c["custom_id"] for row in posted["components"] for c in row["components"]]
    assert buttons == [
        "mentorbot:review:41:approve",
        "mentorbot:review:41:approve_redacted",
        "mentorbot:review:41:reject",
    ]
    assert posted["embeds"][0]["description"] == "text me at 555-0100"

    await adapter.stop()  # a restart: a new process with nothing in memory
    restarted = adapter_for(fake_discord)
    await restarted.start(fake_core)
    try:
        await fake_discord.click_button(school.review, card_id, "mentorbot:review:41:approve", school.kim)
        await fake_discord.wait_for(lambda: len(fake_discord.interaction_responses) >= 2)
        assert [(r.review_id, r.decision, r.user_id) for r in fake_core.reviews] == [
            (41, "approve", school.kim)
        ]
        defer, followup = fake_discord.interaction_responses
        assert defer["type"] == 5 and defer["data"]["flags"] & 64  # "thinking…", visible to the clicker only
        assert followup["content"] == "Review 41: approve recorded." and followup["flags"] & 64

        outcome = ReviewOutcome(41, "approved", "P. Kim", datetime(2026, 10, 13, 19, 5, tzinfo=UTC))
        await restarted.update_review(review, card_id, card(), outcome)
        updated = fake_discord.find_message(school.review, card_id)
        assert updated["components"] == []
        assert "approved by P. Kim" in updated["embeds"][0]["fields"][-1]["value"]
        assert restarted.is_running
    finally:
        await restarted.stop()


async def test_alerts_have_no_buttons(adapter, fake_discord: FakeDiscord, school: School) -> None:
    card_id = await adapter.post_review(school.ref(school.review), card(None))
    assert fake_discord.find_message(school.review, card_id)["components"] == []


async def test_slash_command_goes_to_the_core_and_is_answered_privately(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    fake_core.command_reply = "Match 7: 2 students, 1 mentor, last message today."
    await fake_discord.slash(school.students, school.kim, "mentorbot", {"command": "status match-7"})
    await fake_discord.wait_for(
        lambda: any(r["kind"] == "followup" for r in fake_discord.interaction_responses)
    )
    [request] = fake_core.commands
    assert (request.text, request.user_id, request.channel) == (
        "status match-7",
        school.kim,
        school.ref(school.students),
    )
    defer, followup = fake_discord.interaction_responses
    assert defer["type"] == 5 and defer["data"]["flags"] & 64
    assert followup["content"] == fake_core.command_reply and followup["flags"] & 64


async def test_members_are_listed_as_humans_who_can_read(adapter, school: School) -> None:
    assert set((await adapter.members(school.ref(school.mentors))).user_ids) == {school.lee, school.kim}
