"""What operators ask the database: is it reachable, and how much work is waiting (one scrape's worth).

Every figure is one aggregate query over an indexed column, so a Prometheus scrape or a readiness
probe costs a handful of index scans however large the log grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, func, text
from sqlmodel import Session, col, select

from storage.clock import as_utc
from storage.models import Alert, Delivery, ReviewItem

UNFINISHED = ("pending", "sending", "parked")  # parked: a copy waiting for its paused match


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query now."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


@dataclass
class WorkWaiting:
    """A snapshot of waiting work: per program (holds, alerts) and per platform (the outbox)."""

    holds: dict[str, int] = field(default_factory=dict)  # program -> open holds awaiting a coordinator
    oldest_hold_seconds: dict[str, float] = field(default_factory=dict)
    alerts: dict[tuple[str, bool], int] = field(default_factory=dict)  # (program, urgent) -> unacknowledged
    outbox: dict[tuple[str, str], int] = field(default_factory=dict)  # (platform, state) -> rows
    oldest_due_seconds: dict[str, float] = field(default_factory=dict)  # platform -> oldest overdue row


def work_waiting(engine: Engine, now: datetime) -> WorkWaiting:
    """Holds, unacknowledged alerts and the unfinished outbox, as of ``now``."""
    snapshot = WorkWaiting()
    with Session(engine) as session:
        holds = session.exec(select(ReviewItem.program_id, func.count(), func.min(ReviewItem.created_at))
                             .where(ReviewItem.state == "open", col(ReviewItem.release_at).is_(None))
                             .group_by(ReviewItem.program_id))
        for program, count, oldest in holds:
            snapshot.holds[program] = count
            snapshot.oldest_hold_seconds[program] = _age(now, oldest)
        alerts = session.exec(select(Alert.program_id, Alert.urgent, func.count())
                              .where(col(Alert.acknowledged_at).is_(None))
                              .group_by(Alert.program_id, Alert.urgent))
        for program, urgent, count in alerts:
            snapshot.alerts[(program, bool(urgent))] = count
        outbox = session.exec(select(Delivery.platform, Delivery.state, func.count())
                              .where(col(Delivery.state).in_(UNFINISHED))
                              .group_by(Delivery.platform, Delivery.state))
        for platform, state, count in outbox:
            snapshot.outbox[(platform, state)] = count
        snapshot.oldest_due_seconds = oldest_due(session, now)
    return snapshot


def oldest_due(session: Session, now: datetime) -> dict[str, float]:
    """Per platform, how long the most overdue unfinished row has been due (0 when none is).

    A pending row is due from ``next_attempt_at`` (a row backing off after an error is not due
    yet); a row being sent is overdue only once its lease ran out (its worker died).
    """
    pending = session.exec(select(Delivery.platform, func.min(Delivery.next_attempt_at))
                           .where(Delivery.state == "pending", Delivery.next_attempt_at <= now)
                           .group_by(Delivery.platform))
    ages = {platform: _age(now, since) for platform, since in pending}
    stuck = session.exec(select(Delivery.platform, func.min(Delivery.lease_until))
                         .where(Delivery.state == "sending", col(Delivery.lease_until) <= now)
                         .group_by(Delivery.platform))
    for platform, since in stuck:
        ages[platform] = max(ages.get(platform, 0.0), _age(now, since))
    return ages


def _age(now: datetime, since: datetime | None) -> float:
    return max(0.0, (as_utc(now) - as_utc(since)).total_seconds()) if since is not None else 0.0
