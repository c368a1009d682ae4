"""The queries of the e-mail queue: what still needs an e-mail, who gets it, and the due rows."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, update
from sqlmodel import Session, col, select

from storage.bulk import insert_ignore
from storage.models import Alert, Match, Person, Program
from storage.models_mail import MailMessage
from storage.models_prompts import DigestRun


def alerts_without_mail(session: Session, purpose: str, since: datetime, *, unacknowledged: bool = False,
                        skip_kinds: tuple[str, ...] = ()) -> list[Alert]:
    """Urgent alerts raised since ``since`` that have no ``purpose`` e-mail yet, oldest first."""
    mailed = exists().where(MailMessage.alert_id == Alert.id, MailMessage.purpose == purpose)
    query = select(Alert).where(Alert.urgent == True, Alert.created_at >= since, ~mailed)  # noqa: E712
    if unacknowledged:
        query = query.where(col(Alert.acknowledged_at).is_(None))
    if skip_kinds:
        query = query.where(col(Alert.kind).not_in(skip_kinds))
    return list(session.exec(query.order_by(Alert.id)))


def digests_without_mail(session: Session, since: datetime) -> list[DigestRun]:
    mailed = exists().where(MailMessage.purpose == "digest", MailMessage.program_id == DigestRun.program_id,
                            MailMessage.digest_week == DigestRun.week_start)
    return list(session.exec(select(DigestRun).where(DigestRun.posted_at >= since, ~mailed)
                             .order_by(DigestRun.id)))


def coordinators_with_email(session: Session, program_id: str) -> list[Person]:
    return list(session.exec(select(Person).where(
        Person.program_id == program_id, Person.role == "coordinator", Person.active == True,  # noqa: E712
        col(Person.email).is_not(None)).order_by(Person.id)))


def alert_recipients(session: Session, alert: Alert) -> list[Person]:
    """The match's coordinator when it has an e-mail address, else every coordinator who has one."""
    match = session.get(Match, alert.match_id) if alert.match_id else None
    if match is not None and match.coordinator_id:
        coordinator = session.get(Person, match.coordinator_id)
        if coordinator is not None and coordinator.email and coordinator.active:
            return [coordinator]
    return coordinators_with_email(session, alert.program_id)


def second_contact(session: Session, program: Program) -> Person | None:
    person = session.get(Person, program.escalate_to_id) if program.escalate_to_id else None
    return person if person is not None and person.email else None


def add_mail(session: Session, rows: list[dict]) -> None:  # type: ignore[type-arg]
    """Queue e-mails; a row whose key exists already (another process, an earlier run) is skipped."""
    if rows:
        session.execute(insert_ignore(session, MailMessage.__table__, index=["key"]), rows)  # type: ignore[attr-defined]


def due(session: Session, now: datetime, limit: int = 20) -> list[MailMessage]:
    return list(session.exec(select(MailMessage).where(MailMessage.state == "pending",
                                                       MailMessage.next_attempt_at <= now)
                             .order_by(MailMessage.id).limit(limit)))


def claim(session: Session, mail_id: int, now: datetime, lease: timedelta) -> bool:
    """Take a due row for one send; it is due again after ``lease`` if this process dies mid-send."""
    return bool(session.execute(
        update(MailMessage).where(MailMessage.id == mail_id, MailMessage.state == "pending",  # type: ignore[arg-type]
                                  MailMessage.next_attempt_at <= now)  # type: ignore[arg-type]
        .values(attempts=MailMessage.attempts + 1, next_attempt_at=now + lease)
    ).rowcount)


def mails_of_alerts(session: Session, alert_ids: list[int]) -> dict[int, list[MailMessage]]:
    out: dict[int, list[MailMessage]] = {}
    if alert_ids:
        for mail in session.exec(select(MailMessage).where(col(MailMessage.alert_id).in_(alert_ids))
                                 .order_by(MailMessage.id)):
            out.setdefault(mail.alert_id, []).append(mail)  # type: ignore[arg-type]
    return out
