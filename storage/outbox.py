"""Builders for outbox rows. Every side effect on a platform starts life as one of these rows,
written in the same transaction as the log row that caused it."""

from __future__ import annotations

from datetime import datetime

from bot.messages import ChannelRef
from storage.models import Delivery


def _row(kind: str, key: str, channel: ChannelRef, text: str, now: datetime, **fields) -> Delivery:  # type: ignore[no-untyped-def]
    return Delivery(
        idempotency_key=key, kind=kind, platform=channel.platform, workspace=channel.workspace,
        channel=channel.channel, text=text, next_attempt_at=now, created_at=now, **fields,
    )


def relay(*, program_id: str, message_id: int, target: ChannelRef, text: str, sender_name: str,
          sender_avatar: str | None, thread_id: str | None, now: datetime, kind: str = "relay",
          suffix: str = "") -> Delivery:
    """A copy of a logged message for one other channel of its match."""
    return _row(kind, f"{kind}:{message_id}:{target}{suffix}", target, text, now,
                program_id=program_id, message_id=message_id, sender_name=sender_name,
                sender_avatar=sender_avatar, thread_id=thread_id)


def notice(*, program_id: str | None, message_id: int | None, channel: ChannelRef, user_id: str,
           text: str, now: datetime, key: str) -> Delivery:
    """A private notice for one person (hold, block, decision, pointer)."""
    return _row("notice", key, channel, text, now, program_id=program_id, message_id=message_id,
                user_id=user_id)


def pointer(*, channel: ChannelRef, user_id: str, text: str, now: datetime, key: str) -> Delivery:
    """The reply to a direct message: a plain message in the DM conversation."""
    return _row("pointer", key, channel, text, now, user_id=user_id)


def system_post(*, program_id: str, channel: ChannelRef, text: str, now: datetime, key: str) -> Delivery:
    """A message from mentorbot itself to everyone in a channel (a match paused, say)."""
    return _row("system", key, channel, text, now, program_id=program_id)


def review_card(*, program_id: str, channel: ChannelRef, text: str, now: datetime,
                review_id: int | None = None, alert_id: int | None = None,
                message_id: int | None = None) -> Delivery:
    """A hold or an alert posted to the program's coordinator review channel."""
    key = f"card:review:{review_id}" if review_id is not None else f"card:alert:{alert_id}"
    return _row("review_card", key, channel, text, now, program_id=program_id,
                review_id=review_id, alert_id=alert_id, message_id=message_id)


def follow_up(kind: str, *, ref: Delivery, text: str, now: datetime, key: str,
              message_id: int | None = None, review_id: int | None = None) -> Delivery:
    """An edit, retraction or review-card update acting on an earlier delivery."""
    channel = ChannelRef(ref.platform, ref.workspace, ref.channel)
    return _row(kind, key, channel, text, now, program_id=ref.program_id,
                message_id=message_id if message_id is not None else ref.message_id,
                ref_delivery_id=ref.id, review_id=review_id)
