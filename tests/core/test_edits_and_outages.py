"""Edits, deletions, platform outages and restarts: the relay follows the original, and an outage
delays delivery but never drops or duplicates a message."""

from __future__ import annotations

from sqlmodel import Session, select

from adapters.console import ConsoleAdapter
from bot.app import build_app
from bot.ports import DeliveryError
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from storage.models import Alert, Delivery, MessageLog
from support.fake_policy import FakePolicy


async def test_allowed_edit_updates_the_relayed_copy(make_harness, engine):
    h = await make_harness()
    message_id = await h.say("dana", "dana-ana-mentor", "Lab tour is on Tuesday")
    await h.console.edit_own("dana", "dana-ana-mentor", message_id, "Lab tour is on Wednesday")
    await h.app.delivery.run_once()
    [copy] = h.console.visible("dana-ana-student")
    assert copy.text == "Lab tour is on Wednesday" and copy.edits == ["Lab tour is on Tuesday"]
    with Session(engine) as session:
        rows = list(session.exec(select(MessageLog).order_by(MessageLog.id)))
    assert [(r.kind, r.text) for r in rows] == [("message", "Lab tour is on Tuesday"),
                                               ("edit", "Lab tour is on Wednesday")]
    assert rows[1].original_id == rows[0].id


async def test_edit_that_adds_a_phone_number_retracts_the_copy(make_harness, engine):
    h = await make_harness()
    message_id = await h.say("dana", "dana-ana-mentor", "Questions? Ask me here")
    await h.console.edit_own("dana", "dana-ana-mentor", message_id, "Questions? Call 555-867-5309")
    await h.app.delivery.run_once()
    assert h.console.visible("dana-ana-student") == []
    assert h.console.private["dana"] == ["Phone numbers can't be shared here."]
    with Session(engine) as session:
        edit = session.exec(select(MessageLog).where(MessageLog.kind == "edit")).one()
    assert edit.decision == "block" and "555-867-5309" in edit.text  # the log keeps what was said


async def test_a_retraction_before_delivery_cancels_the_copy(make_harness, engine):
    h = await make_harness()
    message_id = await h.console.say("dana", "dana-ana-mentor", "Hi Ana")  # not yet delivered
    await h.console.edit_own("dana", "dana-ana-mentor", message_id, "Hi Ana 555-867-5309")
    await h.app.delivery.run_once()
    assert h.console.channels.get(h.console.ref("dana-ana-student"), []) == []  # never appeared at all


async def test_deletion_retracts_every_copy(make_harness):
    h = await make_harness()
    message_id = await h.say("ben", "raj-group-student", "oops wrong chat")
    assert h.seen_in("raj-group-mentor") == ["oops wrong chat"]
    await h.console.delete_own("ben", "raj-group-student", message_id)
    await h.app.delivery.run_once()
    assert h.seen_in("raj-group-mentor") == []


async def test_fixing_a_held_message_by_editing_it_delivers_the_fixed_text(make_harness):
    h = await make_harness()
    message_id = await h.say("ana", "dana-ana-student", "it's our secret")
    assert h.app.core.review.open_holds()
    await h.console.edit_own("ana", "dana-ana-student", message_id, "never mind, see you Tuesday")
    await h.app.delivery.run_once()
    assert h.app.core.review.open_holds() == []  # superseded, not left for the coordinator
    assert h.seen_in("dana-ana-mentor") == ["never mind, see you Tuesday"]


async def test_outage_delays_delivery_then_delivers_once_in_order(make_harness, engine, clock):
    h = await make_harness()
    target = h.console.ref("dana-ana-student")
    h.console.failing[target] = DeliveryError("503 from platform")
    await h.say("dana", "dana-ana-mentor", "first")
    await h.say("dana", "dana-ana-mentor", "second")
    assert h.console.visible("dana-ana-student") == []
    for _ in range(5):
        clock.advance(minutes=10)
        await h.app.delivery.run_once()  # still failing: retried with backoff, nothing lost
    del h.console.failing[target]
    clock.advance(minutes=10)
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["first", "second"]
    with Session(engine) as session:
        assert session.exec(select(Alert)).all() == []


