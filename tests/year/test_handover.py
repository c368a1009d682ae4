"""Commitment and hand-over: a mentor gives notice from chat, the coordinator picks a replacement
from the choosing data, the student is told kindly, the match keeps ONE history; renewal
reminders near the end of the committed year; a notice past its last day pauses the match."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from bot.handover.departure import HandoverError
from bot.handover.messages import MessageRefused
from bot.messages import CommandRequest
from storage import repo
from storage.models import Alert, MessageLog
from storage.models_handover import Commitment, Departure
from support.year_helpers import PROGRAM, audit_actions


async def leave(h, text: str) -> str:  # type: ignore[no-untyped-def]
    return await h.app.core.run_command(
        CommandRequest(channel=h.console.ref("sam-fay-mentor"), user_id="n-sam", user_name="sam", text=text)
    )


async def test_a_mentor_leaves_and_a_replacement_continues_the_same_match(year, engine):
    h, core = year, year.app.core
    h.console.readers[h.console.ref("sam-fay-mentor")] = ["n-sam", "nora"]
    await h.say("n-fay", "sam-fay-student", "Hi Sam, I finished the coding quiz!")
    reply = await leave(h, "leave 2026-12-18 I'm moving to a new job in another city")
    assert "Your coordinator has been told that your last day in sam-fay is Friday 18 December 2026" in reply
    with Session(engine) as session:
        notice = session.exec(select(Departure)).one()
        alert = session.exec(select(Alert).where(Alert.kind == "departure")).one()
    assert (notice.state, notice.via, notice.last_day) == ("notice", "console", date(2026, 12, 18))
    assert "Sam Achebe can no longer mentor in sam-fay" in alert.summary and not alert.urgent
    assert h.seen_in("sam-fay-student") == []  # the student hears it with the arrangement, not before

    suggested = await core.replacement_suggestions(PROGRAM, notice.id)
    assert "sam" not in [c.mentor_id for c in suggested] and "kim" not in [c.mentor_id for c in suggested]
    assert {"dana", "raj"} <= {c.mentor_id for c in suggested}
    with pytest.raises(MessageRefused, match="Phone numbers"):
        await core.replace_mentor(
            PROGRAM, notice.id, "dana", actor="web:nora", student_message="Dana's number is 555-201-3344"
        )
    done = await core.replace_mentor(PROGRAM, notice.id, "dana", actor="web:nora")
    assert "remove Sam Achebe from it" in done.channels_to_fix
    await h.app.delivery.run_once()
    told = h.seen_in("sam-fay-student")[-1]
    assert told.startswith("Hi Fay, some news about your mentoring. Sam can no longer be a mentor")
    assert "(I'm moving to a new job in another city)" in told and "nothing to do with you" in told
    assert "Dana Whitfield, Electrical engineer, Example Power & Light will be your mentor" in told
    assert h.seen_in("sam-fay-mentor")[-1].startswith("Welcome, Dana Whitfield! You are taking over")
    with Session(engine) as session:
        match = repo.match_by_key(session, "sam-fay", PROGRAM)
        members = sorted((p.key, r) for p, r in repo.members(session, match.id))
        history = [
            r.text
            for r in session.exec(
                select(MessageLog).where(MessageLog.match_id == match.id).order_by(MessageLog.id)
            )
        ]
        unsafe = session.exec(select(Alert).where(Alert.kind == "unsafe_setup")).all()
    assert members == [("dana", "mentor"), ("fay", "student")]  # the same match, a changed mentor
    assert history[0] == "Hi Sam, I finished the coding quiz!" and history[-2] == told  # one transcript
    assert any(
        "Sam Achebe (mentor) is in channel sam-fay-mentor but is not a member" in a.summary for a in unsafe
    )
    await h.say("n-sam", "sam-fay-mentor", "bye Fay!")
    assert h.seen_in("sam-fay-student")[-1] == told  # Sam is no longer relayed
    assert audit_actions(engine, target="match:sam-fay") == ["departure.notice", "departure.replace"]
    with pytest.raises(HandoverError, match="already decided"):
        await core.replace_mentor(PROGRAM, notice.id, "raj", actor="web:nora")


async def test_renewal_is_reminded_once_near_the_end_of_the_committed_year(year, engine):
    h, core = year, year.app.core
    with Session(engine) as session:
        commitment = session.exec(select(Commitment)).one()
    assert commitment.committed_until == date(2027, 9, 15)  # started 15 Sep 2026, one year
    h.clock.advance(days=(date(2027, 7, 31) - h.clock().date()).days)
    assert await core.year_tick() == []  # 46 days before; the program's notice is 45
    h.clock.advance(days=1)
    assert await core.year_tick() == ["sam-fay: renewal reminder"]
    assert await core.year_tick() == []  # once
    with Session(engine) as session:
        [alert] = session.exec(select(Alert).where(Alert.kind == "renewal")).all()
    assert "committed until 15 Sep 2027" in alert.summary and "mentorbot match renew sam-fay" in alert.summary
    renewed = await core.renew_commitment(PROGRAM, "sam-fay", actor="web:nora")
    assert renewed.committed_until == date(2028, 9, 15) and renewed.renewal_reminded_on is None
    assert audit_actions(engine, target="match:sam-fay") == ["commitment.renew"]


async def test_a_notice_past_its_last_day_pauses_the_match_and_tells_the_student_kindly(year, engine):
    h, core = year, year.app.core
    last = h.clock().date() + timedelta(days=3)
    notice = await core.give_notice(PROGRAM, "sam-fay", "sam", last_day=last, reason="", actor="web:nora")
    h.clock.advance(days=4)
    assert await core.year_tick() == ["sam-fay: paused, waiting for a replacement"]
    await h.app.delivery.run_once()
    assert "paused while your coordinator arranges your new mentor" in h.seen_in("sam-fay-student")[-1]
    with Session(engine) as session:
        assert repo.match_by_key(session, "sam-fay", PROGRAM).status == "paused"
    await core.replace_mentor(PROGRAM, notice.departure.id, "raj", actor="web:nora")
    with Session(engine) as session:
        assert repo.match_by_key(session, "sam-fay", PROGRAM).status == "active"  # resumed with Raj
