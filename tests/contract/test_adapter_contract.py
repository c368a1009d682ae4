"""The port's contract, one scenario at a time, run against every adapter (STYLE.md point 7):
what the core may rely on whichever platform a match is on."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.registry import PLATFORMS
from bot.messages import InboundKind, Outbound, ReviewOutcome
from bot.ports import Adapter, Capabilities, Members
from support.cards import review_card

WELCOME = "Welcome to mentoring! What are you studying this week?"


def shown(platform, text: str) -> int:  # type: ignore[no-untyped-def]
    """How many messages a reader of the channel sees with this text."""
    return sum(1 for seen in platform.seen() if seen.endswith(text))


async def test_the_adapter_declares_what_the_core_reads(platform) -> None:  # type: ignore[no-untyped-def]
    adapter = platform.adapter
    assert isinstance(adapter, Adapter)
    assert isinstance(adapter.capabilities, Capabilities)
    assert adapter.facts == PLATFORMS[adapter.name]  # the registry and the adapter agree


async def test_a_persons_message_reaches_the_core_once_with_who_where_and_what(platform) -> None:  # type: ignore[no-untyped-def]
    await platform.say("Hi! What do engineers do all day?")
    [event] = await platform.core.wait_events(1)
    assert event.kind == InboundKind.MESSAGE
    assert (event.channel, event.author_id, event.text) == (
        platform.channel, platform.person, "Hi! What do engineers do all day?")
    assert platform.core.duplicates == 0


async def test_a_relayed_copy_is_posted_once_even_when_a_crashed_send_is_retried(platform) -> None:  # type: ignore[no-untyped-def]
    first = Outbound(channel=platform.channel, text=WELCOME, idempotency_key="relay:7:copy",
                     sender_name="Morgan Diaz")
    posted = await platform.adapter.send(first)
    assert posted and shown(platform, WELCOME) == 1
    # the worker died after the platform accepted the post but before the outbox recorded it
    again = Outbound(channel=platform.channel, text=WELCOME, idempotency_key="relay:7:copy",
                     sender_name="Morgan Diaz", attempt=2)
    assert await platform.adapter.send(again) == posted
    assert shown(platform, WELCOME) == 1


async def test_an_edit_and_a_retraction_follow_the_copy(platform) -> None:  # type: ignore[no-untyped-def]
    posted = await platform.adapter.send(Outbound(channel=platform.channel, text=WELCOME,
                                                  idempotency_key="relay:8:copy", sender_name="Morgan Diaz"))
    await platform.adapter.edit(platform.channel, posted, "Welcome, everyone!")
    assert shown(platform, "Welcome, everyone!") == 1 and shown(platform, WELCOME) == 0
    await platform.adapter.delete(platform.channel, posted)
    assert shown(platform, "Welcome, everyone!") == 0


async def test_a_notice_reaches_the_person_it_is_for(platform) -> None:  # type: ignore[no-untyped-def]
    await platform.say("text me at 555-0100")
    [event] = await platform.core.wait_events(1)
    notice = "Phone numbers can't be shared here."
    await platform.adapter.notify_private(platform.channel, platform.person, notice,
                                          message_id=event.message_id)
    assert platform.told(platform.person) == [notice]


async def test_a_review_card_is_posted_then_shows_the_decision(platform) -> None:  # type: ignore[no-untyped-def]
    card = review_card()
    posted = await platform.adapter.post_review(platform.review, card)
    assert posted and platform.cards() == 1
    outcome = ReviewOutcome(review_id=41, decision="approved", decided_by="P. Kim",
                            decided_at=datetime(2026, 10, 13, 19, 5, tzinfo=UTC))
    await platform.adapter.update_review(platform.review, posted, card, outcome)
    assert platform.cards() == 1  # updated in place, not posted again


async def test_members_are_the_humans_who_can_read_the_channel(platform) -> None:  # type: ignore[no-untyped-def]
    members = await platform.adapter.members(platform.channel)
    assert isinstance(members, Members)
    assert platform.person in members.user_ids
    assert not platform.bots & set(members.user_ids)
