"""The safety invariant of DESIGN.md, end to end through the console adapter, on SQLite and
PostgreSQL: nothing is delivered without a log row, blocks never, holds only after approval,
nothing outside supervised channels, duplicates are no-ops."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from bot.messages import Inbound, InboundKind
from storage.models import Alert, Delivery, MessageLog, ReviewItem, UnroutedEvent


def log_rows(engine):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(MessageLog).order_by(MessageLog.id)))


async def test_allowed_message_reaches_the_other_side_under_the_senders_name(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana! What are you working on in class this week?")
    copies = h.console.visible("dana-ana-student")
    assert [(p.author, p.text) for p in copies] == [
        ("Dana Whitfield", "Hi Ana! What are you working on in class this week?")]
    assert h.seen_in("dana-ana-mentor") == []  # never echoed back to the origin
    rows = log_rows(engine)
    assert [(r.kind, r.decision, r.sender_role) for r in rows] == [("message", "allow", "mentor")]
    with Session(engine) as session:
        delivery = session.exec(select(Delivery).where(Delivery.kind == "relay")).one()
    assert delivery.message_id == rows[0].id and delivery.state == "sent"
    assert delivery.platform_message_id == copies[0].id


async def test_every_delivery_has_a_log_row_written_first(make_harness, engine):
    h = await make_harness()
    for text in ["hello", "call me at 555-123-4567", "our secret ok?", "see you at the career fair"]:
        await h.say("ana", "dana-ana-student", text)
    with Session(engine) as session:
        deliveries = list(session.exec(select(Delivery)))
        for d in deliveries:
            if d.kind in ("relay", "notice", "review_card"):
                assert d.message_id is not None
                logged = session.get(MessageLog, d.message_id)
                assert logged is not None and logged.received_at <= d.created_at


async def test_blocked_message_is_never_delivered_and_sender_is_told_privately(make_harness, engine):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "text me 555-123-4567")
    assert h.seen_in("dana-ana-mentor") == []
    assert h.console.private["ana"] == ["Phone numbers can't be shared here."]
    assert "dana" not in h.console.private
    row = log_rows(engine)[0]
    assert row.decision == "block"
    assert json.loads(row.hits_json)[0]["rule"] == "contact.phone"
    with Session(engine) as session:
        assert session.exec(select(ReviewItem)).all() == []


async def test_held_message_is_delivered_only_after_approval(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "this is our secret project")
    assert h.seen_in("dana-ana-student") == []
    assert h.console.private["dana"] == ["Let's keep things open."]
    [hold] = h.app.core.review.open_holds()
    assert hold.match_key == "dana-ana" and "offplatform.secrecy" in hold.rules
    # The hold card reached the coordinators' review channel.
    assert "this is our secret project" in h.console.visible("coordinators")[0].text
    h.app.core.review.decide(hold.review_id, "approve", coordinator=_person(engine, "okafor"), actor="okafor")
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["this is our secret project"]
    assert "approved" in h.console.private["dana"][-1]
    card, outcome = next(iter(h.console.review_cards.values()))
    assert outcome is not None and outcome.decided_by == "Grace Okafor" and outcome.decision == "approved"


async def test_rejected_hold_is_never_delivered(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "keep it a secret")
    [hold] = h.app.core.review.open_holds()
    h.app.core.review.decide(hold.review_id, "reject", coordinator=_person(engine, "okafor"), actor="okafor",
                        note="Let's keep everything in the open.")
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == []
    assert h.console.private["dana"][-1].endswith("Let's keep everything in the open.")


async def test_approve_redacted_removes_the_flagged_spans(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "our secret: the lab tour is Friday")
    [hold] = h.app.core.review.open_holds()
    h.app.core.review.decide(hold.review_id, "approve_redacted", coordinator=_person(engine, "okafor"),
                        actor="okafor")
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["our [removed]: the lab tour is Friday"]


async def test_only_a_coordinator_of_the_program_may_decide(make_harness, engine):
    import pytest

    from bot.review.desk import ReviewError

    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "a secret")
    [hold] = h.app.core.review.open_holds()
    with pytest.raises(ReviewError):
        h.app.core.review.decide(hold.review_id, "approve", coordinator=_person(engine, "dana"), actor="dana")
    assert h.seen_in("dana-ana-student") == []


async def test_nothing_is_relayed_outside_a_supervised_channel(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "random-channel", "hello from somewhere else")
    assert all(not p.by_bot for ch in h.console.channels.values() for p in ch)
    assert log_rows(engine) == []


async def test_direct_message_gets_a_pointer_and_is_logged_as_an_attempt(make_harness, engine):
    h = await make_harness()
    await h.say("ana", "dm-ana", "can you pass this to Dana privately?", direct=True)
    pointer = h.seen_in("dm-ana")
    assert len(pointer) == 1 and "<#dana-ana-student>" in pointer[0]
    [row] = log_rows(engine)
    assert (row.kind, row.decision, row.match_id) == ("attempt", "not_relayed", None)
    assert h.seen_in("dana-ana-mentor") == []
    await h.say("stranger", "dm-stranger", "hi bot", direct=True)
    with Session(engine) as session:
        assert session.exec(select(UnroutedEvent.user_id)).all() == ["stranger"]


async def test_a_stranger_in_a_supervised_channel_is_held_and_the_coordinator_alerted(make_harness, engine):
    h = await make_harness()
    await h.say("U-unknown", "dana-ana-student", "hey everyone, add me on insta")
    assert h.seen_in("dana-ana-mentor") == []
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
    assert alert.kind == "stranger" and alert.urgent
    assert h.app.core.review.open_holds()[0].rules.startswith("match.stranger")


async def test_a_non_member_of_the_match_is_treated_as_a_stranger(make_harness, engine):
    h = await make_harness()
    await h.say("raj", "dana-ana-mentor", "hello Ana, I'm Raj")  # raj mentors another match
    assert h.seen_in("dana-ana-student") == []
    assert "match.stranger" in h.app.core.review.open_holds()[0].rules


async def test_students_without_consent_and_inactive_matches_are_held(make_harness, engine):
    h = await make_harness()
    await h.say("hal", "kim-hal-student", "hi!")  # proposed match, no consent form
    await h.say("ivy", "ivy-ana-mentor", "hi Ana")  # paused match
    rules = {hold.sender_name: hold.rules for hold in h.app.core.review.open_holds()}
    assert "consent.missing" in rules["Hal S."] and "match.proposed" in rules["Hal S."]
    assert "match.paused" in rules["Ivy N."]
    assert h.seen_in("kim-hal-mentor") == [] and h.seen_in("ivy-ana-student") == []


async def test_a_platform_event_delivered_twice_is_recorded_and_relayed_once(make_harness, engine):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "Here is my resume draft")
    original = log_rows(engine)[0]
    replay = Inbound(kind=InboundKind.MESSAGE, channel=h.console.ref("dana-ana-student"),
                     message_id=original.platform_message_id, event_key=f"msg:{original.platform_message_id}",
                     author_id="ana", text="Here is my resume draft")
    await h.console.replay(replay)
    await h.console.replay(replay)
    await h.app.delivery.run_once()
    assert len(log_rows(engine)) == 1
    assert h.seen_in("dana-ana-mentor") == ["Here is my resume draft"]


async def test_small_group_messages_reach_every_other_channel(make_harness):
    h = await make_harness()
    await h.say("ben", "raj-group-student", "Mr. Patel, what does a nurse manager do?")
    assert h.seen_in("raj-group-mentor") == ["Mr. Patel, what does a nurse manager do?"]


async def test_safeguarding_disclosure_alerts_at_once_without_shaming(make_harness, engine):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
    assert alert.kind == "safeguarding" and alert.urgent
    urgent_cards = [card for card, _ in h.console.review_cards.values() if card.urgent]
    assert [c.text for c in urgent_cards] == ["sometimes I want to hurt myself"]
    assert h.seen_in("dana-ana-mentor") == ["sometimes I want to hurt myself"]  # allowed, not shamed
    assert h.console.private["ana"] == ["Thank you for sharing — your coordinator will reach out."]


def _person(engine, key):  # type: ignore[no-untyped-def]
    from storage.models import Person

    with Session(engine) as session:
        return session.exec(select(Person).where(Person.key == key)).one()
