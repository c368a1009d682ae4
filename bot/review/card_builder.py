"""Build the platform-neutral review cards (holds and alerts) from stored rows."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from bot.messages import ReviewCard, ReviewOutcome
from bot.relay.conversation import pattern_lines
from bot.relay.gates import gates_among, held_because
from bot.review.outcome import has_flagged_text
from storage.clock import as_utc
from storage.models import Alert, Delivery, Match, MessageLog, Program, ReviewItem
from storage.safe_text import without_lone_surrogates


def card_for(session: Session, delivery: Delivery) -> ReviewCard:
    """The review card a ``review_card`` (or ``review_update``) outbox row stands for."""
    review = session.get(ReviewItem, delivery.review_id) if delivery.review_id else None
    alert = session.get(Alert, delivery.alert_id) if delivery.alert_id else None
    message_id = delivery.message_id or (review.message_id if review else None) or (
        alert.message_id if alert else None)
    message = session.get(MessageLog, message_id) if message_id else None
    program = session.get(Program, delivery.program_id) if delivery.program_id else None
    match_id = (review.match_id if review else None) or (alert.match_id if alert else None)
    match = session.get(Match, match_id) if match_id else None
    hits = json.loads(message.hits_json) if message else []
    reasons = tuple(h["reason"] for h in hits if h.get("action") != "allow" or h.get("alert"))
    if alert is not None and not reasons:
        reasons = (alert.summary,)
    text = message.text if message else delivery.text
    actions: tuple[str, ...] = ()
    if alert is not None and alert.kind == "pattern":
        # The alert lists the messages that added up; "Pause match" while the match is active.
        lines = pattern_lines(session, alert, program.timezone if program else "UTC")
        hits, reasons, text = [{"rule": "conversation.pattern"}], (), "\n".join([alert.summary, *lines])
        actions = ("pause_match",) if match is not None and match.status == "active" else ()
    return ReviewCard(
        review_id=review.id if review else None,
        alert_id=alert.id if alert else None,
        program_name=program.name if program else "",
        match_id=match.key if match else None,
        sender_name=message.sender_name if message else "",
        sender_role=(message.sender_role or "") if message else "",
        text=without_lone_surrogates(text),  # as platforms show it
        rules=tuple(dict.fromkeys(h["rule"] for h in hits)),
        reasons=reasons,
        urgent=bool(alert and alert.urgent),
        idempotency_key=delivery.idempotency_key,
        actions=actions,
        **_what_the_core_allows(review, message),
    )


def _what_the_core_allows(review: ReviewItem | None, message: MessageLog | None) -> dict[str, Any]:
    """The gates still holding the message and whether anything can be removed (issue 12), as the
    desk's review page and ``ReviewDesk.decide`` see them, so chat offers only buttons that work."""
    if review is None:
        return {}
    gates = tuple(gates_among(rule for rule in (review.gates or "").split(",") if rule))
    return {"gates": gates, "held_because": held_because(gates),
            "can_redact": message is not None and has_flagged_text(message)}


def outcome_for(review: ReviewItem) -> ReviewOutcome:
    assert review.id is not None and review.decided_at is not None
    return ReviewOutcome(review_id=review.id, decision=review.state,
                         decided_by=review.decided_by or "", decided_at=as_utc(review.decided_at),
                         note=review.note or "")
