"""The hand-over's queries: commitments, renewals due, departures."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from storage.models import Match
from storage.models_handover import Commitment, Departure


def commitment(session: Session, match_id: int) -> Commitment | None:
    return session.get(Commitment, match_id)


def commitments(session: Session, program_id: str) -> list[tuple[Commitment, Match]]:
    """The program's commitments with their matches, soonest end first."""
    rows = session.exec(
        select(Commitment, Match)
        .join(Match, col(Match.id) == col(Commitment.match_id))
        .where(Commitment.program_id == program_id)
        .order_by(Commitment.committed_until)
    )
    return [(c, m) for c, m in rows]


def renewals_due(session: Session, today: date) -> list[tuple[Commitment, Match]]:
    """Live matches whose committed time ends soon and whose coordinator was not reminded yet.

    "Soon" is each program's ``renewal_notice_days``; the caller filters by it (it lives in the
    choosing settings), so this returns every unreminded commitment of a live match.
    """
    rows = session.exec(
        select(Commitment, Match)
        .join(Match, col(Match.id) == col(Commitment.match_id))
        .where(
            col(Match.status).in_(["active", "paused"]),
            Commitment.renewal_reminded_on == None,  # noqa: E711
            Commitment.committed_until >= today,
        )
    )
    return [(c, m) for c, m in rows]


def departures(session: Session, program_id: str, *, open_only: bool = False) -> list[Departure]:
    query = select(Departure).where(Departure.program_id == program_id)
    if open_only:
        query = query.where(col(Departure.state).in_(["notice", "paused"]))
    return list(session.exec(query.order_by(col(Departure.id).desc())))


def open_departure(session: Session, match_id: int, mentor_id: int) -> Departure | None:
    return session.exec(
        select(Departure).where(
            Departure.match_id == match_id,
            Departure.mentor_id == mentor_id,
            col(Departure.state).in_(["notice", "paused"]),
        )
    ).first()


def overdue_departures(session: Session, today: date) -> list[Departure]:
    """Notices whose last day has passed with no decision (in any program)."""
    return list(
        session.exec(select(Departure).where(Departure.state == "notice", Departure.last_day < today))
    )
