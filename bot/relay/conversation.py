"""The conversation score in the relay: weak signals of one sender in one match add up (issue 11).

``policies.conversation`` is the pure score; this module keeps its state per match and sender
(the sender's side gives the direction: mentor→student or student→mentor) in the message's own
transaction, in two steps around the log row:

1. ``judge`` (before the row is written): read the sender's state — one indexed read — and add
   this message's signal. When a mentor's signals add up (or already did and nobody has reviewed
   the pattern yet) the message is HELD with the ``conversation.pattern`` hit: a review hold, not a
   gate, that the coordinator clears by reviewing the pattern (``bot.review.patterns``).
2. ``record`` (after the row has its id): write the state back when it changed, keep the message
   in ``conversation_signal`` when it carried a signal (flagged if a mentor's was delivered), and
   on the message that made the pattern fire raise the "pattern" alert listing the messages.

A student's messages are scored in their own direction and shown to the coordinator, but they
never hold anyone and never raise a pattern against the mentor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.alerts import raise_alert
from policies.conversation import ConversationSettings, ConversationState, Signal, Verdict, observe, score
from policies.types import Action, Decision, Hit
from storage import conversation_repo, repo
from storage.clock import as_utc
from storage.models import Alert, Match, MessageLog, Person, Program
from storage.models_conversation import DIRECTIONS, ConversationScore, ConversationSignal

PATTERN_RULE = conversation_repo.PATTERN_RULE
PATTERN_NOTICE = ("Your message is waiting for a quick look by your program coordinator before it is "
                  "delivered.")
PENDING = "pending"  # this message's id until its log row exists
QUOTE = 160  # characters of each message quoted in the pattern alert
LISTED = 12  # messages quoted in the alert (the desk lists them all)
NO_SIGNAL = Decision(action=Action.ALLOW)


@dataclass(frozen=True, slots=True)
class Pending:
    """What ``judge`` found, for ``record`` once the log row exists."""

    row: ConversationScore | None
    stored: ConversationState
    verdict: Verdict
    direction: str
    contribution: Decision  # the decision whose signal was added (NO_SIGNAL: none added)
    settings: ConversationSettings


def decode(row: ConversationScore | None) -> ConversationState:
    """The pure state stored in a ``conversation_score`` row."""
    if row is None:
        return ConversationState()
    data = json.loads(row.state_json or "{}")
    signals = tuple(Signal(str(s[0]), as_utc(datetime.fromisoformat(s[1])), float(s[2]), tuple(s[3]))
                    for s in data.get("signals", []))
    return ConversationState(signals=signals, held=row.held,
                             fired_at=as_utc(row.fired_at) if row.fired_at else None)


def encode(state: ConversationState) -> str:
    return json.dumps({"signals": [[s.message_id, as_utc(s.at).isoformat(), round(s.weight, 4), list(s.rules)]
                                   for s in state.signals]}, separators=(",", ":"))


def direction_of(match_role: str | None) -> str | None:
    return match_role if match_role in DIRECTIONS else None


def judge(session: Session, *, match: Match, sender: Person | None, match_role: str | None,
          decision: Decision, at: datetime, settings: ConversationSettings,
          original: MessageLog | None = None, stored: bool | None = None) -> tuple[Decision, Pending | None]:
    """Add this message to its sender's score; the decision comes back held under a pattern hold.

    ``stored`` False: the caller knows the sender has no state in the match yet (the relay's first
    statement asks), so a message with no signal needs no read at all.
    """
    direction = direction_of(match_role)
    if not settings.on or sender is None or direction is None:
        return decision, None
    if stored is False and decision.signal <= 0:
        return decision, None  # no state and nothing to add: what the read below would conclude
    row = conversation_repo.state_of(session, match.id, sender.id)  # type: ignore[arg-type]
    if row is None and decision.signal <= 0:
        return decision, None  # nothing to add and nothing held: no write either
    stored = decode(row)
    state, contribution = stored, decision
    if original is not None and stored.signals:
        state, contribution = _for_edit(session, stored, original, decision)
    verdict = observe(state, message_id=PENDING, at=as_utc(at), decision=contribution, settings=settings)
    if direction != "mentor":  # a student's signals are shown, never held or alerted against the mentor
        verdict = replace(verdict, state=replace(verdict.state, held=False, fired_at=None), pattern=False,
                          hold=False)
    elif verdict.hold:
        decision = with_pattern_hold(decision, _hold_reason(verdict, row))
    return decision, Pending(row, stored, verdict, direction, contribution, settings)


def _for_edit(session: Session, state: ConversationState, original: MessageLog,
              decision: Decision) -> tuple[ConversationState, Decision]:
    """An edit counts once with its message: the stronger of the versions' signals stays."""
    versions = {str(v.id) for v in repo.message_versions(session, original.id)}  # type: ignore[arg-type]
    earlier = [s for s in state.signals if s.message_id in versions]
    if not earlier:
        return state, decision
    if decision.signal <= max(s.weight for s in earlier):
        return state, NO_SIGNAL  # what was said first still counts; the edit adds nothing
    return replace(state, signals=tuple(s for s in state.signals if s.message_id not in versions)), decision


