"""mentorbot's own posts of the year (expectations, check-ins, reflection questions) into a match's
supervised channels: one chained log row (kind ``prompt``, so transcripts and exports show it)
plus one outbox row per channel, in the caller's transaction, like the weekly prompts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from bot.messages import ChannelRef
from storage import chain, outbox, repo
from storage.models import Match, MessageLog, SupervisedChannel

SENDER = "mentorbot"


def log_values(*, program_id: str, match: Match, text: str, key: str, now: datetime) -> dict[str, object]:
    """The message_log columns of one of mentorbot's posts to a match (``key`` is its dedupe key)."""
    return {
        "program_id": program_id,
        "kind": "prompt",
        "match_id": match.id,
        "platform": SENDER,
        "workspace": program_id,
        "channel": match.key,
        "platform_message_id": key,
        "dedupe_key": key,
        "sender_platform_id": SENDER,
        "sender_name": SENDER,
        "sender_role": "system",
        "text": text,
        "sent_at": now,
        "received_at": now,
        "decision": "allow",
    }


def channels_of(session: Session, match: Match, *, side: str | None = None) -> list[SupervisedChannel]:
    """The match's active supervised channels (one side's only, when ``side`` is given)."""
    return [
        c
        for c in repo.match_channels(session, match.id)  # type: ignore[arg-type]
        if c.active and (side is None or c.side == side)
    ]


def post(
    session: Session,
    *,
    match: Match,
    text: str,
    key: str,
    now: datetime,
    channels: Iterable[SupervisedChannel],
) -> MessageLog:
    """Log one post and queue it for each channel; ``key`` makes both idempotent."""
    row = MessageLog(
        **log_values(program_id=match.program_id, match=match, text=text, key=key, now=now),  # type: ignore[arg-type]
        seq=0,
        prev_hash="",
        row_hash="",
    )
    chain.append(session, row, stream="message")
    session.flush()
    for channel in channels:
        ref = ChannelRef(channel.platform, channel.workspace, channel.channel)
        session.add(
            outbox.new_row(
                "prompt",
                key=f"{key}:{ref}",
                channel=ref,
                text=text,
                now=now,
                program_id=match.program_id,
                message_id=row.id,
                sender_name=SENDER,
            )
        )
    return row
