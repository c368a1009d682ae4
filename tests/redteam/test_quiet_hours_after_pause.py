"""Quiet hours survive a pause: a message written at night into a paused match must not reach the
other side at night just because the coordinator resumed the match at night (the real policy's
quiet hours, 21:00–07:00 program time, through the console adapter)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from storage.models import ReviewItem

NEW_YORK = ZoneInfo("America/New_York")


def _items(engine) -> list[ReviewItem]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(ReviewItem)))


async def test_resuming_a_match_at_night_keeps_a_night_message_until_morning(  # type: ignore[no-untyped-def]
        make_harness, engine, clock, real_policy) -> None:
    h = await make_harness(policy=real_policy)
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    clock.now = datetime(2026, 10, 14, 22, 40, tzinfo=NEW_YORK)
    await h.say("dana", "dana-ana-mentor", "good luck on the quiz tomorrow")  # paused and quiet hours
    assert "good luck on the quiz tomorrow" not in h.seen_in("dana-ana-student")
    clock.now = datetime(2026, 10, 14, 23, 10, tzinfo=NEW_YORK)
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    for _ in range(3):
        await h.app.delivery.run_once()
    assert "good luck on the quiz tomorrow" not in h.seen_in("dana-ana-student"), "delivered at 23:10"
    clock.now = datetime(2026, 10, 15, 7, 5, tzinfo=NEW_YORK)
    h.app.core.review.release_due()
    for _ in range(3):
        await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student").count("good luck on the quiz tomorrow") == 1


async def test_a_gate_that_clears_at_night_waits_for_the_morning_too(  # type: ignore[no-untyped-def]
        make_harness, engine, clock, real_policy) -> None:
    """The same through a gate that clears by itself: a quiet-hours hold that a pause turned into
    a gate hold, resumed the next night."""
    h = await make_harness(policy=real_policy)
    clock.now = datetime(2026, 10, 14, 23, 30, tzinfo=NEW_YORK)
    await h.say("dana", "dana-ana-mentor", "see you at the lab tour")  # held until 07:00
    await h.app.core.set_paused("dana-ana", paused=True, program_id="riverside-ptech", actor="okafor")
    clock.now = datetime(2026, 10, 15, 7, 5, tzinfo=NEW_YORK)
    h.app.core.review.release_due()  # the pause holds it now
    await h.app.delivery.run_once()
    assert "see you at the lab tour" not in h.seen_in("dana-ana-student")
    clock.now = datetime(2026, 10, 15, 22, 15, tzinfo=NEW_YORK)  # resumed the next evening
    await h.app.core.set_paused("dana-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    for _ in range(3):
        await h.app.delivery.run_once()
    assert "see you at the lab tour" not in h.seen_in("dana-ana-student"), "delivered at 22:15"
    clock.now = datetime(2026, 10, 16, 7, 1, tzinfo=NEW_YORK)
    h.app.core.review.release_due()
    for _ in range(3):
        await h.app.delivery.run_once()
    assert h.seen_in("dana-ana-student").count("see you at the lab tour") == 1
