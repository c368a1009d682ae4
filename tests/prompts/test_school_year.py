"""A whole school year on a controlled clock: every week's prompt reaches every active match once,
holidays and exam weeks are skipped, grades get their own topic, and 09:00 stays 09:00 in New York
across both DST transitions."""

from __future__ import annotations

import collections
from datetime import date, time, timedelta
from pathlib import Path

from sqlmodel import Session, select

from bot.prompts.digest import post_due_digests
from bot.prompts.topics import import_topics
from bot.prompts.weekly import post_due_prompts
from storage.chain import verify
from storage.models import Match, MessageLog
from storage.models_prompts import PromptPost
from support.prompt_helpers import NY, PROGRAM, TERM, ny

SPRING_BREAK = """\
calendar: spring
weeks:
  - start: 2027-04-19
    end: 2027-04-23
    skip: Spring recess
  - week: 2027-03-15
    course: Intro to Engineering
    topic: Electricity basics
    skill: problem solving
    prompt: "{mentor}, where does electricity show up in your job? {students}, explain a circuit from class."
    grades: [9]
"""
ACTIVE = ("dana-ana", "raj-group", "software-team")
SKIPPED_WEEKS = {date(2026, 11, 23): "Thanksgiving break", date(2026, 12, 21): "Winter recess",
                 date(2026, 12, 28): "Winter recess", date(2027, 1, 25): "Regents exam week",
                 date(2027, 4, 19): "Spring recess"}


async def test_a_school_year_of_weekly_prompts(make_harness, setup_program, engine, clock,
                                               tmp_path: Path) -> None:
    # Over 60 lines by design: a whole school year of weeks, checked in one pass.
    h = await make_harness()
    setup_program(roster=False)
    spring = tmp_path / "spring.yml"
    spring.write_text(SPRING_BREAK, encoding="utf-8")
    import_topics(engine, spring, clock=clock, actor="test")

    day = date(2026, 9, 1)
    while day <= date(2027, 6, 30):
        times = {0: [time(8, 59), time(9, 0), time(9, 1), time(13, 0)], 4: [time(9, 0), time(15, 30)]}.get(
            day.weekday(), [time(9, 0)])
        for at in times:
            clock.now = ny(day, at)
            post_due_prompts(engine, clock.now)
            if day.weekday() == 4:
                post_due_digests(engine, clock.now)
        if day.weekday() == 0:
            await h.app.delivery.run_once()
        day += timedelta(days=1)
    clock.now = ny(day)
    await h.app.delivery.run_once()

    in_term = [TERM[0] + timedelta(days=(7 - TERM[0].weekday()) % 7 + 7 * i) for i in range(60)]
    in_term = [m for m in in_term if m <= TERM[1]]
    expected_weeks = [m for m in in_term if m not in SKIPPED_WEEKS]
    assert in_term[0] == date(2026, 9, 14) and in_term[-1] == date(2027, 6, 21)

    with Session(engine) as session:
        keys = {m.id: m.key for m in session.exec(select(Match))}
        posts = list(session.exec(select(PromptPost)))
        logs = list(session.exec(select(MessageLog).where(MessageLog.kind == "prompt")))
        assert verify(session, PROGRAM) == []
    posted = collections.defaultdict(list)
    for post in posts:
        assert post.status in ("posted", "skipped"), post
        if post.status == "posted":
            posted[keys[post.match_id]].append(post.week_start)
        else:
            assert post.reason == SKIPPED_WEEKS[post.week_start]
    assert set(posted) == set(ACTIVE)  # the paused and the proposed match get nothing
    for key in ACTIVE:
        assert sorted(posted[key]) == expected_weeks, key  # each week once, none twice, none lost
    assert len(logs) == len(expected_weeks) * len(ACTIVE)

    # 09:00 on the New York wall clock every week, although the UTC hour moves with DST
    local_times = {log.sent_at.astimezone(NY).time() for log in logs}
    assert local_times == {time(9, 0)}
    utc_hours = {log.sent_at.astimezone(NY).date(): log.sent_at.hour for log in logs}
    assert utc_hours[date(2026, 10, 26)] == 13 and utc_hours[date(2026, 11, 2)] == 14  # DST ended Nov 1
    assert utc_hours[date(2027, 3, 8)] == 14 and utc_hours[date(2027, 3, 15)] == 13  # DST began Mar 14

    # every channel of every active match saw each prompt exactly once, through the outbox
    for key in ACTIVE:
        for side in ("mentor", "student"):
            seen = [t for t in h.seen_in(f"{key}-{side}") if t.startswith("Hi ")]
            assert len(seen) == len(expected_weeks), (key, side)
            assert all(a != b for a, b in zip(seen, seen[1:], strict=False))  # a new prompt every week
    for key in ("ivy-ana", "kim-hal"):
        assert h.seen_in(f"{key}-mentor") == []

    # grades get their grade's prompt: raj-group is grade 9, dana-ana grade 10
    raj = [t for t in h.seen_in("raj-group-student") if t.startswith("Hi ")]
    dana = [t for t in h.seen_in("dana-ana-student") if t.startswith("Hi ")]
    assert "Intro to Engineering" in raj[0] and "Biology" in dana[0]
    assert any("Electricity basics" in t for t in raj) and not any("Electricity basics" in t for t in dana)
    assert any("conversation starter" in t for t in dana)  # spring: the starter library fills in

    # a digest went to the coordinators' channel each in-term week, once
    digests = [t for t in h.seen_in("coordinators") if t.startswith("Weekly digest")]
    assert 38 <= len(digests) <= 45 and len(digests) == len(set(digests))
