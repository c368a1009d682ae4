"""Choosing rounds: open one, close it, and the meet-and-greets before it ("multiple connections
and exposures before choice").

A round goes planned -> open -> closed -> matched. Students and mentors choose while it is open;
the coordinator may still enter choices while it is closed, until the matches are confirmed.
A program whose roster says ``after_meet_and_greet: true`` opens choosing by itself once every
meet-and-greet of the round is over (``bot.matching.meetings``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot import system_posts
from bot.messages import ChannelRef
from bot.profiles.model import choosing_options
from bot.roster.validate import SLUG
from storage import audit, choosing_repo
from storage.models_choosing import ChoosingRound

OPEN_NOTICE = (
    "Choosing is open! Read the mentors' bios, then pick your top {n} with /mentorbot choose "
    "(only you see it). You can change your mind until choosing closes."
)
CLOSED_NOTICE = "Choosing is closed. Thank you! Your coordinator will tell you about your match soon."


class ChoosingError(Exception):
    """A choosing action that cannot be done; the message says what to do instead."""


def open_round(
    engine: Engine,
    program_id: str,
    *,
    key: str,
    starts_on: date,
    now: datetime,
    actor: str,
    open_now: bool | None = None,
    draw_seed: str = "",
) -> ChoosingRound:
    """Start a round. It opens at once unless the program opens choosing after its meet-and-greets."""
    if not SLUG.match(key):
        raise ChoosingError(
            f"'{key}' is not a usable round name; use lowercase letters, digits and dashes, e.g. 2026-fall"
        )
    with Session(engine, expire_on_commit=False) as session:
        current = choosing_repo.current_round(session, program_id)
        if current is not None:
            raise ChoosingError(
                f"round '{current.key}' is still {current.state}; confirm its matches (or "
                "close it) before starting another"
            )
        if choosing_repo.round_by_key(session, program_id, key) is not None:
            raise ChoosingError(f"there was already a round '{key}'; choose another name")
        settings = choosing_options(session, program_id)
        opening = (not settings.after_meet_and_greet) if open_now is None else open_now
        row = ChoosingRound(
            program_id=program_id,
            key=key,
            starts_on=starts_on,
            created_at=now,
            created_by=actor,
            state="open" if opening else "planned",
            opens_at=now if opening else None,
            draw_seed=draw_seed,
        )
        session.add(row)
        session.flush()
        if opening:
            announce(session, program_id, OPEN_NOTICE.format(n=settings.max_choices), now, f"open:{row.id}")
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="round.open",
            at=now,
            target=f"round:{key}",
            detail={"state": row.state, "starts_on": starts_on.isoformat()},
        )
        session.commit()
        return row


def set_round_state(
    engine: Engine, program_id: str, state: str, *, now: datetime, actor: str
) -> ChoosingRound:
    """Open (or re-open) choosing, or close it: choices are then frozen for students."""
    allowed = {"open": ("planned", "closed"), "closed": ("open",)}[state]
    with Session(engine, expire_on_commit=False) as session:
        row = current_or_fail(session, program_id)
        if row.state not in allowed:
            raise ChoosingError(f"round '{row.key}' is {row.state}; it cannot be {state} now")
        row.state = state
        if state == "open":
            row.opens_at = row.opens_at or now
            text = OPEN_NOTICE.format(n=choosing_options(session, program_id).max_choices)
        else:
            row.closes_at = now
            text = CLOSED_NOTICE
        session.add(row)
        announce(session, program_id, text, now, f"{state}:{row.id}:{now.isoformat()}")
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action=f"round.{'open' if state == 'open' else 'close'}",
            at=now,
            target=f"round:{row.key}",
        )
        session.commit()
        return row


def current_or_fail(session: Session, program_id: str) -> ChoosingRound:
    row = choosing_repo.current_round(session, program_id)
    if row is None:
        raise ChoosingError(
            "there is no choosing round; start one (desk: Choosing, or "
            "`mentorbot choosing round NAME --starts YYYY-MM-DD`)"
        )
    return row


def announce(session: Session, program_id: str, text: str, now: datetime, key: str) -> int:
    """Post to the program's student-side choosing channels (logged and queued); how many."""
    posted = 0
    for place in choosing_repo.program_channels(session, program_id, side="student"):
        ref = ChannelRef(place.platform, place.workspace, place.channel)
        if (
            system_posts.post(
                session, program_id=program_id, channel=ref, text=text, now=now, key=f"round:{key}:{ref}"
            )
            is not None
        ):
            posted += 1
    return posted
