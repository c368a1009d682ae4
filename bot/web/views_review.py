"""The review queue and the alerts page: each item in context, with what fired and who was told."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.relay.gates import GATES, Gate
from bot.web.scope import ProgramScope
from bot.web.views_conversation import PatternDetail, pattern_detail
from storage import desk_repo, mail_repo, review_repo
from storage.clock import as_utc
from storage.models import Alert, Delivery, MessageLog, ReviewItem
from storage.models_mail import MailMessage

CONTEXT = 5
ALERT_RANK = {"safeguarding": 0, "pattern": 1}  # a disclosure first, then a grooming pattern, then the rest
CONTEXT_KINDS = ["message", "edit", "prompt", "nudge"]


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    reason: str
    action: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def matched(self, text: str) -> str:
        return text[self.start:self.end] if self.end > self.start else ""


@dataclass
class HoldCard:
    item: ReviewItem
    message: MessageLog
    match_key: str | None
    hits: list[Hit]
    context: list[MessageLog]
    urgent: bool = False

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(h.start, h.end) for h in self.hits if h.end > h.start]

    @property
    def gates(self) -> list[Gate]:
        """The program gates still holding it (Approve is refused; override or wait)."""
        rules = [rule for rule in self.item.gates.split(",") if rule]
        return [GATES.get(rule) or Gate(rule, rule, "it clears") for rule in rules]


@dataclass
class AlertCard:
    alert: Alert
    match_key: str | None
    message: MessageLog | None
    hits: list[Hit]
    context: list[MessageLog]
    notified: list[Delivery]
    mails: list[MailMessage] = field(default_factory=list)  # e-mails about it and their state
    pattern: PatternDetail | None = None  # a pattern alert: the messages that added up


def hits_of(message: MessageLog) -> list[Hit]:
    return [Hit(h.get("rule", "?"), h.get("reason", ""), h.get("action", ""), h.get("start", 0),
                h.get("end", 0)) for h in json.loads(message.hits_json or "[]")]


def context_before(session: Session, message: MessageLog, count: int = CONTEXT) -> list[MessageLog]:
    """The messages of the same match just before this one, oldest first."""
    return desk_repo.context_before(session, message, count, CONTEXT_KINDS)


def review_queue(scope: ProgramScope) -> list[HoldCard]:
    """Open holds of the program, oldest first, each with its context; the view is audited."""
    with scope.session() as session:
        keys = desk_repo.match_keys(session, scope.program_id)
        found = desk_repo.open_holds(session, scope.program_id)
        urgent = review_repo.urgent_message_ids(session, [m.id for _, m in found])  # type: ignore[misc]
        cards = [HoldCard(item, message, keys.get(item.match_id or -1), hits_of(message),
                          context_before(session, message), message.id in urgent)
                 for item, message in found]
        cards.sort(key=lambda c: not c.urgent)  # an urgent disclosure above routine holds
        scope.audit(session, action="review.view", target=f"program:{scope.program_id}",
                    rows=sum(1 + len(c.context) for c in cards),
                    detail={"holds": [c.item.id for c in cards]})
        session.commit()
        return cards


def recent_decisions(scope: ProgramScope, limit: int = 10) -> list[tuple[ReviewItem, str | None]]:
    with scope.session() as session:
        keys = desk_repo.match_keys(session, scope.program_id)
        return [(item, keys.get(item.match_id or -1))
                for item in desk_repo.recent_decisions(session, scope.program_id, limit)]


def alerts(scope: ProgramScope) -> list[AlertCard]:
    """Open alerts first, safeguarding before others, urgent before not, newest first."""
    with scope.session() as session:
        keys = desk_repo.match_keys(session, scope.program_id)
        found = desk_repo.alerts(session, scope.program_id)
        found.sort(key=lambda a: (a.acknowledged_at is not None, ALERT_RANK.get(a.kind, len(ALERT_RANK)),
                                  not a.urgent, -as_utc(a.created_at).timestamp()))
        cards = []
        mails = mail_repo.mails_of_alerts(session, [a.id for a in found[:200]])  # type: ignore[misc]
        for alert in found[:200]:
            message = session.get(MessageLog, alert.message_id) if alert.message_id else None
            if message is not None and message.program_id != scope.program_id:
                message = None
            cards.append(AlertCard(alert, keys.get(alert.match_id or -1), message,
                                   hits_of(message) if message else [],
                                   context_before(session, message, 3) if message else [],
                                   desk_repo.who_was_told(session, scope.program_id, alert),
                                   mails.get(alert.id, []),  # type: ignore[arg-type]
                                   pattern_detail(session, alert)))
        scope.audit(session, action="alerts.view", target=f"program:{scope.program_id}",
                    rows=len(cards), detail={"alerts": [c.alert.id for c in cards]})
        session.commit()
        return cards


def record_action(scope: ProgramScope, alert_id: int, action_taken: str) -> Alert:
    """Acknowledge an alert and append what was done (each entry dated and signed)."""
    now = scope.now()
    with scope.session() as session:
        alert = scope.alert(session, alert_id)
        entry = f"{now.isoformat(timespec='minutes')} {scope.who.name}: {action_taken.strip()}"
        alert.action_taken = (alert.action_taken + "\n" + entry) if alert.action_taken else entry
        if alert.acknowledged_at is None:
            alert.acknowledged_at, alert.acknowledged_by = now, scope.actor
        session.add(alert)
        scope.audit(session, action="alert.action", target=f"alert:{alert.id}",
                    detail={"action_taken": action_taken.strip()}, subject=alert)
        session.commit()
        session.refresh(alert)
        return alert


def decided_label(state: str) -> str:
    return {"approved_redacted": "approved with details removed"}.get(state, state.replace("_", " "))


def when_sent(message: MessageLog) -> datetime:
    return as_utc(message.sent_at)
