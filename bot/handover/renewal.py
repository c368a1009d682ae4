"""The year's end of a match and the hand-over deadlines, checked by an hourly job.

- Renewal: when a live match's committed time ends within the program's ``renewal_notice_days``,
  the coordinator gets one (not urgent) alert: ask both sides whether they will continue, then
  renew it (``renew``: another committed period) or plan the hand-over.
- A notice whose last day has passed with no decision pauses the match (messages then wait for
  the coordinator), tells the students kindly, and alerts the coordinator.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.handover.commitment import add_months
from bot.profiles.model import choosing_options
from bot.system_posts import post_to_match
from storage import audit, handover_repo, repo
from storage.models import Match, Person
from storage.models_handover import Commitment

PAUSED_FOR_HANDOVER = (
    "{first}'s time as a mentor in the program has ended. This conversation is paused "
    "while your coordinator arranges your new mentor — this has nothing to do with you, "
    "and your coordinator will be in touch soon."
)


class RenewalError(Exception):
    """No such match, or nothing to renew."""


def tick(engine: Engine, now: datetime) -> list[str]:
    """Renewal reminders and overdue notices; what was done (idempotent: each is done once)."""
    today = now.date()
    done: list[str] = []
    with Session(engine) as session:
        for commitment, match in handover_repo.renewals_due(session, today):
            settings = choosing_options(session, match.program_id)
            if (commitment.committed_until - today).days <= settings.renewal_notice_days:
                done.append(_remind(session, commitment, match, today, now))
        for departure in handover_repo.overdue_departures(session, today):
            done.append(_pause_for_handover(session, departure, now))
        session.commit()
    return done


def _remind(session: Session, commitment: Commitment, match: Match, today: date, now: datetime) -> str:
    program = repo.program(session, match.program_id)
    assert program is not None
    names = ", ".join(p.display_name for p, _ in repo.members(session, match.id))  # type: ignore[arg-type]
    days = (commitment.committed_until - today).days
    raise_alert(
        session,
        program=program,
        kind="renewal",
        urgent=False,
        now=now,
        match_id=match.id,
        summary=f"Match {match.key} ({names}) is committed until {commitment.committed_until:%d %b %Y}, in "
        f"{days} days. Ask both sides whether they will continue; renew it on the desk's "
        f"Hand-over page (or mentorbot match renew {match.key}), or plan the hand-over.",
    )
    commitment.renewal_reminded_on = today
    session.add(commitment)
    return f"{match.key}: renewal reminder"


def _pause_for_handover(session: Session, departure, now: datetime) -> str:  # type: ignore[no-untyped-def]
    match = session.get(Match, departure.match_id)
    mentor = session.get(Person, departure.mentor_id)
    program = repo.program(session, departure.program_id)
    assert match is not None and mentor is not None and program is not None
    departure.state = "paused"
    session.add(departure)
    if match.status == "active":
        match.status = "paused"
        session.add(match)
        post_to_match(
            session,
            program_id=program.id,
            match_id=match.id,
            side="student",  # type: ignore[arg-type]
            text=PAUSED_FOR_HANDOVER.format(first=mentor.display_name.split(" ")[0]),
            now=now,
            key=f"handover:{departure.id}:paused",
        )
    raise_alert(
        session,
        program=program,
        kind="departure",
        urgent=True,
        now=now,
        match_id=match.id,
        summary=f"{mentor.display_name}'s last day in {match.key} ({departure.last_day:%d %b %Y}) has "
        "passed with no replacement; the match is paused. Pick a replacement or end it on the "
        "desk's Hand-over page.",
    )
    audit.record(
        session,
        program_id=program.id,
        actor="mentorbot",
        action="match.pause",
        at=now,
        target=f"match:{match.key}",
        detail={"reason": "mentor's last day passed", "departure": departure.id},
    )
    return f"{match.key}: paused, waiting for a replacement"


def renew(
    engine: Engine, program_id: str, match_key: str, *, now: datetime, actor: str, until: date | None = None
) -> Commitment:
    """Another committed period (the program's months from the current end), or until ``until``."""
    with Session(engine, expire_on_commit=False) as session:
        match = repo.match_by_key(session, match_key, program_id)
        if match is None or match.status == "ended":
            raise RenewalError(f"there is no live match '{match_key}' in this program")
        row = handover_repo.commitment(session, match.id)  # type: ignore[arg-type]
        settings = choosing_options(session, program_id)
        if row is None:
            start = match.started_on or now.date()
            row = Commitment(
                match_id=match.id,
                program_id=program_id,
                started_on=start,  # type: ignore[arg-type]
                committed_until=add_months(start, settings.commitment_months),
            )
        new_end = until or add_months(max(row.committed_until, now.date()), settings.commitment_months)
        if new_end <= now.date():
            raise RenewalError("the new end must be after today")
        before = row.committed_until
        row.committed_until, row.basis, row.renewal_reminded_on = new_end, "set" if until else "year", None
        row.renewed_at, row.renewed_by = now, actor
        session.add(row)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="commitment.renew",
            at=now,
            target=f"match:{match.key}",
            detail={"from": before.isoformat(), "to": new_end.isoformat()},
        )
        session.commit()
        return row