async def test_rate_limit_is_obeyed_and_channel_order_kept(make_harness, engine, clock):
    h = await make_harness()
    target = h.console.ref("dana-ana-student")
    h.console.failing[target] = DeliveryError("429", retry_after=30)
    await h.say("dana", "dana-ana-mentor", "one")
    await h.say("dana", "dana-ana-mentor", "two")
    del h.console.failing[target]
    clock.advance(seconds=10)
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == []  # retry_after not over yet: "two" waits behind "one"
    clock.advance(seconds=25)
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["one", "two"]


async def test_permanent_failure_stops_retrying_and_alerts_the_coordinator(make_harness, engine, clock):
    h = await make_harness()
    h.console.failing[h.console.ref("dana-ana-student")] = DeliveryError("channel_not_found", permanent=True)
    await h.say("dana", "dana-ana-mentor", "hello?")
    with Session(engine) as session:
        relay = session.exec(select(Delivery).where(Delivery.kind == "relay")).one()
        alert = session.exec(select(Alert)).one()
    assert relay.state == "failed" and relay.attempts == 1 and "channel_not_found" in relay.last_error
    assert alert.kind == "delivery_failure" and alert.urgent


async def test_worker_killed_between_logging_and_delivering_delivers_once_after_restart(
        make_harness, engine, clock):
    h = await make_harness()
    await h.console.say("dana", "dana-ana-mentor", "logged, not yet delivered")
    # The process dies here. A new process starts on the same database with a fresh adapter.
    restarted = ConsoleAdapter(workspace="demo", clock=clock)
    app2 = build_app(Settings(_env_file=None), adapters={"console": restarted}, engine=engine, clock=clock,
                     policies=PolicyBook(loader=lambda _p: FakePolicy()))
    await restarted.start(app2.core)
    await app2.delivery.run_once()
    await app2.delivery.run_once()
    assert [p.text for p in restarted.visible("dana-ana-student")] == ["logged, not yet delivered"]


async def test_worker_killed_mid_send_retries_after_the_lease_with_the_same_key(make_harness, engine, clock):
    h = await make_harness()
    await h.console.say("dana", "dana-ana-mentor", "in flight when the process died")
    with Session(engine) as session:
        relay = session.exec(select(Delivery).where(Delivery.kind == "relay")).one()
    assert h.app.delivery._claim(relay.id) is not None  # claimed, then the process dies mid-send
    await h.app.delivery.run_once()
    assert h.console.visible("dana-ana-student") == []  # lease still held: nobody else sends it
    clock.advance(minutes=2)
    await h.app.delivery.run_once()
    assert [p.text for p in h.console.visible("dana-ana-student")] == ["in flight when the process died"]
    await h.app.delivery.run_once()
    assert len(h.console.visible("dana-ana-student")) == 1


async def test_quiet_hours_hold_releases_itself_in_the_morning(make_harness, engine, clock):
    from datetime import UTC, datetime

    clock.now = datetime(2026, 10, 14, 23, 30, tzinfo=UTC)
    h = await make_harness(policy=FakePolicy(quiet_hours=True))
    await h.say("dana", "dana-ana-mentor", "late thought: bring your portfolio")
    assert h.seen_in("dana-ana-student") == []
    assert "quiet hours" in h.console.private["dana"][0]
    assert h.console.visible("coordinators") == []  # nothing for the coordinator to decide
    clock.now = datetime(2026, 10, 15, 7, 1, tzinfo=UTC)
    await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student") == ["late thought: bring your portfolio"]


async def test_an_edit_that_changes_no_text_is_not_an_edit(make_harness, engine):
    h = await make_harness()
    message_id = await h.say("dana", "dana-ana-mentor", "See you at the career fair")
    await h.console.edit_own("dana", "dana-ana-mentor", message_id, "See you at the career fair")
    await h.app.delivery.run_once()
    with Session(engine) as session:
        assert [r.kind for r in session.exec(select(MessageLog))] == ["message"]
    [copy] = h.console.visible("dana-ana-student")
    assert copy.edits == []
