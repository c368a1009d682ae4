"""The conversation score: weak signals in one match and direction add up, and decay over time.

Grooming is a sequence: a compliment on looks, a question about home, a "just between us" —
each too weak to hold alone. This module is a pure function from (state, message) to (state,
verdict); the relay stores the state per match and direction (mentor→student and back) and acts
on the verdict: a pattern holds the mentor's next messages in that match and raises a "pattern"
alert that lists the messages that added up (``Verdict.message_ids``).

Each message contributes its decision's ``signal`` (0–1; the strongest hit's). A contribution
halves every ``half_life_days``; contributions older than ``window_days`` are dropped. The
pattern fires when the decayed sum reaches ``alert_at`` from at least ``min_messages`` messages.
Once fired the state stays ``held`` until a coordinator clears it (``clear``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from policies.types import Decision

_DAY = 86400.0
MAX_SIGNALS = 200  # a bounded state: the oldest signals go first


@dataclass(frozen=True, slots=True)
class ConversationSettings:
    """Per program (``conversation:`` in the policy file)."""

    on: bool = True
    half_life_days: float = 7.0
    window_days: float = 28.0
    alert_at: float = 1.5
    min_messages: int = 3

    @classmethod
    def from_config(cls, values: dict[str, float]) -> ConversationSettings:
        d = cls()
        return cls(on=bool(values.get("on", d.on)),
                   half_life_days=float(values.get("half_life_days", d.half_life_days)),
                   window_days=float(values.get("window_days", d.window_days)),
                   alert_at=float(values.get("alert_at", d.alert_at)),
                   min_messages=int(values.get("min_messages", d.min_messages)))


@dataclass(frozen=True, slots=True)
class Signal:
    """One message's contribution: its id, when it was sent, its weight and the rules behind it."""

    message_id: str
    at: datetime
    weight: float
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConversationState:
    """What the relay stores per match and direction (empty at the start)."""

    signals: tuple[Signal, ...] = ()
    held: bool = False  # a pattern fired and no coordinator has cleared it yet
    fired_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one message: the new state, the score now, and whether a pattern fired."""

    state: ConversationState
    score: float
    pattern: bool  # True only on the message that made the pattern fire
    hold: bool  # hold this message: the conversation is under a pattern hold
    message_ids: tuple[str, ...] = field(default_factory=tuple)  # the messages that added up
    reason: str = ""


def decayed(signal: Signal, now: datetime, settings: ConversationSettings) -> float:
    """The signal's weight at ``now`` (0 outside the window or in the future)."""
    age = (now - signal.at).total_seconds() / _DAY
    if age < 0 or age > settings.window_days:
        return 0.0
    return signal.weight * 0.5 ** (age / settings.half_life_days)


def score(state: ConversationState, now: datetime, settings: ConversationSettings) -> float:
    return sum(decayed(s, now, settings) for s in state.signals)


def observe(state: ConversationState, *, message_id: str, at: datetime, decision: Decision,
            settings: ConversationSettings) -> Verdict:
    """Add one message's decision to the state of its match and direction."""
    if not settings.on:
        return Verdict(state=state, score=0.0, pattern=False, hold=False)
    horizon = at - timedelta(days=settings.window_days)
    kept = tuple(s for s in state.signals if s.at >= horizon)
    weight = min(max(decision.signal, 0.0), 1.0)
    if weight > 0:
        rules = tuple(dict.fromkeys(h.rule for h in decision.hits if h.signal > 0))
        kept = (kept + (Signal(message_id, at, weight, rules),))[-MAX_SIGNALS:]
    new = replace(state, signals=kept)
    total = score(new, at, settings)
    live = tuple(s.message_id for s in kept if decayed(s, at, settings) > 0.01)
    if new.held:
        return Verdict(state=new, score=total, pattern=False, hold=True, message_ids=live,
                       reason="the conversation is on hold after a pattern alert")
    if total >= settings.alert_at and len(live) >= settings.min_messages:
        fired = replace(new, held=True, fired_at=at)
        reason = (f"{len(live)} messages in the last {settings.window_days:g} days add up to a "
                  f"risk score of {total:.2f} (alert at {settings.alert_at:g})")
        return Verdict(state=fired, score=total, pattern=True, hold=True, message_ids=live,
                       reason=reason)
    return Verdict(state=new, score=total, pattern=False, hold=False, message_ids=live)


def clear(state: ConversationState) -> ConversationState:
    """A coordinator reviewed the pattern: lift the hold and start counting afresh."""
    return ConversationState()