def _hold_reason(verdict: Verdict, row: ConversationScore | None) -> str:
    if verdict.pattern:
        return (f"Pattern: {verdict.reason}. This mentor's messages in the match are held until a "
                "coordinator reviews the pattern.")
    alert = f" #{row.alert_id}" if row is not None and row.alert_id else ""
    return (f"Pattern hold: this mentor's messages in the match wait for a coordinator since the "
            f"pattern alert{alert} (score {verdict.score:.2f}); mark the pattern reviewed or pause the "
            "match.")


def with_pattern_hold(decision: Decision, reason: str) -> Decision:
    """The decision, held at least, with the ``conversation.pattern`` hit (never released by the clock)."""
    hit = Hit(rule=PATTERN_RULE, start=0, end=0, reason=reason, notice=PATTERN_NOTICE, action=Action.HOLD,
              category="conversation")
    action = max(decision.action, Action.HOLD, key=lambda a: a.severity)
    notice = decision.notice if decision.action.severity >= Action.HOLD.severity and decision.notice \
        else PATTERN_NOTICE
    return Decision(action=action, alert=decision.alert, hits=decision.hits + (hit,), notice=notice,
                    hold_until=None, flag=False, layer=decision.layer)


def record(session: Session, pending: Pending, *, program: Program, match: Match, sender: Person,
           row: MessageLog, decision: Decision, now: datetime) -> None:
    """Write the state back (when it changed), keep the signal, raise the pattern alert."""
    verdict, message_id = pending.verdict, str(row.id)
    state = replace(verdict.state, signals=tuple(
        replace(s, message_id=message_id) if s.message_id == PENDING else s for s in verdict.state.signals))
    ids = tuple(message_id if m == PENDING else m for m in verdict.message_ids)
    state_row = pending.row
    changed = state != pending.stored
    if changed and state_row is None:
        state_row = conversation_repo.create_state(session, program_id=program.id, match_id=match.id,  # type: ignore[arg-type]
                                                   person_id=sender.id, direction=pending.direction, now=now)  # type: ignore[arg-type]
    if pending.contribution.signal > 0:
        rules = dict.fromkeys(h.rule for h in pending.contribution.hits if h.signal > 0)
        session.add(ConversationSignal(
            program_id=program.id, match_id=match.id, person_id=sender.id, direction=pending.direction,  # type: ignore[arg-type]
            message_id=row.id, at=as_utc(row.sent_at), weight=min(pending.contribution.signal, 1.0),  # type: ignore[arg-type]
            score=round(verdict.score, 4), rules=",".join(rules),
            flagged=pending.direction == "mentor" and decision.action == Action.ALLOW))
        session.flush()
    if state_row is None or not changed:
        return
    state_row.state_json, state_row.held, state_row.fired_at = encode(state), state.held, state.fired_at
    state_row.score, state_row.updated_at = round(verdict.score, 4), now
    s = pending.settings
    state_row.half_life_days, state_row.window_days = s.half_life_days, s.window_days
    state_row.alert_at = s.alert_at
    if verdict.pattern:
        alert = raise_pattern_alert(session, program=program, match=match, sender=sender, row=row,
                                    verdict=verdict, message_ids=ids, now=now)
        state_row.alert_id = alert.id
    session.add(state_row)


def raise_pattern_alert(session: Session, *, program: Program, match: Match, sender: Person, row: MessageLog,
                        verdict: Verdict, message_ids: tuple[str, ...], now: datetime) -> Alert:
    """The "pattern" alert: who, where and the score. Its messages are linked to it (the desk and
    the chat card quote them); the summary itself quotes nothing, as it is also e-mailed."""
    summary = (f"{row.sender_name} ({row.sender_role or 'mentor'}) in {match.key}: {verdict.reason}. "
               "Their next messages in this match are held until you review the pattern; you can also "
               "pause the match.")
    alert = raise_alert(session, program=program, kind="pattern", urgent=True, summary=summary, now=now,
                        match_id=match.id, message_id=row.id)
    conversation_repo.mark_pattern(session, [int(m) for m in message_ids], alert.id)  # type: ignore[arg-type]
    return alert


def pattern_lines(session: Session, alert: Alert, timezone: str) -> list[str]:
    """The messages that added up, dated and quoted, for the alert's chat card."""
    found = conversation_repo.pattern_signals(session, alert.id)  # type: ignore[arg-type]
    zone = ZoneInfo(timezone)
    lines = []
    for n, (signal, message) in enumerate(found[-LISTED:], start=max(1, len(found) - LISTED + 1)):
        quote = message.text if len(message.text) <= QUOTE else message.text[:QUOTE - 1] + "…"
        why = f" — {signal.rules.replace(',', ', ')} ({signal.weight:.2f})" if signal.rules else ""
        lines.append(f'{n}. {as_utc(message.sent_at).astimezone(zone):%a %d %b}: "{quote}"{why}')
    if len(found) > LISTED:
        lines.append(f"(and {len(found) - LISTED} earlier on the desk)")
    return lines


def current_score(row: ConversationScore, now: datetime) -> float:
    """The row's score decayed to ``now`` with the settings it was recorded under (desk, digest)."""
    settings = ConversationSettings(half_life_days=row.half_life_days, window_days=row.window_days,
                                    alert_at=row.alert_at)
    return score(decode(row), as_utc(now), settings)
