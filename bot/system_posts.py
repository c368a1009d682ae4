"""mentorbot's own posts to everyone in a channel (bios, a welcome, a change of mentor), written
like any bot post: a ``system`` row in the program's message log (chained, in the transcript of its
match when it has one) and one outbox row for the delivery worker, in the caller's transaction.

The ``key`` makes a post idempotent: posting the same key twice (a retried request, a second
process) logs and delivers it once.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.messages import ChannelRef
from storage import chain, outbox, repo
from storage.models import MessageLog

SENDER = "mentorbot"


def post(
    session: Session,
    *,
    program_id: str,
    channel: ChannelRef,
    text: str,
    now: datetime,
    key: str,
    match_id: int | None = None,
) -> MessageLog | None:
    """Log and queue one post; None when a post with this key already exists."""
    dedupe_key = f"system:{program_id}:{key}"
    if repo.seen_event(session, dedupe_key):
        return None
    supervised = repo.supervised_channel(session, channel, active_only=False)
    row = MessageLog(
        program_id=program_id,
        seq=0,
        kind="system",
        match_id=match_id,
        channel_id=supervised.id if supervised is not None else None,
        platform=channel.platform,
        workspace=channel.workspace,
        channel=channel.channel,
        platform_message_id=f"system:{key}",
        dedupe_key=dedupe_key,
        sender_platform_id=SENDER,
        sender_name=SENDER,
        sender_role="system",
        text=text,
        sent_at=now,
        received_at=now,
        decision="allow",
        prev_hash="",
        row_hash="",
    )
    chain.append(session, row, stream="message")
    session.flush()
    session.add(
        outbox.new_row(
            "system",
            key=dedupe_key,
            channel=channel,
            text=text,
            now=now,
            program_id=program_id,
            message_id=row.id,
            sender_name=SENDER,
        )
    )
    return row


def post_to_match(
    session: Session, *, program_id: str, match_id: int, side: str | None, text: str, now: datetime, key: str
) -> int:
    """Post to every active channel of a match (one side only when ``side`` is given); how many."""
    posted = 0
    for channel in repo.match_channels(session, match_id):
        if side is not None and channel.side != side:
            continue
        ref = ChannelRef(channel.platform, channel.workspace, channel.channel)
        if (
            post(
                session,
                program_id=program_id,
                channel=ref,
                text=text,
                now=now,
                match_id=match_id,
                key=f"{key}:{channel.id}",
            )
            is not None
        ):
            posted += 1
    return posted
