"""The review queue: coordinators approve, approve redacted, or reject held messages.

Every surface (CLI, console demo, web desk, Slack and Discord buttons) decides through
``ReviewDesk.decide`` so the outcome, the sender's notice, the card update and the audit entry
are one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.messages import ChannelRef
from bot.relay.copies import queue_copies
from bot.relay.final_decision import spans_of
from bot.review.redaction import redact
from storage import audit, outbox, repo, review_repo
from storage.models import MessageLog, Person, ReviewItem

logger = logging.getLogger(__name__)

DECISIONS = {"approve": "approved", "approve_redacted": "approved_redacted", "reject": "rejected"}


class ReviewError(Exception):
    """A decision that cannot be made (unknown item, already decided, not a coordinator)."""


@dataclass(frozen=True, slots=True)
class HoldView:
    """One open review item as listed for a coordinator."""

    review_id: int
    match_key: str | None
    sender_name: str
    sender_role: str
    text: str
    rules: str
    created_at: datetime


class ReviewDesk:
    """The review queue's transactions (sync; ``bot.use_cases`` runs them off the event loop)."""

    def __init__(self, *, engine: Engine, clock: Callable[[], datetime]):
        self._engine = engine
        self._clock = clock

    def open_holds(self, program_id: str | None = None) -> list[HoldView]:
        with Session(self._engine) as session:
            return [HoldView(item.id, match.key if match else None, msg.sender_name,  # type: ignore[arg-type]
                             msg.sender_role or "", msg.text, item.reason, item.created_at)
                    for item, msg, match in review_repo.open_holds(session, program_id)]

    def decide(self, review_id: int, decision: str, *, coordinator: Person | None, actor: str,
               note: str = "") -> ReviewItem:
        """Apply a coordinator's decision. ``coordinator`` None means the system (quiet hours)."""
        if decision not in DECISIONS and decision != "release":
            raise ReviewError(f"unknown decision {decision!r}; use approve, approve_redacted or reject")
        now = self._clock()
        with Session(self._engine) as session:
            item = session.get(ReviewItem, review_id)
            if item is None:
                raise ReviewError(f"there is no held message #{review_id}")
            if coordinator is not None and (coordinator.role != "coordinator"
                                            or coordinator.program_id != item.program_id):
                raise ReviewError("only a coordinator of this program can decide held messages")
            if item.state != "open":
                by = f" by {item.decided_by}" if item.decided_by else ""
                raise ReviewError(f"held message #{review_id} was already {item.state}{by}")
            message = session.get(MessageLog, item.message_id)
            assert message is not None
            item.state = "released" if decision == "release" else DECISIONS[decision]
            decided_by = coordinator.display_name if coordinator is not None else actor
            item.decided_at, item.decided_by, item.note = now, decided_by, note or None
            session.add(item)
            if item.state in ("approved", "approved_redacted", "released") and item.match_id:
                text = message.text
                if item.state == "approved_redacted":
                    text = redact(message.text, spans_of(message.hits_json))
                sender = session.get(Person, message.sender_person_id) if message.sender_person_id else None
                queue_copies(
                    session, program_id=item.program_id, match_id=item.match_id,
                    origin=ChannelRef(message.platform, message.workspace, message.channel),
                    row=message, text=text, sender=sender, now=now, suffix=f":{item.state}")
            sender_notice = _decision_notice(item.state, note)
            if sender_notice:
                session.add(outbox.notice(
                    program_id=item.program_id, message_id=message.id,
                    channel=ChannelRef(message.platform, message.workspace, message.channel),
                    user_id=message.sender_platform_id, text=sender_notice, now=now,
                    key=f"notice:review:{item.id}:{item.state}"))
            card = review_repo.card_of(session, item.id)  # type: ignore[arg-type]
            if card is not None:
                session.add(outbox.follow_up("review_update", ref=card, text=item.state, now=now,
                                             key=f"card-update:{item.id}", review_id=item.id))
            audit.record(session, program_id=item.program_id, actor=actor, at=now,
                         action=f"review.{item.state}", target=f"review:{item.id}",
                         detail={"message_id": message.id, "note": note}, subject=item)
            session.commit()
            session.refresh(item)
            logger.info("review %s %s by %s", item.id, item.state, actor)
            return item

    def release_due(self) -> int:
        """Release quiet-hours holds whose time has come; returns how many."""
        now = self._clock()
        with Session(self._engine) as session:
            due = review_repo.due_releases(session, now)
        released = 0
        for review_id in due:
            try:
                self.decide(review_id, "release", coordinator=None, actor="system (quiet hours ended)")
                released += 1
            except ReviewError:
                continue  # decided meanwhile by a coordinator
        return released

    def coordinator_for(self, platform: str, workspace: str, user_id: str) -> Person | None:
        with Session(self._engine) as session:
            return repo.person_by_account(session, platform, workspace, user_id)


def _decision_notice(state: str, note: str) -> str | None:
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
