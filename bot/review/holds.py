"""Holding a message for the coordinator: the review item, its card, and when a hold ends by itself.

A hold starts here (``hold``, called by the relay in the message's own transaction), is shown by
``review.card_builder`` and ends in ``review.desk`` (a coordinator's decision, or quiet hours
ending); an edit or deletion of the held message closes it (``close_open``).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.alerts import review_channel
from bot.relay.gates import gates_among
from policies.types import Action, Decision
from storage import audit, outbox, review_repo
from storage.clock import as_utc
from storage.models import MessageLog, Program, ReviewItem


def releases_by_itself(decision: Decision) -> bool:
    """True when the hold is only about timing (quiet hours), so it ends without a coordinator."""
    holding = [h for h in decision.hits if h.action != Action.ALLOW]
    return decision.hold_until is not None and all(h.rule.startswith("time.") for h in holding)


def hold(session: Session, *, program: Program, match_id: int, row: MessageLog, decision: Decision,
         now: datetime) -> ReviewItem:
    """Open a review item for a held log row; a coordinator hold also gets a card in the review channel."""
    release_at = decision.hold_until if releases_by_itself(decision) else None
    rules = dict.fromkeys(h.rule for h in decision.hits if h.action != Action.ALLOW)
    item = ReviewItem(program_id=program.id, message_id=row.id, match_id=match_id, reason=",".join(rules),
                      release_at=as_utc(release_at) if release_at else None, created_at=now,
                      gates=",".join(gates_among(rules)))
    session.add(item)
    session.flush()
    audit.record(session, program_id=program.id, actor="mentorbot", action="review.held", at=now,
                 target=f"review:{item.id}", detail={"message_id": row.id}, subject=item)
    review_ref = review_channel(program)
    if review_ref and release_at is None:
        session.add(outbox.review_card(program_id=program.id, channel=review_ref,
                                       text=f"Held: {row.sender_name}: {row.text}", now=now,
                                       review_id=item.id, message_id=row.id))
    return item


def close_open(session: Session, message_ids: list[int], *, state: str, now: datetime) -> None:
    """Close the open holds of these log rows (``superseded`` by an edit, ``withdrawn`` by a deletion)."""
    for item in review_repo.open_items_of(session, message_ids):
        item.state = state
        item.decided_at = now
        item.decided_by = "system"
        session.add(item)
        audit.record(session, program_id=item.program_id, actor="mentorbot", action=f"review.{state}",
                     at=now, target=f"review:{item.id}", subject=item)
