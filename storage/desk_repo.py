"""The coordinator desk's queries, always within one program (``program_id`` first everywhere):
the glance counts, the review queue and alerts with their context, records and the access log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from storage.models import Alert, AuditEvent, Delivery, Match, MatchMember, MessageLog, Person, ReviewItem

# -- counts for the navigation and the glance ------------------------------------------------------


def open_hold_count(session: Session, program_id: str) -> int:
    return session.exec(select(func.count()).select_from(ReviewItem).where(
        ReviewItem.program_id == program_id, ReviewItem.state == "open")).one()


def open_alert_count(session: Session, program_id: str) -> int:
    return session.exec(select(func.count()).select_from(Alert).where(
        Alert.program_id == program_id, col(Alert.acknowledged_at).is_(None))).one()


def matches(session: Session, program_id: str, *, by_key: bool = False) -> list[Match]:
    query = select(Match).where(Match.program_id == program_id)
    return list(session.exec(query.order_by(Match.key) if by_key else query))


def match_keys(session: Session, program_id: str) -> dict[int, str]:
    return {m.id: m.key for m in matches(session, program_id)}  # type: ignore[misc]


def people(session: Session, program_id: str) -> list[Person]:
    """The program's people by name (the search filter menu; names are sealed, so sorted here)."""
    return sorted(session.exec(select(Person).where(Person.program_id == program_id)),
                  key=lambda person: person.display_name)


def members_by_name(session: Session, program_id: str) -> Sequence[tuple[MatchMember, Person]]:
    """Every membership of the program's matches with its person, by display name (sorted here:
    names are sealed)."""
    rows = session.exec(
        select(MatchMember, Person).join(Person, col(Person.id) == col(MatchMember.person_id))
        .join(Match, col(Match.id) == col(MatchMember.match_id))
        .where(Match.program_id == program_id).order_by(MatchMember.match_id)).all()
    return sorted(rows, key=lambda row: row[1].display_name)


def _contact(program_id: str) -> tuple[Any, ...]:
    return (MessageLog.program_id == program_id, MessageLog.kind == "message",
            col(MessageLog.match_id).is_not(None))


def last_contact(session: Session, program_id: str) -> dict[int, datetime]:
    """Per match, when its newest DELIVERED message was sent (the digest's and the nudges' measure)."""
    from storage.prompt_repo import last_delivered

    return last_delivered(session, program_id)


def messages_since(session: Session, program_id: str, since: datetime) -> dict[int, int]:
    """Per match, how many messages were sent since ``since``."""
    return dict(session.exec(select(MessageLog.match_id, func.count())
                             .where(*_contact(program_id), MessageLog.sent_at >= since)
                             .group_by(MessageLog.match_id)).all())  # type: ignore[arg-type]


def open_holds_by_match(session: Session, program_id: str) -> dict[int, int]:
    return dict(session.exec(select(ReviewItem.match_id, func.count()).where(
        ReviewItem.program_id == program_id, ReviewItem.state == "open",
        col(ReviewItem.match_id).is_not(None)).group_by(ReviewItem.match_id)).all())  # type: ignore[arg-type]


def open_urgent_alerts_by_match(session: Session, program_id: str) -> dict[int, int]:
    """Per match, its unacknowledged urgent alerts (a disclosure ranks above routine holds)."""
    return dict(session.exec(select(Alert.match_id, func.count()).where(
        Alert.program_id == program_id, col(Alert.acknowledged_at).is_(None), Alert.urgent == True,  # noqa: E712
        col(Alert.match_id).is_not(None)).group_by(Alert.match_id)).all())  # type: ignore[arg-type]


def open_alerts_by_match(session: Session, program_id: str) -> dict[int, int]:
    return dict(session.exec(select(Alert.match_id, func.count()).where(
        Alert.program_id == program_id, col(Alert.acknowledged_at).is_(None),
        col(Alert.match_id).is_not(None)).group_by(Alert.match_id)).all())  # type: ignore[arg-type]


# -- the review queue and alerts ---------------------------------------------------------------------


