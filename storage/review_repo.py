"""The queries of the review queue: open holds, holds due to release, and a hold's review card."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import Alert, Delivery, Match, MessageLog, ReviewItem


def open_items_of(session: Session, message_ids: list[int]) -> list[ReviewItem]:
    """The open review items of these log rows."""
    return list(session.exec(select(ReviewItem).where(
        ReviewItem.state == "open", col(ReviewItem.message_id).in_(message_ids))))


def open_holds(session: Session, program_id: str | None = None
               ) -> list[tuple[ReviewItem, MessageLog, Match | None]]:
    """Every open review item with its message and match, oldest first (one program, or all)."""
    query = (select(ReviewItem, MessageLog, Match)
             .join(MessageLog, col(MessageLog.id) == col(ReviewItem.message_id))
             .join(Match, col(Match.id) == col(ReviewItem.match_id), isouter=True)
             .where(ReviewItem.state == "open").order_by(ReviewItem.id))
    if program_id:
        query = query.where(ReviewItem.program_id == program_id)
    return [(item, message, match) for item, message, match in session.exec(query)]


def urgent_message_ids(session: Session, message_ids: list[int]) -> set[int]:
    """The log rows among these that raised an urgent alert (a disclosure, a stranger)."""
    if not message_ids:
        return set()
    return set(session.exec(select(Alert.message_id).where(  # type: ignore[arg-type]
        col(Alert.message_id).in_(message_ids), Alert.urgent == True)))  # noqa: E712


def due_releases(session: Session, now: datetime) -> list[int]:
    """Open quiet-hours holds whose release time has come."""
    return list(session.exec(select(ReviewItem.id).where(
        ReviewItem.state == "open", col(ReviewItem.release_at).is_not(None),
        col(ReviewItem.release_at) <= now)))


def card_of(session: Session, review_id: int) -> Delivery | None:
    """The outbox row that posted this hold's review card, if one was queued."""
    return session.exec(select(Delivery).where(Delivery.review_id == review_id,
                                               Delivery.kind == "review_card")).first()


def alerts(session: Session, program_id: str) -> list[Alert]:
    """A program's alerts, urgent first, then oldest first."""
    return list(session.exec(select(Alert).where(Alert.program_id == program_id)
                             .order_by(col(Alert.urgent).desc(), Alert.id)))


def gated_open_items(session: Session, program_id: str, match_ids: list[int] | None = None
                     ) -> list[tuple[ReviewItem, MessageLog]]:
    """Open holds still waiting for a program gate, with their messages, oldest first."""
    query = (select(ReviewItem, MessageLog).join(MessageLog, col(MessageLog.id) == col(ReviewItem.message_id))
             .where(ReviewItem.program_id == program_id, ReviewItem.state == "open", ReviewItem.gates != "")
             .order_by(ReviewItem.id))
    if match_ids is not None:
        query = query.where(col(ReviewItem.match_id).in_(match_ids))
    return [(item, message) for item, message in session.exec(query)]


def outcomes_of(session: Session, message_ids: list[int]
                ) -> tuple[dict[int, ReviewItem], dict[int, list[Alert]]]:
    """Per log row: its review item (if it was held) and its alerts, oldest first (for transcripts)."""
    if not message_ids:
        return {}, {}
    reviews: dict[int, ReviewItem] = {}
    alerts: dict[int, list[Alert]] = {}
    for chunk in (message_ids[i:i + 500] for i in range(0, len(message_ids), 500)):
        for item in session.exec(select(ReviewItem).where(col(ReviewItem.message_id).in_(chunk))):
            reviews[item.message_id] = item
        for alert in session.exec(select(Alert).where(col(Alert.message_id).in_(chunk)).order_by(Alert.id)):
            alerts.setdefault(alert.message_id, []).append(alert)  # type: ignore[arg-type]
    return reviews, alerts
