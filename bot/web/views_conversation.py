"""The conversation score on the desk: each match's score per direction (the glance page), the
flagged list, a pattern alert's messages, and a match's score history.

Scores are stored as of each sender's last signal; pages decay them to now
(``bot.relay.conversation.current_score``) so a quiet match visibly cools down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.relay.conversation import current_score
from bot.web.scope import ProgramScope
from storage import conversation_repo
from storage.models import Alert, Match, MessageLog, Person
from storage.models_conversation import DIRECTIONS, ConversationScore, ConversationSignal

FLAGGED_DAYS = 28  # the flagged list shows the default window; older ones are in the match history


@dataclass
class Risk:
    """A match's score now, per direction (mentor→student, student→mentor)."""

    scores: dict[str, float] = field(default_factory=dict)
    alert_at: float = 1.5
    held: bool = False

    @property
    def top(self) -> float:
        return max(self.scores.values(), default=0.0)

    @property
    def level(self) -> int:
        """2: a pattern holds the mentor; 1: rising (half-way to the alert or more); 0: calm."""
        if self.held:
            return 2
        return 1 if self.scores.get("mentor", 0.0) >= self.alert_at / 2 else 0

    def label(self, direction: str) -> str:
        return DIRECTIONS[direction]


def risks(session: Session, program_id: str, now: datetime) -> dict[int, Risk]:
    """Every match's score per direction (a group match: its highest sender per direction)."""
    found: dict[int, Risk] = {}
    for row in conversation_repo.states(session, program_id):
        risk = found.setdefault(row.match_id, Risk(alert_at=row.alert_at))
        value = round(current_score(row, now), 2)
        risk.scores[row.direction] = max(value, risk.scores.get(row.direction, 0.0))
        risk.held = risk.held or row.held
        risk.alert_at = min(risk.alert_at, row.alert_at)
    return found


@dataclass
class FlaggedItem:
    signal: ConversationSignal
    message: MessageLog
    match: Match
    hits: list[dict[str, object]]


def flagged(scope: ProgramScope, *, show_all: bool = False) -> list[FlaggedItem]:
    """A mentor's delivered weak signals of the last four weeks (unseen first); audited as a read."""
    now = scope.now()
    with scope.session() as session:
        found = conversation_repo.flagged(session, scope.program_id, since=now - timedelta(days=FLAGGED_DAYS),
                                          unseen_only=not show_all)
        items = [FlaggedItem(signal, message, match,
                             [h for h in json.loads(message.hits_json or "[]") if h.get("action") == "allow"])
                 for signal, message, match in found]
        scope.audit(session, action="flagged.view", target=f"program:{scope.program_id}", rows=len(items),
                    detail={"messages": [i.message.id for i in items]})
        session.commit()
    return items


@dataclass
class PatternDetail:
    """What a pattern alert card shows: the messages that added up, and what the hold keeps back."""

    person: Person | None
    signals: list[tuple[ConversationSignal, MessageLog]]
    held: list[MessageLog]
    open: bool  # the pattern still holds the mentor (not reviewed yet)
    match_status: str  # "Pause this match" is offered while it is active


def pattern_detail(session: Session, alert: Alert) -> PatternDetail | None:
    if alert.kind != "pattern" or alert.match_id is None:
        return None
    signals = conversation_repo.pattern_signals(session, alert.id)  # type: ignore[arg-type]
    state = conversation_repo.state_by_alert(session, alert.id)  # type: ignore[arg-type]
    person_id = state.person_id if state else (signals[0][0].person_id if signals else None)
    person = session.get(Person, person_id) if person_id else None
    held = ([m for _, m in conversation_repo.pattern_holds(session, alert.match_id, person_id)]
            if person_id else [])
    match = session.get(Match, alert.match_id)
    return PatternDetail(person, signals, held, bool(state and state.held), match.status if match else "")


@dataclass
class ScoreHistory:
    """A match's score: now per direction, and every message that moved it (newest first)."""

    now: list[tuple[Person, ConversationScore, float]]
    signals: list[tuple[ConversationSignal, Person]]
    patterns: list[Alert]
    half_life_days: float = 7.0  # the settings the scores were recorded under
    window_days: float = 28.0
    alert_at: float = 1.5


def history(session: Session, match: Match, now: datetime) -> ScoreHistory:
    states = [(person, row, round(current_score(row, now), 2))
              for row, person in conversation_repo.states_of_match(session, match.id)]  # type: ignore[arg-type]
    found = ScoreHistory(states, conversation_repo.history(session, match.id),  # type: ignore[arg-type]
                         conversation_repo.pattern_alerts(session, match.id))  # type: ignore[arg-type]
    if states:
        row = states[0][1]
        found.half_life_days, found.window_days = row.half_life_days, row.window_days
        found.alert_at = row.alert_at
    return found
