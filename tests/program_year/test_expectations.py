"""Expectations set and communicated (posted at a match's start, acknowledged by each side, who has
not shown to the coordinator) and assessed each term (check-ins whose answers land in the desk)."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import Session, select

from bot.year import checkins, expectations
from storage.models import Alert, MessageLog
from support.prompt_helpers import ny

EXPECTATIONS = "We write here every week.\nWe keep it in this channel.\nWe tell the coordinator if worried."


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine


async def test_expectations_reach_every_active_match_once_and_each_side_agrees_in_its_channel(year) -> None:
    h = year.h
    said = await year.do("set_expectations", EXPECTATIONS, actor="okafor")
    assert said == "Expectations version 1 saved. Posted to 3 active matches that had none."
    for channel in ("dana-ana-student", "dana-ana-mentor", "raj-group-student", "software-team-mentor"):
        [post] = [t for t in h.seen_in(channel) if t.startswith("Expectations for your mentoring match")]
        assert "We keep it in this channel." in post and "/mentorbot agree" in post
    assert not [t for t in h.seen_in("ivy-ana-student") + h.seen_in("kim-hal-student") if "Expectations" in t]
    await year.tick()  # the scheduler's minute job: nothing new to post
    assert len([t for t in h.seen_in("dana-ana-student") if t.startswith("Expectations")]) == 1

    reply = await year.command("ana", "dana-ana-student", "agree")
    assert (
        reply == "Thanks, Ana! You agreed to the expectations of your match (recorded 13 Oct 2026); "
        "your coordinator can see it."
    )
    assert (
        await year.command("ana", "dana-ana-student", "agree")
        == "You already agreed to these expectations on 13 Oct 2026. Thanks, Ana!"
    )
    assert "agree" not in " ".join(h.seen_in("dana-ana-mentor")[1:])  # nothing was relayed

    with Session(h.app.engine) as session:
        lines = expectations.status(session, "riverside-ptech")
    waiting = [(x.match_key, x.person_key) for x in lines if x.acknowledged_at is None]
    assert ("dana-ana", "dana") in waiting and ("dana-ana", "ana") not in waiting
    assert lines[-1].person_key == "ana" and lines[-1].via == "console"  # the not-yet come first
    assert len(waiting) == 10  # 2 + 4 + 5 members of the three active matches, less Ana

    said = await year.do("record_acknowledgement", "dana-ana", "dana", actor="okafor")
    assert said == "Dana Whitfield's acknowledgement recorded."
    with Session(h.app.engine) as session:
        [dana] = [x for x in expectations.status(session, "riverside-ptech") if x.person_key == "dana"]
    assert dana.via == "paper"


async def test_a_match_that_starts_later_gets_the_expectations_from_the_minute_job(year) -> None:
    h = year.h
    await year.do("set_expectations", EXPECTATIONS, actor="okafor")
    await year.core.set_paused("ivy-ana", paused=False, program_id="riverside-ptech", actor="okafor")
    await year.tick()
    assert [t for t in h.seen_in("ivy-ana-student") if t.startswith("Expectations for your mentoring match")]
    reply = await year.command("kim", "kim-hal-mentor", "agree")  # a proposed match: nothing posted yet
    assert (
        reply == "There are no expectations to agree to in this match yet; your coordinator will post them."
    )


async def test_each_term_asks_once_whether_expectations_are_met_and_a_no_reaches_the_coordinator(
    year,
) -> None:
    h = year.h
    said = await year.do(
        "add_term",
        name="Fall 2026",
        starts_on=date(2026, 9, 8),
        ends_on=date(2027, 1, 29),
        checkin_on=date(2026, 10, 19),
        actor="okafor",
    )
    assert said == "Term Fall 2026: 08 Sep 2026 to 29 Jan 2027, check-in on 19 Oct 2026."
    await year.tick()
    assert not [t for t in h.seen_in("dana-ana-student") if t.startswith("Check-in")]
    assert await year.command("ana", "dana-ana-student", "checkin yes") == (
        "There's no check-in open for your match right now; your coordinator will ask once a term."
    )

    h.clock.now = ny(date(2026, 10, 19), time(9, 1))
    await year.tick()
    await year.tick()
    for channel in ("dana-ana-student", "dana-ana-mentor", "software-team-student"):
        assert len([t for t in h.seen_in(channel) if t.startswith("Check-in for Fall 2026")]) == 1

    reply = await year.command("ana", "dana-ana-student", "checkin no, Dana missed our last two weeks")
    assert reply == (
        "Thanks, Ana. Your Fall 2026 check-in (“not really”) is with your coordinator only. "
        "Your coordinator will follow up with you."
    )
    assert "missed our last two weeks" not in " ".join(h.seen_in("dana-ana-mentor"))
    assert (await year.command("dana", "dana-ana-mentor", "checkin mostly")).startswith("Thanks, Dana.")
    assert "Answer with `checkin yes`" in await year.command("ben", "raj-group-student", "checkin maybe")

    with Session(h.app.engine) as session:
        lines = checkins.answers(session, "riverside-ptech")
        [alert] = session.exec(select(Alert).where(Alert.kind == "checkin")).all()
        posts = session.exec(
            select(MessageLog).where(MessageLog.platform_message_id.startswith("checkin:"))
        ).all()
    assert (lines[0].person_key, lines[0].answer, lines[0].note) == (
        "ana",
        "no",
        "Dana missed our last two weeks",
    )
    assert [x.answer for x in lines if x.person_key == "dana"] == ["mostly"]
    assert len([x for x in lines if x.answer is None]) == 9
    assert "Ana R. (student) in dana-ana says the expectations are not being met" in alert.summary
    assert len(posts) == 3  # one logged post per match, in its transcript
