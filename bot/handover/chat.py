"""``/mentorbot leave``: a mentor gives notice from chat, as the employer tip sheet asks ("provide
as much notice as possible to the mentor coordinator and student").

``leave 2026-12-18 I'm relocating for a new job`` (or ``leave <match> <date> <reason>`` for a
mentor in several matches). The coordinator is alerted; the students are told only when the
coordinator has arranged what comes next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.handover.departure import HandoverError, give_notice
from storage import choosing_repo, repo
from storage.models import Person

USAGE = (
    "Usage: `leave YYYY-MM-DD your reason` (your last day, and why — a new job, a move…); with several "
    "matches: `leave <match-id> YYYY-MM-DD your reason`."
)


def leave(engine: Engine, person: Person, text: str, *, clock: Callable[[], datetime], via: str) -> str:
    if person.role != "mentor":
        return ("Only mentors give notice with `leave`. If something is wrong, use `concern` to tell "
                "your coordinator.")
    words = text.split()
    with Session(engine) as session:
        live = [
            m
            for m in repo.matches_of(session, person.id)  # type: ignore[arg-type]
            if m.status in ("active", "paused", "proposed")
            and m.model != choosing_repo.MEET_AND_GREET
            and repo.member_role(session, m.id, person.id) == "mentor"
        ]  # type: ignore[arg-type]
    keys = {m.key for m in live}
    key = words.pop(0) if words and words[0] in keys else (live[0].key if len(live) == 1 else None)
    if not live:
        return "You are not mentoring in a match right now, so there is nothing to give notice for."
    if key is None:
        return f"You mentor in {', '.join(sorted(keys))}: say which one. " + USAGE
    try:
        last_day = date.fromisoformat(words.pop(0)) if words else None
    except ValueError:
        last_day = None
    if last_day is None:
        return USAGE
    try:
        notice = give_notice(
            engine,
            person.program_id,
            key,
            person.key,
            last_day=last_day,
            reason=" ".join(words),
            now=clock(),
            actor=person.key,
            via=via,
        )
    except HandoverError as error:
        return f"I could not record that: {error}."
    return (
        f"Thank you for telling us, {person.display_name.split(' ')[0]}. Your coordinator has been "
        f"told that your last day in {notice.match.key} is {last_day:%A %d %B %Y} and will arrange "
        "a new mentor. The guide asks mentors to make sure their mentee knows why they need to stop, "
        "and that it has nothing to do with them — you can say so in your channel before you go."
    )
