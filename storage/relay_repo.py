"""What the relay reads for every message, in as few statements as the answers allow (issue 16).

The relay's record path runs once per message on the hot path, and on this code most of its cost
was statements: one per table it looked at. These readers join what is always read together and
leave the rows in the session's identity map, so the ``session.get`` calls that follow (the match,
the program, the sender's membership) cost no statement as long as the caller holds on to what
these return (the identity map keeps only weak references). The relay keeps what these return
between messages only while the roster's generation is unchanged (``bot.relay.roster_facts``).

The statements are built once, at import, with bind parameters: building a SELECT and computing
its cache key cost more CPU than SQLite spends running it, and the record path runs them for every
message. SQLAlchemy memoizes the cache key of a statement object, so reusing one skips both.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, bindparam, exists, func, or_
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

_SEEN_EXPRESSION = or_(exists().where(col(MessageLog.dedupe_key) == bindparam("key")),
                       exists().where(col(UnroutedEvent.dedupe_key) == bindparam("key")))
_SEEN = select(_SEEN_EXPRESSION)


def seen_event(session: Session, dedupe_key: str) -> bool:
    """True if this platform event was already recorded (a retry or a replay): one statement."""
    return bool(session.execute(_SEEN, {"key": dedupe_key}).scalar_one())


_ORIGIN = (select(SupervisedChannel.match_id)
           .where(SupervisedChannel.platform == bindparam("platform"),
                  SupervisedChannel.workspace == bindparam("workspace"),
                  SupervisedChannel.channel == bindparam("channel"), SupervisedChannel.active == True)  # noqa: E712
           .scalar_subquery())
_CONTEXT = (select(SupervisedChannel, Match, Program, _SEEN_EXPRESSION.label("seen"))
            .join(Match, col(Match.id) == col(SupervisedChannel.match_id))
            .join(Program, col(Program.id) == col(Match.program_id))
            .where(SupervisedChannel.match_id == _ORIGIN, SupervisedChannel.active == True)  # noqa: E712
            .order_by(SupervisedChannel.id))

Context = tuple[SupervisedChannel, Match, Program, list[SupervisedChannel]]


def event_in_channel(session: Session, ref: ChannelAddress, dedupe_key: str) -> tuple[bool, Context | None]:
    """Whether the event was recorded before (``seen_event``) and the active supervised channel at
    ``ref`` with its match, its program and every active channel of the match in id order
    (``repo.match_channels``: where an allowed message is copied): one statement in a supervised
    channel, two elsewhere (a direct message, a channel nobody supervises)."""
    rows = session.execute(_CONTEXT, {"platform": ref.platform, "workspace": ref.workspace,
                                      "channel": ref.channel, "key": dedupe_key}).all()
    if not rows:
        return seen_event(session, dedupe_key), None
    siblings = [row[0] for row in rows]
    wanted = (ref.platform, ref.workspace, ref.channel)
    for channel, match, program, seen in rows:
        if (channel.platform, channel.workspace, channel.channel) == wanted:
            return bool(seen), (channel, match, program, siblings)
    return bool(rows[0][3]), None


_RECENT = (select(func.count()).select_from(MessageLog)  # repo.recent_message_count, for the row's person
           .where(MessageLog.sender_person_id == Person.id, MessageLog.received_at >= bindparam("since"),
                  MessageLog.kind == "message")
           .correlate(Person).scalar_subquery())
_SENDER = (select(Person, MatchMember, _RECENT.label("recent"))
           .join(Identity, col(Identity.person_id) == col(Person.id))
           .outerjoin(MatchMember, and_(col(MatchMember.person_id) == col(Person.id),
                                        col(MatchMember.match_id) == bindparam("match_id")))
           .where(Identity.platform == bindparam("platform"), Identity.workspace == bindparam("workspace"),
                  Identity.user_id == bindparam("user_id")))


def sender_in_match(session: Session, ref: ChannelAddress, user_id: str, match_id: int,
                    since: datetime) -> tuple[Person, MatchMember | None, int] | None:
    """The roster person behind a platform account, with their membership of ``match_id`` (if any)
    loaded alongside, so ``repo.member_role`` that follows needs no statement, and how many
    messages they sent since ``since`` (``repo.recent_message_count``: the policy's flood count)."""
    found = session.execute(_SENDER, {"match_id": match_id, "platform": ref.platform, "since": since,
                                      "workspace": ref.workspace, "user_id": user_id}).first()
    return None if found is None else (found[0], found[1], int(found[2]))
