"""Meet-and-greets before choosing: a time and a group in supervised channels, bios at the start,
closed afterwards, and choosing opening by itself once the last one is over."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from bot.matching.rounds import ChoosingError
from bot.messages import CommandRequest
from storage import repo
from support.year_helpers import PROGRAM, audit_actions

SIDES = [("mentor", "console", "demo", "meet-m"), ("student", "console", "demo", "meet-s")]


async def test_a_meet_and_greet_opens_on_time_with_bios_and_choosing_opens_after_it(year, engine):
    h, core = year, year.app.core
    await core.check_bios(PROGRAM, actor="web:nora")
    await core.open_round(PROGRAM, key="2026-fall", starts_on=date(2026, 11, 2), actor="web:nora")
    h.console.readers[h.console.ref("meet-m")] = ["n-dana", "n-raj", "nora"]
    h.console.readers[h.console.ref("meet-s")] = ["n-ana", "n-ben", "nora"]
    at = h.clock() + timedelta(days=1)
    group = await core.schedule_meet_and_greet(
        PROGRAM,
        at=at,
        minutes=45,
        mentors=["dana", "raj"],
        students=["ana", "ben"],
        channels=SIDES,
        actor="web:nora",
    )
    assert (group.key, group.model, group.status, group.prompts_paused) == (
        "meet-2026-fall-1",
        "meet-and-greet",
        "proposed",
        True,
    )
    assert await core.year_tick() == []  # not yet

    h.clock.advance(days=1, minutes=2)
    assert await core.year_tick() == ["meet-2026-fall-1: opened"]
    await h.app.delivery.run_once()
    students_see = h.seen_in("meet-s")
    assert students_see[0].startswith("Welcome to the meet-and-greet!")
    assert students_see[1] == "Here is who you are meeting today:"
    assert [s.split(" — ")[0] for s in students_see[2:]] == ["Dana Whitfield", "Raj Patel"]
    assert any(s.startswith("Ana R. — electrical technology, grade 10") for s in h.seen_in("meet-m"))
    await h.say("n-ben", "meet-s", "What is a normal day at the hospital like?")
    assert h.seen_in("meet-m")[-1] == "What is a normal day at the hospital like?"

    h.clock.advance(minutes=50)
    assert await core.year_tick() == ["meet-2026-fall-1: closed; choosing is open"]
    await h.app.delivery.run_once()
    assert h.seen_in("meet-s")[-1].startswith("This meet-and-greet is over")
    assert "Choosing is open!" in h.seen_in("ns-choose")[-1]
    await h.say("n-ben", "meet-s", "one more question")
    assert h.seen_in("meet-m")[-1] != "one more question"  # the group has ended: held, not relayed
    reply = await core.run_command(
        CommandRequest(channel=h.console.ref("ns-choose"), user_id="n-ben", user_name="ben", text="choose")
    )
    assert reply.title == "Choose your mentors"
    with Session(engine) as session:
        assert repo.match_by_key(session, "meet-2026-fall-1", PROGRAM).status == "ended"
    assert "meet.schedule" in audit_actions(engine) and "round.open" in audit_actions(engine)


async def test_a_meet_and_greet_needs_a_time_ahead_and_people_of_the_program(year):
    h, core = year, year.app.core
    await core.open_round(PROGRAM, key="2026-fall", starts_on=date(2026, 11, 2), actor="web:nora")
    with pytest.raises(ChoosingError, match="in the future"):
        await core.schedule_meet_and_greet(
            PROGRAM, at=h.clock(), minutes=45, mentors=["dana"], students=["ana"], actor="web:nora"
        )
    with pytest.raises(ChoosingError, match="no student 'dana'"):
        await core.schedule_meet_and_greet(
            PROGRAM,
            at=h.clock() + timedelta(hours=1),
            minutes=45,
            mentors=["raj"],
            students=["dana"],
            actor="web:nora",
        )
