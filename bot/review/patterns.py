"""What a coordinator does about the conversation score: review a pattern, pause from its alert,
mark flagged messages as looked at. Every one is audited in its own transaction.

Reviewing a pattern ("not a concern", with a reason) clears the mentor's score in the match and
lifts the pattern hold; the messages held ONLY by that hold are then approved through the review
desk by the caller (``bot.use_cases.Core.review_pattern``), so each is delivered, its sender told
and its card updated exactly like a coordinator's Approve. Pausing reuses the match pause
(``bot.roster.pausing``): there is one way to pause a match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.relay.conversation import encode
from bot.roster.pausing import set_paused
from policies.conversation import ConversationState
from storage import audit, conversation_repo
from storage.models import Alert, Match, Person
from storage.models_conversation import ConversationSignal

REASON_LIMIT = 2000


class PatternError(Exception):
    """The action cannot be taken (no such pattern alert, already reviewed, no reason, not allowed)."""


@dataclass(frozen=True, slots=True)
class Reviewed:
    alert_id: int
    match_key: str
    release: list[int]  # review items held only by the pattern: the caller approves them


def _pattern_alert(session: Session, alert_id: int, coordinator: Person) -> tuple[Alert, Match]:
    alert = session.get(Alert, alert_id)
    if alert is None or alert.program_id != coordinator.program_id or alert.kind != "pattern":
        raise PatternError(f"there is no pattern alert #{alert_id} in your program")
    if coordinator.role != "coordinator":
        raise PatternError("only a coordinator of this program can act on a pattern alert")
    match = session.get(Match, alert.match_id) if alert.match_id else None
    if match is None:
        raise PatternError(f"pattern alert #{alert_id} names no match")
    return alert, match


def note_on_alert(alert: Alert, *, who: str, what: str, now: datetime, actor: str) -> None:
    """Append a dated, signed line to what was done about the alert (and acknowledge it)."""
    entry = f"{now.isoformat(timespec='minutes')} {who}: {what}"
    alert.action_taken = (alert.action_taken + "\n" + entry) if alert.action_taken else entry
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = now, actor


def mark_reviewed(engine: Engine, alert_id: int, *, coordinator: Person, actor: str, reason: str,
                  clock: Callable[[], datetime]) -> Reviewed:
    """"Not a concern": clear the mentor's score in the match and lift the pattern hold (audited)."""
    reason = reason.strip()[:REASON_LIMIT]
    if not reason:
        raise PatternError("say why this is not a concern: the reason is kept with the alert and audited")
    now = clock()
    with Session(engine) as session:
        alert, match = _pattern_alert(session, alert_id, coordinator)
        state = conversation_repo.state_by_alert(session, alert_id, lock=True)
        if state is None or not state.held:
            by = f" by {alert.acknowledged_by}" if alert.acknowledged_by else ""
            raise PatternError(f"pattern alert #{alert_id} was already reviewed{by}")
        person = session.get(Person, state.person_id)
        cleared_score = state.score
        state.state_json, state.held, state.fired_at = encode(ConversationState()), False, None
        state.alert_id, state.score, state.updated_at = None, 0.0, now
        session.add(state)
        release = [item.id for item, _ in conversation_repo.pattern_holds(session, match.id, state.person_id)  # type: ignore[arg-type]
                   if item.reason == conversation_repo.PATTERN_RULE]
        note_on_alert(alert, who=coordinator.display_name, what=f"Not a concern (pattern reviewed): {reason}",
                      now=now, actor=actor)
        session.add(alert)
        audit.record(session, program_id=alert.program_id, actor=actor, action="conversation.reviewed",
                     at=now, target=f"match:{match.key}",
                     detail={"alert_id": alert.id, "person": person.key if person else None,
                             "direction": state.direction, "score": cleared_score, "reason": reason,
                             "release": release})
        session.commit()
        return Reviewed(alert.id, match.key, release)  # type: ignore[arg-type]


def pause_from_alert(engine: Engine, alert_id: int, *, coordinator: Person, actor: str,
                     clock: Callable[[], datetime], reason: str = "", via: str = "the desk") -> Match:
    """Pause the alert's match (the one pause there is) and note it on the alert."""
    with Session(engine) as session:
        alert, match = _pattern_alert(session, alert_id, coordinator)
        key, program_id = match.key, alert.program_id
    why = f"pattern alert #{alert_id}" + (f": {reason.strip()[:REASON_LIMIT]}" if reason.strip() else "")
    paused = set_paused(engine, key, paused=True, program_id=program_id, actor=actor, clock=clock, reason=why)
    now = clock()
    with Session(engine) as session:
        alert = session.get(Alert, alert_id)
        assert alert is not None
        note_on_alert(alert, who=coordinator.display_name, what=f"Paused match {key} from {via}.", now=now,
                      actor=actor)
        session.add(alert)
        audit.record(session, program_id=program_id, actor=actor, action="alert.action", at=now,
                     target=f"alert:{alert_id}", detail={"action_taken": f"paused match {key} from {via}"})
        session.commit()
    return paused


def mark_flags_seen(engine: Engine, program_id: str, signal_ids: list[int], *, actor: str,
                    clock: Callable[[], datetime]) -> int:
    """The coordinator looked at these flagged messages; returns how many were newly marked."""
    now = clock()
    with Session(engine) as session:
        marked = []
        for signal_id in signal_ids:
            signal = session.get(ConversationSignal, signal_id)
            if signal is None or signal.program_id != program_id or not signal.flagged or signal.looked_at:
                continue
            signal.looked_at, signal.looked_by = now, actor
            session.add(signal)
            marked.append(signal.message_id)
        if marked:
            audit.record(session, program_id=program_id, actor=actor, action="flagged.seen", at=now,
                         target=f"program:{program_id}", rows=len(marked), detail={"messages": marked})
        session.commit()
        return len(marked)
