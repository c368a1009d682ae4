"""Carrying out a review decision inside the caller's transaction: the item's new state, the
copies for the other side, the sender's notice, the review card's update and the chained audit row.

Every way a hold ends (a coordinator's decision or override, quiet hours ending, a program gate
clearing) goes through ``carry_out``, so each leaves the same record.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.messages import ChannelRef
from bot.relay.copies import queue_copies
from bot.relay.final_decision import spans_of
from bot.relay.gates import GATES
from bot.review.redaction import redact
from storage import audit, outbox, review_repo
from storage.models import MessageLog, Person, ReviewItem

DELIVERED = ("approved", "approved_redacted", "released")


def judgement_rules(message: MessageLog) -> list[str]:
    """The rules that held the message and need a coordinator's judgement (not gates, not timing)."""
    return [h["rule"] for h in json.loads(message.hits_json or "[]")
            if h.get("action") not in (None, "allow") and h["rule"] not in GATES
            and not h["rule"].startswith("time.")]


def has_flagged_text(message: MessageLog) -> bool:
    """True when the policy marked spans of the text: only then can details be removed."""
    return bool(spans_of(message.hits_json or "[]"))


def carry_out(session: Session, item: ReviewItem, message: MessageLog, state: str, *, decided_by: str,
              actor: str, now: datetime, note: str = "", notice: str | None = None,
              audit_detail: dict[str, Any] | None = None) -> None:
    """End the hold ``item`` with ``state`` (approved | approved_redacted | rejected | released)."""
    item.state = state
    item.decided_at, item.decided_by, item.note = now, decided_by, note or None
    session.add(item)
    origin = ChannelRef(message.platform, message.workspace, message.channel)
    if state in DELIVERED and item.match_id:
        text = message.text
        if state == "approved_redacted":
            text = redact(message.text, spans_of(message.hits_json))
        sender = session.get(Person, message.sender_person_id) if message.sender_person_id else None
        queue_copies(session, program_id=item.program_id, match_id=item.match_id, origin=origin, row=message,
                     text=text, sender=sender, now=now, suffix=f":{state}")
    sender_notice = notice if notice is not None else decision_notice(state, note)
    if sender_notice:
        session.add(outbox.notice(program_id=item.program_id, message_id=message.id, channel=origin,
                                  user_id=message.sender_platform_id, text=sender_notice, now=now,
                                  key=f"notice:review:{item.id}:{state}"))
    card = review_repo.card_of(session, item.id)  # type: ignore[arg-type]
    if card is not None:
        session.add(outbox.follow_up("review_update", ref=card, text=state, now=now,
                                     key=f"card-update:{item.id}", review_id=item.id))
    audit.record(session, program_id=item.program_id, actor=actor, at=now, action=f"review.{state}",
                 target=f"review:{item.id}",
                 detail={"message_id": message.id, "note": note, **(audit_detail or {})}, subject=item)


def decision_notice(state: str, note: str) -> str | None:
    """What the sender is told privately when their held message is decided."""
    extra = f" Note from your coordinator: {note}" if note else ""
    if state == "approved":
        return "Your coordinator approved your message and it has been delivered." + extra
    if state == "approved_redacted":
        return ("Your coordinator delivered your message with some details removed, to keep "
                "everyone safe." + extra)
    if state == "rejected":
        return "Your coordinator decided not to pass your message on." + extra
    if state == "released":
        return "Quiet hours are over, so your message has now been delivered."
    return None