def context_before(session: Session, message: MessageLog, count: int, kinds: Sequence[str]
                   ) -> list[MessageLog]:
    """The messages of the same match just before this one, oldest first."""
    if message.match_id is None:
        return []
    rows = session.exec(select(MessageLog).where(
        MessageLog.match_id == message.match_id, col(MessageLog.id) < message.id,
        MessageLog.program_id == message.program_id, col(MessageLog.kind).in_(kinds))
        .order_by(col(MessageLog.id).desc()).limit(count))
    return list(reversed(list(rows)))


def open_holds(session: Session, program_id: str) -> Sequence[tuple[ReviewItem, MessageLog]]:
    return session.exec(
        select(ReviewItem, MessageLog).join(MessageLog, col(MessageLog.id) == col(ReviewItem.message_id))
        .where(ReviewItem.program_id == program_id, ReviewItem.state == "open")
        .order_by(ReviewItem.id)).all()


def recent_decisions(session: Session, program_id: str, limit: int) -> list[ReviewItem]:
    return list(session.exec(select(ReviewItem).where(
        ReviewItem.program_id == program_id, ReviewItem.state != "open")
        .order_by(col(ReviewItem.decided_at).desc()).limit(limit)))


def alerts(session: Session, program_id: str) -> list[Alert]:
    return list(session.exec(select(Alert).where(Alert.program_id == program_id)))


def who_was_told(session: Session, program_id: str, alert: Alert) -> list[Delivery]:
    """The alert's card and the notices about its message, oldest first."""
    told = Delivery.alert_id == alert.id
    if alert.message_id:
        told = or_(told, and_(Delivery.message_id == alert.message_id, Delivery.kind == "notice"))  # type: ignore[assignment]
    return list(session.exec(select(Delivery).where(Delivery.program_id == program_id, told)
                             .order_by(Delivery.id)))


# -- records -------------------------------------------------------------------------------------------


def reviews_of(session: Session, program_id: str, message_ids: list[int]) -> dict[int, ReviewItem]:
    """Message id -> its review decision."""
    if not message_ids:
        return {}
    return {r.message_id: r for r in session.exec(select(ReviewItem).where(
        ReviewItem.program_id == program_id, col(ReviewItem.message_id).in_(message_ids)))}


def matches_of_person(session: Session, program_id: str, person_id: int) -> list[tuple[Match, str]]:
    """A person's matches in the program with their role, by match key."""
    return [(m, role) for m, role in session.exec(
        select(Match, MatchMember.role).join(MatchMember, col(MatchMember.match_id) == col(Match.id))
        .where(MatchMember.person_id == person_id, Match.program_id == program_id).order_by(Match.key))]


def accesses_to(session: Session, program_id: str, targets: list[str], limit: int = 500) -> list[AuditEvent]:
    """Audit events about these targets (and searches that showed one of ``targets[1:]``), newest first.

    A search's details are sealed at rest, so searches are read newest first and checked here; the
    scan stops once ``limit`` of them matched (older ones could not make the newest ``limit``).
    """
    newest = col(AuditEvent.seq).desc()
    found = list(session.exec(select(AuditEvent).where(
        AuditEvent.program_id == program_id, col(AuditEvent.target).in_(targets))
        .order_by(newest).limit(limit)))
    shown = set(targets[1:])
    if shown:
        searches = session.exec(select(AuditEvent).where(
            AuditEvent.program_id == program_id, AuditEvent.action == "search",
            col(AuditEvent.target).not_in(targets)).order_by(newest).execution_options(yield_per=500))
        hits = 0
        for event in searches:
            if shown.intersection(json.loads(event.detail_json).get("matches") or ()):
                found.append(event)
                hits += 1
                if hits >= limit:
                    break
    return sorted(found, key=lambda event: event.seq, reverse=True)[:limit]


def access_log(session: Session, program_id: str, *, offset: int, limit: int) -> list[AuditEvent]:
    return list(session.exec(select(AuditEvent).where(AuditEvent.program_id == program_id)
                             .order_by(col(AuditEvent.seq).desc()).offset(offset).limit(limit)))
