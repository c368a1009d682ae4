"""The few lookups the core needs, kept in one place so routes and use cases share them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from storage.clock import as_utc
from storage.models import (
    Alert,
    Delivery,
    Identity,
    Match,
    MatchMember,
    MessageLog,
    Person,
    Program,
    SupervisedChannel,
    UnroutedEvent,
)


class ChannelAddress(Protocol):
    """Where a message lives (the core's ``ChannelRef`` fits): storage needs only these three."""

    @property
    def platform(self) -> str: ...
    @property
    def workspace(self) -> str: ...
    @property
    def channel(self) -> str: ...



def seen_event(session: Session, dedupe_key: str) -> bool:
    """True if this platform event was already recorded (a retry or a replay)."""
    if session.exec(select(MessageLog.id).where(MessageLog.dedupe_key == dedupe_key)).first():
        return True
    return session.exec(
        select(UnroutedEvent.id).where(UnroutedEvent.dedupe_key == dedupe_key)
    ).first() is not None


def supervised_channel(session: Session, ref: ChannelAddress, *, active_only: bool = True
                       ) -> SupervisedChannel | None:
    """The channel's supervised-channel row (an unlinked one too when ``active_only`` is False)."""
    query = select(SupervisedChannel).where(
        SupervisedChannel.platform == ref.platform,
        SupervisedChannel.workspace == ref.workspace,
        SupervisedChannel.channel == ref.channel,
    )
    if active_only:
        query = query.where(SupervisedChannel.active == True)  # noqa: E712
    return session.exec(query).first()


def active_channels(session: Session, platform: str | None = None) -> list[SupervisedChannel]:
    """Every active supervised channel (of one platform), in id order."""
    query = select(SupervisedChannel).where(SupervisedChannel.active == True)  # noqa: E712
    if platform:
        query = query.where(SupervisedChannel.platform == platform)
    return list(session.exec(query.order_by(SupervisedChannel.id)))


def programs_in_workspace(session: Session, platform: str, workspace: str) -> list[Program]:
    """The programs with an active supervised channel (or review channel) in this platform workspace."""
    ids = set(session.exec(
        select(Match.program_id).join(SupervisedChannel, col(SupervisedChannel.match_id) == col(Match.id))
        .where(SupervisedChannel.platform == platform, SupervisedChannel.workspace == workspace,
               SupervisedChannel.active == True)))  # noqa: E712
    ids |= set(session.exec(select(Program.id).where(Program.review_platform == platform,
                                                     Program.review_workspace == workspace)))
    return [p for p in (session.get(Program, pid) for pid in sorted(ids)) if p is not None]


def match_channels(session: Session, match_id: int) -> list[SupervisedChannel]:
    return list(
        session.exec(
            select(SupervisedChannel)
            .where(SupervisedChannel.match_id == match_id, SupervisedChannel.active == True)  # noqa: E712
            .order_by(SupervisedChannel.id)
        )
    )


def person_by_account(session: Session, platform: str, workspace: str, user_id: str) -> Person | None:
    return session.exec(
        select(Person)
        .join(Identity, col(Identity.person_id) == col(Person.id))
        .where(Identity.platform == platform, Identity.workspace == workspace, Identity.user_id == user_id)
    ).first()


def coordinator_among(session: Session, ref: ChannelAddress, user_ids: Iterable[str]) -> bool:
    """True if any of these platform accounts belongs to a coordinator on the roster."""
    for user_id in user_ids:
        person = person_by_account(session, ref.platform, ref.workspace, user_id)
        if person is not None and person.role == "coordinator":
            return True
    return False


def programs(session: Session) -> list[Program]:
    """Every program, in id order."""
    return list(session.exec(select(Program).order_by(Program.id)))


def people(session: Session, program_id: str, *, role: str | None = None) -> list[Person]:
    """A program's people (of one role: in roster order; else by role, then id)."""
    query = select(Person).where(Person.program_id == program_id)
    if role:
        return list(session.exec(query.where(Person.role == role).order_by(Person.id)))
    return list(session.exec(query.order_by(Person.role, Person.key)))


def person_by_key(session: Session, program_id: str, key: str) -> Person | None:
    """Someone by their roster id within one program."""
    return session.exec(select(Person).where(Person.program_id == program_id, Person.key == key)).first()


def accounts_of(session: Session, person_id: int, platform: str | None = None) -> list[Identity]:
    query = select(Identity).where(Identity.person_id == person_id)
    if platform:
        query = query.where(Identity.platform == platform)
    return list(session.exec(query))


def member_role(session: Session, match_id: int, person_id: int) -> str | None:
    member = session.get(MatchMember, (match_id, person_id))
    return member.role if member else None


def matches_of(session: Session, person_id: int) -> list[Match]:
    return list(
        session.exec(
            select(Match)
            .join(MatchMember, col(MatchMember.match_id) == col(Match.id))
            .where(MatchMember.person_id == person_id)
            .order_by(Match.id)
        )
    )


def match_by_key(session: Session, key: str, program_id: str | None = None) -> Match | None:
    query = select(Match).where(Match.key == key)
    if program_id:
        query = query.where(Match.program_id == program_id)
    return session.exec(query).first()


def match_keys(session: Session, program_id: str | None = None) -> list[str]:
    query = select(Match.key)
    if program_id:
        query = query.where(Match.program_id == program_id)
    return sorted(session.exec(query))


def members(session: Session, match_id: int) -> list[tuple[Person, str]]:
    rows = session.exec(
        select(Person, MatchMember.role)
        .join(MatchMember, col(MatchMember.person_id) == col(Person.id))
        .where(MatchMember.match_id == match_id)
    )
    # names are sealed at rest: sorted here, not in SQL
    return sorted(((person, role) for person, role in rows), key=lambda pr: (pr[1], pr[0].display_name))


def program(session: Session, program_id: str) -> Program | None:
    return session.get(Program, program_id)


_RECENT = (select(func.count()).select_from(MessageLog)  # built once: it runs for every relayed message
           .where(MessageLog.sender_person_id == bindparam("person"),
                  MessageLog.received_at >= bindparam("since"), MessageLog.kind == "message"))


def recent_message_count(session: Session, person_id: int, since: datetime) -> int:
    return session.execute(_RECENT, {"person": person_id, "since": since}).scalar_one()


def original_message(session: Session, ref: ChannelAddress, platform_message_id: str) -> MessageLog | None:
    """The first logged row of a platform message (its original text)."""
    return session.exec(
        select(MessageLog)
        .where(
            MessageLog.platform == ref.platform,
            MessageLog.workspace == ref.workspace,
            MessageLog.channel == ref.channel,
            MessageLog.platform_message_id == platform_message_id,
            MessageLog.kind == "message",
        )
        .order_by(MessageLog.id)
    ).first()


def message_versions(session: Session, original_id: int) -> list[MessageLog]:
    """The original row and every later edit/deletion row of one message, oldest first."""
    return list(
        session.exec(
            select(MessageLog)
            .where((MessageLog.id == original_id) | (MessageLog.original_id == original_id))
            .order_by(MessageLog.id)
        )
    )


def live_relay_copies(session: Session, message_ids: list[int]) -> list[Delivery]:
    """Relay deliveries of these log rows that are not cancelled and not yet retracted."""
    if not message_ids:
        return []
    copies = list(
        session.exec(
            select(Delivery).where(
                col(Delivery.message_id).in_(message_ids),
                col(Delivery.kind).in_(["relay", "prompt"]),
                col(Delivery.state).not_in(["cancelled", "failed"]),
            )
        )
    )
    if not copies:
        return []
    retracted = set(
        session.exec(
            select(Delivery.ref_delivery_id).where(
                col(Delivery.ref_delivery_id).in_([c.id for c in copies]), Delivery.kind == "retract"
            )
        )
    )
    return [c for c in copies if c.id not in retracted]


def last_logged_message_id(session: Session, ref: ChannelAddress) -> str | None:
    return session.exec(
        select(MessageLog.platform_message_id)
        .where(
            MessageLog.platform == ref.platform,
            MessageLog.workspace == ref.workspace,
            MessageLog.channel == ref.channel,
            MessageLog.kind == "message",
        )
        .order_by(col(MessageLog.id).desc())
    ).first()


def open_alert_exists(session: Session, program_id: str, kind: str, summary: str) -> bool:
    """An identical unacknowledged alert exists, so a repeated check does not nag (summaries are
    sealed at rest, so they are compared here; open alerts of one kind are few)."""
    return any(found == summary for found in session.exec(select(Alert.summary).where(
        Alert.program_id == program_id, Alert.kind == kind, Alert.acknowledged_at == None)))  # noqa: E711


TRANSCRIPT_KINDS = ["message", "edit", "delete", "prompt", "nudge"]


def transcript_rows(session: Session, match_id: int, *, since: datetime | None = None,
                    until: datetime | None = None) -> list[MessageLog]:
    """A match's conversation rows in log order, optionally within [since, until)."""
    rows = select(MessageLog).where(MessageLog.match_id == match_id,
                                    col(MessageLog.kind).in_(TRANSCRIPT_KINDS))
    if since:
        rows = rows.where(MessageLog.sent_at >= as_utc(since))
    if until:
        rows = rows.where(MessageLog.sent_at < as_utc(until))
    return list(session.exec(rows.order_by(MessageLog.id)))


def coordinators(session: Session, key: str | None = None) -> list[Person]:
    """Coordinators of every program (with this roster id, if given)."""
    query = select(Person).where(Person.role == "coordinator")
    if key:
        query = query.where(Person.key == key)
    return list(session.exec(query))
