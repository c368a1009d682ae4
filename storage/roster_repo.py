"""The roster's queries: what an import compares against and what ``program show`` reads back."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import AuditEvent, Identity, Match, MatchMember, Person, SupervisedChannel
from storage.repo import ChannelAddress


def account_owner(session: Session, platform: str, workspace: str, user_id: str) -> Person | None:
    """Whoever holds this platform account, in any program."""
    row = session.exec(
        select(Identity, Person).join(Person, col(Person.id) == col(Identity.person_id))
        .where(Identity.platform == platform, Identity.workspace == workspace, Identity.user_id == user_id)
    ).first()
    return row[1] if row is not None else None


def account(session: Session, platform: str, workspace: str, user_id: str) -> Identity | None:
    return session.exec(select(Identity).where(
        Identity.platform == platform, Identity.workspace == workspace, Identity.user_id == user_id)).first()


def channel_owner(session: Session, channel: ChannelAddress) -> Match | None:
    """The match a channel is (or was) supervised for, in any program."""
    row = session.exec(
        select(SupervisedChannel, Match).join(Match, col(Match.id) == col(SupervisedChannel.match_id))
        .where(SupervisedChannel.platform == channel.platform,
               SupervisedChannel.workspace == channel.workspace, SupervisedChannel.channel == channel.channel)
    ).first()
    return row[1] if row is not None else None


def people_by_key(session: Session, program_id: str) -> dict[str, Person]:
    return {r.key: r for r in session.exec(select(Person).where(Person.program_id == program_id))}


def matches_by_key(session: Session, program_id: str) -> dict[str, Match]:
    return {r.key: r for r in session.exec(select(Match).where(Match.program_id == program_id))}


def matches_in_order(session: Session, program_id: str) -> list[Match]:
    """The program's matches by key."""
    return list(session.exec(select(Match).where(Match.program_id == program_id).order_by(Match.key)))


def accounts_of(session: Session, person_ids: list[int]) -> list[Identity]:
    """These people's accounts, by platform and user id."""
    return list(session.exec(select(Identity).where(col(Identity.person_id).in_(person_ids))
                             .order_by(Identity.platform, Identity.user_id)))


def members_of(session: Session, match_id: int) -> list[MatchMember]:
    return list(session.exec(select(MatchMember).where(MatchMember.match_id == match_id)))


def channels_of(session: Session, match_ids: Iterable[int | None], *, ordered: bool = False
                ) -> list[SupervisedChannel]:
    """Every supervised channel (active or not) of these matches (by side and name if ``ordered``)."""
    ids = [i for i in match_ids if i is not None]
    if not ids:
        return []
    query = select(SupervisedChannel).where(col(SupervisedChannel.match_id).in_(ids))
    if ordered:
        query = query.order_by(SupervisedChannel.side, SupervisedChannel.channel)
    return list(session.exec(query))


def audit_since(session: Session, program_id: str, actions: Iterable[str],
                since: datetime) -> list[AuditEvent]:
    """The program's audit events of these actions at or after ``since``, oldest first (what was
    changed outside the roster file after the file was last edited)."""
    return list(session.exec(
        select(AuditEvent)
        .where(AuditEvent.program_id == program_id, col(AuditEvent.action).in_(list(actions)),
               col(AuditEvent.at) >= since)
        .order_by(col(AuditEvent.id))))
