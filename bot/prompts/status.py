"""The next prompt of a match, for ``/mentorbot status`` (``Commands.next_prompt``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.prompts.plan import Skip, choose, load_matches, program_topics
from bot.prompts.schedule import load_schedule
from storage.models import Match, Program


def next_prompt_line(session: Session, match: Match, *, clock: Callable[[], datetime]) -> str | None:
    """'Mon 19 Oct 09:00 EDT: Biology — cell energy', or None when no prompt is coming."""
    program = session.get(Program, match.program_id)
    if program is None or match.status != "active":
        return None
    schedule = load_schedule(session, program)
    if not schedule.enabled:
        return None
    if match.prompts_paused:
        return "prompts are paused for this match by your coordinator"
    infos = load_matches(session, program.id, keys=[match.key])
    grade = infos[0].grade if infos else match.grade
    topics = program_topics(session, program.id)
    week = schedule.next_week(clock())
    for _ in range(12):
        if schedule.in_term(schedule.post_day(week)):
            chosen = choose(topics, week, grade)
            if not isinstance(chosen, Skip):
                when = schedule.local(schedule.post_at(week))
                what = (
                    f"{chosen.course} — {chosen.topic}"
                    if chosen.source == "calendar"
                    else "a conversation starter"
                )
                return f"{when:%a %d %b %H:%M %Z}: {what.strip(' —')}"
        week += timedelta(days=7)
    return None
