"""A message held for a judgement call must not be delivered into a match that has since been
paused (or a sender whose standing has lapsed): "only inside a supervised channel of an active
match" holds at delivery time too, whichever way the hold ends (Approve, quiet hours ending)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import Session, select

from bot.review.desk import ReviewError
from storage import repo
from storage.models import ReviewItem
from support.fake_policy import FakePolicy


def _coordinator(engine):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return repo.person_by_key(session, "riverside-ptech", "okafor")


def _only_item(engine) -> ReviewItem:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(ReviewItem)).one()


async def test_approve_after_the_match_was_paused_does_not_deliver(make_harness, engine) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "can you keep a secret, Dana?")  # held for judgement
    assert h.seen_in("dana-ana-mentor") == []
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    item = _only_item(engine)
    with pytest.raises(ReviewError):
        await h.app.core.decide(item.id, "approve", coordinator=_coordinator(engine), actor="okafor")
    await h.app.delivery.run_once()
    assert "can you keep a secret, Dana?" not in h.seen_in("dana-ana-mentor")
    # It now waits for the match like any message sent while paused: resuming delivers it? No —
    # it still needs the coordinator's judgement, so after resuming Approve works.
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    await h.app.core.decide(item.id, "approve", coordinator=_coordinator(engine), actor="okafor")
    await h.app.delivery.run_once()
    assert "can you keep a secret, Dana?" in h.seen_in("dana-ana-mentor")


async def test_quiet_hours_release_waits_while_the_match_is_paused(make_harness, engine, clock) -> None:  # type: ignore[no-untyped-def]
    h = await make_harness(policy=FakePolicy(quiet_hours=True))
    clock.now = datetime(2026, 10, 14, 23, 30, tzinfo=clock().tzinfo)
    await h.say("dana", "dana-ana-mentor", "see you tomorrow")  # held until 07:00
    assert h.seen_in("dana-ana-student") == []
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    clock.now = datetime(2026, 10, 15, 7, 5, tzinfo=clock().tzinfo)
    h.app.core.review.release_due()
    await h.app.delivery.run_once()
    assert "see you tomorrow" not in h.seen_in("dana-ana-student")
    assert _only_item(engine).state == "open"
    # resuming the match releases it (the gate cleared, nothing left to judge)
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    await h.app.delivery.run_once()
    assert "see you tomorrow" in h.seen_in("dana-ana-student")


# -- copies queued before the pause (the platform was down, or the worker behind) ---------------------


async def test_a_copy_queued_before_a_pause_waits_and_goes_out_once_on_resume(make_harness, engine):  # type: ignore[no-untyped-def]
    h = await make_harness()
    await h.console.say("dana", "dana-ana-mentor", "see you at the lab tour")  # queued; nothing sent yet
    await h.console.say("dana", "dana-ana-mentor", "bring your badge")
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    for _ in range(3):
        await h.app.delivery.run_once()
    seen = h.seen_in("dana-ana-student")
    assert "see you at the lab tour" not in seen and "bring your badge" not in seen
    assert any("paused" in text for text in seen)  # the pause notice still reached the student
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    for _ in range(4):
        await h.app.delivery.run_once()
    seen = h.seen_in("dana-ana-student")
    assert seen.count("see you at the lab tour") == 1 and seen.count("bring your badge") == 1
    assert seen.index("see you at the lab tour") < seen.index("bring your badge")  # order kept


async def test_a_parked_copy_is_never_sent_once_its_author_deletes_it(make_harness, engine):  # type: ignore[no-untyped-def]
    from storage.models import Delivery

    h = await make_harness()
    said = await h.console.say("dana", "dana-ana-mentor", "call me tonight?")
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    await h.app.delivery.run_once()
    with Session(engine) as session:
        [copy] = session.exec(select(Delivery).where(Delivery.kind == "relay")).all()
        assert copy.state == "parked"
    await h.console.delete_own("dana", "dana-ana-mentor", said)  # she thinks better of it
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    for _ in range(3):
        await h.app.delivery.run_once()
    assert "call me tonight?" not in h.seen_in("dana-ana-student")
