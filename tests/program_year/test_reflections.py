"""Reflections tied to the topic calendar (private to the coordinator, or shared in the channel as
the program chooses), the Employability Skills Profile over time, and mentors' feedback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.prompts.topics import import_topics
from bot.year import reflections, skills
from bot.year.settings import load_year
from storage import repo, year_repo
from support.prompt_helpers import ny

CALENDAR = Path(__file__).with_name("topics-reflections.csv")


@pytest.fixture
def engine(request):  # type: ignore[no-untyped-def]
    """SQLite, and PostgreSQL where a test asks for it (the shared-reflection query is SQL)."""
    return request.getfixturevalue(
        "pg_engine" if getattr(request, "param", "") == "postgres" else "sqlite_engine"
    )


@pytest.fixture
async def week(year):  # type: ignore[no-untyped-def]
    """The calendar imported; the clock on Monday 19 Oct 2026, just after the prompt time."""
    import_topics(year.h.app.engine, CALENDAR, clock=year.h.clock, actor="test", program_id="riverside-ptech")
    year.h.clock.now = ny(date(2026, 10, 19))
    return year


async def send_week(year) -> None:  # type: ignore[no-untyped-def]
    await year.core.send_prompt_now("riverside-ptech")
    await year.h.app.delivery.run_once()


def student_reflections(year, key: str):  # type: ignore[no-untyped-def]
    with Session(year.h.app.engine) as session:
        program = repo.program(session, "riverside-ptech")
        return reflections.student_reflections(session, program, repo.person_by_key(session, program.id, key))


async def test_a_private_reflection_reaches_the_coordinator_and_never_the_mentor(week) -> None:
    h = week.h
    await send_week(week)
    [asked] = [t for t in h.seen_in("dana-ana-student") if t.startswith("Reflection for this week")]
    assert "What surprised you about Dana's job" in asked and "/mentorbot reflect" in asked
    assert not [t for t in h.seen_in("dana-ana-mentor") if t.startswith("Reflection")]
    assert "Careers in energy" in h.seen_in("dana-ana-mentor")[-1]  # the weekly prompt went to both sides

    reply = await week.command("ana", "dana-ana-student", "reflect I did not know power plants run on shifts")
    assert reply == "Thanks, Ana! Your reflection is saved for your coordinator only."
    assert "shifts" not in " ".join(h.seen_in("dana-ana-mentor"))
    [got] = student_reflections(week, "ana")
    assert (got.week_start, got.source, got.text) == (
        date(2026, 10, 19),
        "chat",
        "I did not know power plants run on shifts",
    )
    assert got.question == "What surprised you about Dana's job, and what would you like to try?"
    assert "This week's question: What surprised you" in await week.command(
        "ana", "dana-ana-student", "reflect"
    )
    assert (await week.command("dana", "dana-ana-mentor", "reflect hi")).startswith(
        "Reflections are for students"
    )


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
async def test_a_shared_reflection_is_policed_relayed_and_counted_as_the_weeks_reflection(week) -> None:
    h = week.h
    said = await week.do("save_settings", actor="okafor", reflection_mode="channel")
    assert said.startswith("Reflections are channel;")
    await send_week(week)
    [asked] = [t for t in h.seen_in("dana-ana-mentor") if t.startswith("Reflection for this week")]
    assert 'Ana, answer here in the channel, starting with "Reflection:" — Dana will read it too.' in asked
    await h.say("ana", "dana-ana-student", "Reflection: I want to try a shift in the control room")
    assert "Reflection: I want to try a shift in the control room" in h.seen_in("dana-ana-mentor")
    await h.say("ana", "dana-ana-student", "reflection: and it's our secret")  # held by the test policy
    found = student_reflections(week, "ana")
    assert [(r.source, r.text, r.decision) for r in found] == [
        ("channel", "I want to try a shift in the control room", "allow"),
        ("channel", "and it's our secret", "hold"),
    ]
    assert found[0].week_start == date(2026, 10, 19)
    reply = await week.command("ana", "dana-ana-student", "reflect a private thought as well")
    assert "post one in this channel starting with “Reflection:”" in reply


async def test_the_skills_profile_keeps_every_rating_and_refuses_what_it_cannot_read(week) -> None:
    listing = await week.command("ana", "dana-ana-student", "skills")
    assert listing.startswith("Rate yourself from 1 (not yet) to 4 (advanced)") and "teamwork" in listing
    reply = await week.command("ana", "dana-ana-student", "skills teamwork 2, comunication: 3")
    assert reply == (
        "Saved for your skills profile: teamwork 2 (developing), communication 3 (proficient). "
        "Your coordinator and your credit report will show it."
    )
    week.h.clock.advance(days=90)
    await week.command("ana", "dana-ana-student", "skills teamwork=4")
    assert await week.command("ana", "dana-ana-student", "skills teamwork 9") == "rate teamwork from 1 to 4"
    assert "'juggling' is not one of the skills" in await week.command(
        "ana", "dana-ana-student", "skills juggling 3"
    )
    assert "teamwork 4" in await week.command("ana", "dana-ana-student", "skills")
    with Session(week.h.app.engine) as session:
        program = repo.program(session, "riverside-ptech")
        ana = repo.person_by_key(session, program.id, "ana")
        history = {
            x.skill: [r for _, r, _ in x.ratings]
            for x in skills.history(session, load_year(session, program), ana)
        }
        line = skills.summary_line(
            load_year(session, program), skills.history(session, load_year(session, program), ana)
        )
    assert history["teamwork"] == [2, 4] and history["communication"] == [3]
    assert line == "communication 3; teamwork 2 → 4"


async def test_a_mentor_gives_feedback_on_one_student_of_a_group_for_the_coordinator_only(week) -> None:
    h = week.h
    assert (await week.command("raj", "raj-group-mentor", "feedback asks great questions")).startswith(
        "Say which student first"
    )
    reply = await week.command("raj", "raj-group-mentor", "feedback Ben asks great questions about hospitals")
    assert reply == "Thanks, Raj! Your feedback on Ben is with the coordinator (Ben doesn't see it)."
    assert "great questions" not in " ".join(h.seen_in("raj-group-student") + h.seen_in("raj-group-mentor"))
    one = await week.command("dana", "dana-ana-mentor", "feedback Ana explains her projects clearly")
    assert one.startswith("Thanks, Dana! Your feedback on Ana")
    with Session(h.app.engine) as session:
        ben = repo.person_by_key(session, "riverside-ptech", "ben")
        [row] = year_repo.feedback(session, "riverside-ptech", ben.id)
    assert row.feedback_text == "asks great questions about hospitals" and row.via == "console"
    assert (await week.command("ana", "dana-ana-student", "feedback hi")).startswith(
        "Feedback is for mentors"
    )
