"""Coordinator actions on a whole match: pause at once, resume. Both sides are told politely."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.messages import ChannelRef
from bot.review.gate_holds import release_cleared_gates
from storage import audit, outbox, repo
from storage.models import Match

PAUSED_NOTICE = ("This mentoring conversation is paused for now by the program coordinator. "
                 "Messages sent meanwhile will wait for the coordinator.")
RESUMED_NOTICE = "This mentoring conversation is open again. Thanks for your patience!"


class MatchError(Exception):
    """No such match in the program, or the change makes no sense (already paused, say)."""


def set_paused(engine: Engine, match_key: str, *, paused: bool, program_id: str | None, actor: str,
               clock: Callable[[], datetime], reason: str = "") -> Match:
    """Pause or resume a match: its status changes and each of its channels gets a notice."""
    now = clock()
    with Session(engine) as session:
        match = repo.match_by_key(session, match_key, program_id)
        if match is None:
            raise MatchError(f"no match '{match_key}'")
        if paused and match.status != "active":
            raise MatchError(f"match '{match_key}' is {match.status}, not active")
        if not paused and match.status != "paused":
            raise MatchError(f"match '{match_key}' is {match.status}, not paused")
        match.status = "paused" if paused else "active"
        session.add(match)
        action = "match.pause" if paused else "match.resume"
        for channel in repo.match_channels(session, match.id):  # type: ignore[arg-type]
            ref = ChannelRef(channel.platform, channel.workspace, channel.channel)
            session.add(outbox.system_post(program_id=match.program_id, channel=ref, now=now,
                                       text=PAUSED_NOTICE if paused else RESUMED_NOTICE,
                                       key=f"{action}:{match.id}:{channel.id}:{now.isoformat()}"))
        audit.record(session, program_id=match.program_id, actor=actor, action=action, at=now,
                     target=f"match:{match.key}", detail={"reason": reason})
        if not paused:  # what waited for the match to open goes out now (issue 12 item 1)
            release_cleared_gates(session, program_id=match.program_id, now=now, actor=actor,
                                  match_ids=[match.id])  # type: ignore[list-item]
        session.commit()
        session.refresh(match)
        return match
