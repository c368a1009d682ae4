"""What the relay reads for every message, in as few statements as the answers allow (issue 16).

The relay's record path runs once per message on the hot path, and on this code most of its cost
was statements: one per table it looked at. These readers join what is always read together and
leave the rows in the session's identity map, so the ``session.get`` calls that follow (the match,
the program, the sender's membership) cost no statement as long as the caller holds on to what
these return (the identity map keeps only weak references). Nothing is cached across transactions:
every gate still reads the roster as it is at the moment the message is recorded.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, or_
from sqlmodel import Session, col, select

from storage.models import (
    Identity,
    Match,
    MatchMember,
    MessageLog,
    Person,
    Program,
    SupervisedChannel,
    UnroutedEvent,
)
from storage.repo import ChannelAddress


def seen_event(session: Session, dedupe_key: str) -> bool:
    """True if this platform event was already recorded (a retry or a replay): one statement."""
    logged = exists().where(col(MessageLog.dedupe_key) == dedupe_key)
    unrouted = exists().where(col(UnroutedEvent.dedupe_key) == dedupe_key)
    return bool(session.exec(select(or_(logged, unrouted))).one())


def channel_in_context(session: Session, ref: ChannelAddress
                       ) -> tuple[SupervisedChannel, Match, Program, list[SupervisedChannel]] | None:
    """The active supervised channel at ``ref``, its match, its program and every active channel of
    the match in id order (``repo.match_channels``: where an allowed message is copied), at once."""
    origin = (select(SupervisedChannel.match_id)
              .where(SupervisedChannel.platform == ref.platform, SupervisedChannel.workspace == ref.workspace,
                     SupervisedChannel.channel == ref.channel, SupervisedChannel.active == True)  # noqa: E712
              .scalar_subquery())
    rows = session.exec(
        select(SupervisedChannel, Match, Program)
        .join(Match, col(Match.id) == col(SupervisedChannel.match_id))
        .join(Program, col(Program.id) == col(Match.program_id))
        .where(SupervisedChannel.match_id == origin, SupervisedChannel.active == True)  # noqa: E712
        .order_by(SupervisedChannel.id)
    ).all()
    siblings = [row[0] for row in rows]
    wanted = (ref.platform, ref.workspace, ref.channel)
    for channel, match, program in rows:
        if (channel.platform, channel.workspace, channel.channel) == wanted:
            return channel, match, program, siblings
    return None


def sender_in_match(session: Session, ref: ChannelAddress, user_id: str,
                    match_id: int) -> tuple[Person, MatchMember | None] | None:
    """The roster person behind a platform account, with their membership of ``match_id`` (if any)
    loaded alongside, so ``repo.member_role`` that follows needs no statement."""
    found = session.exec(
        select(Person, MatchMember)
        .join(Identity, col(Identity.person_id) == col(Person.id))
        .outerjoin(MatchMember, and_(col(MatchMember.person_id) == col(Person.id),
                                     col(MatchMember.match_id) == match_id))
        .where(Identity.platform == ref.platform, Identity.workspace == ref.workspace,
               Identity.user_id == user_id)
    ).first()
    return None if found is None else (found[0], found[1])
