"""Keeping in touch (one nudge, then a flag, never nagging), the weekly digest, /mentorbot status,
and the scheduler started with the app."""

from __future__ import annotations

import asyncio
from datetime import date, time, timedelta

from sqlmodel import Session, select

from bot.messages import ChannelRef, CommandRequest
from bot.prompts.digest import build_digest, post_due_digests, render
from bot.prompts.nudges import nudge_quiet_matches
from bot.prompts.weekly import post_due_prompts
from storage.models import Alert
from storage.models_prompts import Nudge
from support.prompt_helpers import PROGRAM, ny

MONDAY = date(2026, 10, 19)


def nudges_in(h, channel: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for t in h.seen_in(channel) if "has been quiet" in t]


async def test_a_quiet_match_is_nudged_once_then_flagged_once(make_harness, setup_program, engine,
                                                              clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(date(2026, 10, 1), time(10))  # Thursday
    await h.say("ana", "dana-ana-student", "Hi Dana! Here is my question about circuits.")
    quiet_from = clock.now

    clock.now = quiet_from + timedelta(days=20, hours=1)
    assert "dana-ana" not in nudge_quiet_matches(engine, clock.now).nudged  # 20 days: not yet
    clock.now = quiet_from + timedelta(days=21, hours=1)  # Thursday 11:00
    report = nudge_quiet_matches(engine, clock.now)
    assert "dana-ana" in report.nudged
    assert nudge_quiet_matches(engine, clock.now + timedelta(hours=2)).nudged == []  # not nagged
    await h.app.delivery.run_once()
    assert len(nudges_in(h, "dana-ana-mentor")) == 1 and len(nudges_in(h, "dana-ana-student")) == 1
    assert "Hi Dana and Ana! This channel has been quiet for 21 days" in nudges_in(h, "dana-ana-student")[0]

    clock.now += timedelta(days=7)  # still quiet a week after the nudge: flagged for the coordinator
    report = nudge_quiet_matches(engine, clock.now)
    assert "dana-ana" in report.flagged and "dana-ana" not in report.nudged
    for _ in range(3):
        clock.now += timedelta(days=7)
        again = nudge_quiet_matches(engine, clock.now)
        assert "dana-ana" not in again.nudged and "dana-ana" not in again.flagged
    await h.app.delivery.run_once()
    assert len(nudges_in(h, "dana-ana-student")) == 1
    with Session(engine) as session:
        alerts = list(session.exec(select(Alert).where(Alert.kind == "quiet_match")))
        dana = [a for a in alerts if "dana-ana" in a.summary]
        assert len(dana) == 1 and not dana[0].urgent
    assert any("quiet_match" in t and "dana-ana" in t for t in h.seen_in("coordinators"))
    digest = build_digest(engine, PROGRAM, clock.now)
    line = {m.key: m for m in digest.matches}["dana-ana"]
    assert line.nudge.startswith("FLAGGED") and any("dana-ana: still quiet" in a for a in digest.attention)

    # someone writes: a new quiet period starts, and 21 days later one new nudge
    clock.now = ny(date(2026, 12, 1), time(10))
    await h.say("dana", "dana-ana-mentor", "Sorry for the silence, Ana! How is the project going?")
    clock.now += timedelta(days=22)  # Wednesday 23 Dec, 10:00
    assert "dana-ana" in nudge_quiet_matches(engine, clock.now).nudged
    with Session(engine) as session:
        assert len([n for n in session.exec(select(Nudge)) if n.match_id == 1]) == 2


async def test_nudges_wait_for_school_hours(make_harness, setup_program, engine, clock) -> None:
    await make_harness()
    setup_program(roster=False)
    assert nudge_quiet_matches(engine, ny(date(2026, 12, 5), time(11))).nudged == []  # Saturday
    assert nudge_quiet_matches(engine, ny(date(2026, 12, 7), time(7))).nudged == []  # Monday 07:00
    assert len(nudge_quiet_matches(engine, ny(date(2026, 12, 7), time(10))).nudged) == 3  # never spoke


async def test_the_weekly_digest_shows_the_program_at_a_glance(make_harness, setup_program, engine,
                                                                 clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(MONDAY)
    post_due_prompts(engine, clock.now)
    await h.app.delivery.run_once()
    clock.now = ny(MONDAY, time(16))
    await h.say("ana", "dana-ana-student", "I think DNA is like a recipe book for the cell!")
    await h.say("dana", "dana-ana-mentor", "Great way to put it, Ana.")
    await h.say("ben", "raj-group-student", "can I tell you a secret")  # held by the test policy
    clock.now = ny(MONDAY + timedelta(days=4), time(15, 1))
    digest = build_digest(engine, PROGRAM, clock.now)
    lines = {m.key: m for m in digest.matches}
    assert (lines["dana-ana"].messages, lines["dana-ana"].prompt) == (2, "answered")
    assert lines["dana-ana"].last_contact is not None
    assert (lines["raj-group"].holds, lines["raj-group"].prompt) == (1, "answered")
    assert (lines["software-team"].messages, lines["software-team"].prompt) == (0, "not answered")
    assert lines["ivy-ana"].prompt == "match paused"
    assert "raj-group: 1 held message(s) waiting for review" in digest.attention
    text = render(digest)
    assert text.startswith("Weekly digest: Riverside P-TECH Career Mentoring, week of Mon 19 Oct 2026")
    assert "posted to 3 match(es) Mon 19 Oct 09:00" in text

    assert post_due_digests(engine, clock.now) == [PROGRAM]
    assert post_due_digests(engine, clock.now + timedelta(hours=1)) == []  # once a week
    await h.app.delivery.run_once()
    posted = [t for t in h.seen_in("coordinators") if t.startswith("Weekly digest")]
    assert len(posted) == 1 and "dana-ana" in posted[0]


async def test_status_shows_the_next_prompt(make_harness, setup_program, clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(date(2026, 11, 17), time(12))  # the Tuesday before Thanksgiving week
    reply = await h.app.core.run_command(CommandRequest(ChannelRef("console", "demo", "dana-ana-student"),
                                                   "ana", "Ana", "status"))
    assert "next prompt: Mon 30 Nov 09:00 EST: All courses — Reflection" in reply  # skips Thanksgiving


async def test_the_app_starts_the_scheduler_and_catches_up_at_once(make_harness, setup_program,
                                                                   clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(MONDAY, time(9, 30))  # the process (re)starts half an hour after post time
    await h.app.start()
    try:
        jobs = {job.id for job in h.app.scheduler.scheduler.get_jobs()}
        assert jobs == {"prompts", "nudges", "setup-check", "program-year", "year-posts", "expiry",
                        "data-care"}
        for _ in range(100):
            if [t for t in h.seen_in("dana-ana-student") if t.startswith("Hi ")]:
                break
            await asyncio.sleep(0.05)
        assert "DNA and proteins" in h.seen_in("dana-ana-student")[-1]
    finally:
        await h.app.stop()
    assert not h.app.scheduler.scheduler.running
