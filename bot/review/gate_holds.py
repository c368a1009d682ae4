"""Releasing holds whose program gates have cleared (issue 12 item 1).

A hold for a gate (``bot.relay.gates.GATES``: no permission form, mentor not cleared, match not
active, sender not in the match) waits for the gate, not for a coordinator's click. Whatever
records a form or a clearance, activates or resumes a match, or changes a match's members calls
``release_cleared_gates`` in its own transaction: each open gate hold of the program is judged
again against the database as it is now (the same facts the relay reads), and

- a gate that cleared is written to the audit trail (``review.gate_cleared``);
- a hold with no gate left and nothing else for a coordinator to judge is delivered
  (``released``, decided by "system (gate cleared: …)"), the sender told — unless it was also
  written in quiet hours: then it is due now and ``ReviewDesk.release_due`` delivers it once the
  program's quiet hours are over (a match resumed at 23:00 does not ring a student's phone);
- a hold with no gate left but policy flags stays open: now Approve can decide it.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session

from bot.relay.gates import gate_hits, gates_among
from bot.relay.sender_facts import sender_in
from bot.review.outcome import carry_out, judgement_rules
from storage import audit, outbox, repo, review_repo
from storage.models import Match, MessageLog, ReviewItem, SupervisedChannel

RELEASED_NOTICE = ("Your message has now been delivered: what it was waiting for (a form, a clearance or "
                   "the match being open) is done.")


def gates_now(session: Session, message: MessageLog, now: datetime) -> list[str]:
    """The gates that would hold this message if it were sent at ``now``."""
    match = session.get(Match, message.match_id) if message.match_id else None
    channel = session.get(SupervisedChannel, message.channel_id) if message.channel_id else None
    if match is None or channel is None:
        return []
    sender = repo.person_by_account(session, message.platform, message.workspace, message.sender_platform_id)
    facts = sender_in(session, sender=sender, match=match, channel=channel, now=now).facts
    return gates_among(h.rule for h in gate_hits(facts))


def waited_for_time(message: MessageLog) -> bool:
    """True when the message was written in quiet hours (a ``time.`` rule held it)."""
    return any(h.get("rule", "").startswith("time.") and h.get("action") not in (None, "allow")
               for h in json.loads(message.hits_json or "[]"))


def release_cleared_gates(session: Session, *, program_id: str, now: datetime, actor: str,
                          match_ids: list[int] | None = None) -> list[int]:
    """Re-judge the program's gate holds (or those of ``match_ids``); returns the review ids delivered.

    Runs in the caller's transaction and does not commit: call it after the change that may clear
    a gate, before your commit, so the change and its releases are one transaction.
    """
    session.flush()
    released: list[int] = []
    for item, message in review_repo.gated_open_items(session, program_id, match_ids):
        before = [g for g in item.gates.split(",") if g]
        still = gates_now(session, message, now)
        if still == before:
            continue
        cleared = [g for g in before if g not in still]
        item.gates = ",".join(still)
        session.add(item)
        audit.record(session, program_id=program_id, actor=actor, at=now,
                     action="review.gate_cleared" if cleared else "review.gates_changed",
                     target=f"review:{item.id}",
                     detail={"message_id": message.id, "cleared": cleared, "still": still}, subject=item)
        if not still and not judgement_rules(message) and waited_for_time(message):
            item.release_at = now  # the worker's next pass releases it, or waits for the morning
            _refresh_card(session, item, now)
        elif not still and not judgement_rules(message):
            by = f"system (gate cleared: {', '.join(cleared)})"
            carry_out(session, item, message, "released", decided_by=by, actor=actor, now=now,
                      notice=RELEASED_NOTICE, audit_detail={"cleared": cleared})
            released.append(item.id)  # type: ignore[arg-type]
        else:
            _refresh_card(session, item, now)
    return released


def _refresh_card(session: Session, item: ReviewItem, now: datetime) -> None:
    """Queue an in-place update of the hold's review card: its buttons follow the gates left."""
    card = review_repo.card_of(session, item.id)  # type: ignore[arg-type]
    if card is not None:
        session.add(outbox.follow_up("review_update", ref=card, text="gates:" + item.gates, now=now,
                                     key=f"card-gates:{item.id}:{now.isoformat()}:{item.gates}",
                                     review_id=item.id))
