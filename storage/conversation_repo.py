"""Queries of the conversation score: the relay's one read per message, and the desk's lists.

The relay reads a sender's state by the unique (match_id, person_id) index, locking the row on
PostgreSQL so two replicas recording the same sender's messages never lose an update (SQLite
transactions already take the write lock up front, see ``storage.db``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from storage.models import Alert, Match, MessageLog, Person, ReviewItem
from storage.models_conversation import ConversationScore, ConversationSignal

PATTERN_RULE = "conversation.pattern"  # the hit the relay adds to a held mentor's message


_STATE = select(ConversationScore).where(ConversationScore.match_id == bindparam("match_id"),
                                         ConversationScore.person_id == bindparam("person_id"))
_STATE_LOCKED = _STATE.with_for_update()  # both built once: the relay reads the state per message


def state_of(session: Session, match_id: int, person_id: int) -> ConversationScore | None:
    """The sender's state in the match, locked for this transaction on PostgreSQL."""
    query = _STATE_LOCKED if session.get_bind().dialect.name == "postgresql" else _STATE
    return session.execute(query, {"match_id": match_id, "person_id": person_id}).scalars().first()


def create_state(session: Session, *, program_id: str, match_id: int, person_id: int, direction: str,
                 now: datetime) -> ConversationScore:
    """The sender's first signal in the match: create the row (tolerating a concurrent creator)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(ConversationScore).values(
        program_id=program_id, match_id=match_id, person_id=person_id, direction=direction,
        state_json="{}", held=False, score=0.0, half_life_days=7.0, window_days=28.0, alert_at=1.5,
        updated_at=now).on_conflict_do_nothing())
    row = state_of(session, match_id, person_id)
    assert row is not None
    return row


def signals_by_id(session: Session, message_ids: Sequence[int]) -> dict[int, ConversationSignal]:
    if not message_ids:
        return {}
    found = session.exec(select(ConversationSignal)
                         .where(col(ConversationSignal.message_id).in_(list(message_ids))))
    return {s.message_id: s for s in found}


def mark_pattern(session: Session, message_ids: Sequence[int], alert_id: int) -> None:
    """The signals that added up to a pattern point at its alert."""
    if message_ids:
        session.execute(update(ConversationSignal)
                        .where(col(ConversationSignal.message_id).in_(list(message_ids)))
                        .values(alert_id=alert_id))


def pattern_signals(session: Session, alert_id: int) -> list[tuple[ConversationSignal, MessageLog]]:
    """The messages a pattern alert lists, oldest first."""
    return list(session.exec(
        select(ConversationSignal, MessageLog)
        .join(MessageLog, col(MessageLog.id) == col(ConversationSignal.message_id))
        .where(ConversationSignal.alert_id == alert_id).order_by(col(ConversationSignal.at))).all())


def states(session: Session, program_id: str) -> list[ConversationScore]:
    """Every sender's state in the program (the glance page decays each to now)."""
    return list(session.exec(select(ConversationScore).where(ConversationScore.program_id == program_id)))


def states_of_match(session: Session, match_id: int) -> list[tuple[ConversationScore, Person]]:
    return list(session.exec(
        select(ConversationScore, Person).join(Person, col(Person.id) == col(ConversationScore.person_id))
        .where(ConversationScore.match_id == match_id).order_by(col(ConversationScore.direction))).all())


def state_by_alert(session: Session, alert_id: int, *, lock: bool = False) -> ConversationScore | None:
    """The state a pattern alert holds (None once reviewed); ``lock`` it to change it."""
    lock = lock and session.get_bind().dialect.name == "postgresql"
    query = select(ConversationScore).where(ConversationScore.alert_id == alert_id)
    return session.exec(query.with_for_update() if lock else query).first()


def history(session: Session, match_id: int, limit: int = 200) -> list[tuple[ConversationSignal, Person]]:
    """The match's signals, newest first: the score's history on the match page."""
    return list(session.exec(
        select(ConversationSignal, Person).join(Person, col(Person.id) == col(ConversationSignal.person_id))
        .where(ConversationSignal.match_id == match_id)
        .order_by(col(ConversationSignal.at).desc(), col(ConversationSignal.id).desc()).limit(limit)).all())


def flagged(session: Session, program_id: str, *, since: datetime | None = None, unseen_only: bool = False,
            limit: int = 200) -> list[tuple[ConversationSignal, MessageLog, Match]]:
    """A mentor's delivered weak signals, newest first (the desk's flagged list)."""
    query = (select(ConversationSignal, MessageLog, Match)
             .join(MessageLog, col(MessageLog.id) == col(ConversationSignal.message_id))
             .join(Match, col(Match.id) == col(ConversationSignal.match_id))
             .where(ConversationSignal.program_id == program_id, col(ConversationSignal.flagged).is_(True)))
    if since is not None:
        query = query.where(col(ConversationSignal.at) >= since)
    if unseen_only:
        query = query.where(col(ConversationSignal.looked_at).is_(None))
    query = query.order_by(col(ConversationSignal.at).desc(), col(ConversationSignal.id).desc())
    return list(session.exec(query.limit(limit)).all())


def flagged_counts(session: Session, program_id: str, since: datetime, until: datetime) -> dict[int, int]:
    """Per match, how many messages were flagged in [since, until) (the weekly digest)."""
    rows = session.exec(select(ConversationSignal.match_id, func.count())
                        .where(ConversationSignal.program_id == program_id,
                               col(ConversationSignal.flagged).is_(True),
                               col(ConversationSignal.at) >= since, col(ConversationSignal.at) < until)
                        .group_by(ConversationSignal.match_id)).all()
    return dict(rows)  # type: ignore[arg-type]


def unseen_flag_count(session: Session, program_id: str) -> int:
    return session.exec(select(func.count()).select_from(ConversationSignal).where(
        ConversationSignal.program_id == program_id, col(ConversationSignal.flagged).is_(True),
        col(ConversationSignal.looked_at).is_(None))).one()


def pattern_holds(session: Session, match_id: int, person_id: int) -> list[tuple[ReviewItem, MessageLog]]:
    """Open holds of this sender in the match that carry the pattern hold, oldest first."""
    return [(item, message) for item, message in session.exec(
        select(ReviewItem, MessageLog).join(MessageLog, col(MessageLog.id) == col(ReviewItem.message_id))
        .where(ReviewItem.match_id == match_id, ReviewItem.state == "open",
               MessageLog.sender_person_id == person_id, col(ReviewItem.reason).contains(PATTERN_RULE))
        .order_by(col(ReviewItem.id))).all()]


def pattern_alerts(session: Session, match_id: int) -> list[Alert]:
    """The match's pattern alerts, newest first (with what was done about each)."""
    return list(session.exec(select(Alert).where(Alert.match_id == match_id, Alert.kind == "pattern")
                             .order_by(col(Alert.id).desc())))
