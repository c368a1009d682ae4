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

from bot.relay.gates import GATES, describe_gates
from bot.review.gate_holds import gates_now
from bot.review.outcome import carry_out, has_flagged_text
from bot.review.quiet import QuietUntil
from storage import audit, repo, review_repo
from storage.clock import as_utc
from storage.models import MessageLog, Person, Program, ReviewItem

logger = logging.getLogger(__name__)

DECISIONS = {"approve": "approved", "approve_redacted": "approved_redacted", "reject": "rejected"}


class ReviewError(Exception):
    """A decision that cannot be made (unknown item, already decided, not a coordinator)."""


class GateHoldError(ReviewError):
    """Approve on a hold for a program gate: it waits for the gate, or for an explicit override."""

    def __init__(self, item: ReviewItem) -> None:
        self.review_id = item.id
        self.gates = [g for g in item.gates.split(",") if g]
        clears = " and ".join(GATES[g].clears_when for g in self.gates if g in GATES)
        flags = " ".join(f"--gate {g}" for g in self.gates)
        super().__init__(
            f"Held message #{item.id} waits for the program's rules, not for a judgement: "
            f"{describe_gates(self.gates)}. It is delivered by itself once {clears}. To deliver it "
            f"anyway, override naming the gate(s) and your reason (it is recorded): the desk's "
            f"\"Deliver anyway\" on the review page, or `mentorbot review override {item.id} {flags} "
            f"--reason \"…\"`. Reject is always possible.")


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
    urgent: bool = False  # the held message raised an urgent alert: listed first


class ReviewDesk:
    """The review queue's transactions (sync; ``bot.use_cases`` runs them off the event loop)."""

    def __init__(self, *, engine: Engine, clock: Callable[[], datetime],
                 quiet_until: QuietUntil | None = None):
        self._engine = engine
        self._clock = clock
        self._quiet_until = quiet_until  # the program's quiet hours: nothing time-held goes out in them

    def open_holds(self, program_id: str | None = None, *, reader: str | None = None) -> list[HoldView]:
        """The open holds, urgent first. ``reader``: who is shown their text (chat, CLI), audited as
        ``review.view`` per program like the desk's review page (a read of message content)."""
        with Session(self._engine) as session:
            found = review_repo.open_holds(session, program_id)
            urgent = review_repo.urgent_message_ids(session, [msg.id for _, msg, _ in found])  # type: ignore[misc]
            if reader is not None:
                self._audit_read(session, reader, [item.program_id for item, _, _ in found], program_id)
            views = [HoldView(item.id, match.key if match else None, msg.sender_name,  # type: ignore[arg-type]
                              msg.sender_role or "", msg.text, item.reason, item.created_at, msg.id in urgent)
                     for item, msg, match in found]
        return sorted(views, key=lambda v: not v.urgent)  # stable: oldest first within each

    def _audit_read(self, session: Session, reader: str, shown: list[str], program_id: str | None) -> None:
        now = self._clock()
        for program in sorted(set(shown) | ({program_id} if program_id else set())):
            audit.record(session, program_id=program, actor=reader, action="review.view", at=now,
                         target=f"program:{program}", rows=shown.count(program))
        session.commit()

    def decide(self, review_id: int, decision: str, *, coordinator: Person | None, actor: str,
               note: str = "") -> ReviewItem:
        """Apply a coordinator's decision. ``coordinator`` None means the system (quiet hours).

        A hold for a program gate refuses Approve (``GateHoldError``): it is released when the gate
        clears, or by ``override``. Reject is always possible.
        """
        if decision not in DECISIONS and decision != "release":
            raise ReviewError(f"unknown decision {decision!r}; use approve, approve_redacted or reject")
        now = self._clock()
        with Session(self._engine) as session:
            item, message = _open_item(session, review_id, coordinator)
            state = "released" if decision == "release" else DECISIONS[decision]
            if state != "rejected" and _gates_closed_since(session, item, message, now, actor):
                session.commit()  # it is a gate hold now: released when the gate clears
                raise GateHoldError(item)
            if state != "rejected" and item.gates:
                raise GateHoldError(item)
            if state == "approved_redacted" and not has_flagged_text(message):
                raise ReviewError(f"nothing in held message #{review_id} was flagged, so there is nothing to "
                                  "remove: use Approve or Reject")
            decided_by = coordinator.display_name if coordinator is not None else actor
            carry_out(session, item, message, state, decided_by=decided_by, actor=actor, now=now, note=note)
            session.commit()
            session.refresh(item)
            logger.info("review %s %s by %s", item.id, item.state, actor)
            return item

    def override(self, review_id: int, *, gates: list[str], reason: str, coordinator: Person, actor: str,
                 decision: str = "approve", note: str = "") -> ReviewItem:
        """Deliver a gate hold anyway: the coordinator names every gate holding it and why (audited)."""
        reason = " ".join(reason.split())
        if decision not in ("approve", "approve_redacted"):
            raise ReviewError("an override delivers the message: use approve or approve_redacted")
        if not reason:
            raise ReviewError("an override needs your reason (who checked what), for the audit trail")
        now = self._clock()
        with Session(self._engine) as session:
            item, message = _open_item(session, review_id, coordinator)
            holding = list(dict.fromkeys([*(g for g in item.gates.split(",") if g),
                                          *gates_now(session, message, now)]))
            named = list(dict.fromkeys(g.strip() for g in gates if g.strip()))
            if not holding:
                raise ReviewError(f"held message #{review_id} is not held by a program gate: use Approve")
            if extra := [g for g in named if g not in holding]:
                raise ReviewError(f"{', '.join(extra)} does not hold message #{review_id}; it is held by: "
                                  + describe_gates(holding))
            if missing := [g for g in holding if g not in named]:
                raise ReviewError(f"name every gate that holds message #{review_id}; also: "
                                  + describe_gates(missing))
            state = DECISIONS[decision]
            if state == "approved_redacted" and not has_flagged_text(message):
                raise ReviewError(f"nothing in held message #{review_id} was flagged: override with Approve")
            item.gates, item.override_gates, item.override_reason = "", ",".join(holding), reason
            audit.record(session, program_id=item.program_id, actor=actor, at=now,
                         action="review.gate_override", target=f"review:{item.id}",
                         detail={"message_id": message.id, "gates": holding, "reason": reason}, subject=item)
            carry_out(session, item, message, state, decided_by=coordinator.display_name, actor=actor,
                      now=now, note=note, audit_detail={"override": holding})
            session.commit()
            session.refresh(item)
            logger.warning("review %s: gates %s overridden by %s", item.id, holding, actor)
            return item

    def release_due(self) -> int:
        """Release quiet-hours holds whose time has come; returns how many."""
        now = self._clock()
        with Session(self._engine) as session:
            due = [review_id for review_id in review_repo.due_releases(session, now)
                   if not self._still_quiet(session, review_id, now)]
            session.commit()
        released = 0
        for review_id in due:
            try:
                self.decide(review_id, "release", coordinator=None, actor="system (quiet hours ended)")
                released += 1
            except ReviewError:
                continue  # decided meanwhile by a coordinator
        return released

    def _still_quiet(self, session: Session, review_id: int, now: datetime) -> bool:
        """Move a due release to the end of the program's quiet hours if they are on now (a gate
        that cleared at night made it due at once); True when it was moved."""
        if self._quiet_until is None:
            return False
        item = session.get(ReviewItem, review_id)
        program = session.get(Program, item.program_id) if item is not None else None
        message = session.get(MessageLog, item.message_id) if item is not None else None
        if item is None or program is None or message is None:
            return False
        until = self._quiet_until(program, message.sender_role, now)
        if until is None or as_utc(until) <= as_utc(now):
            return False
        item.release_at = as_utc(until)
        session.add(item)
        return True

    def coordinator_for(self, platform: str, workspace: str, user_id: str) -> Person | None:
        with Session(self._engine) as session:
            return repo.person_by_account(session, platform, workspace, user_id)


def _gates_closed_since(session: Session, item: ReviewItem, message: MessageLog, now: datetime,
                        actor: str) -> bool:
    """True when a program gate holds the message now that did not when it was held (the match was
    paused or ended, the sender left it, a form or clearance lapsed): delivering it then would break
    "only inside an active match", so the hold becomes a gate hold (the audit trail says why)."""
    before = [g for g in item.gates.split(",") if g]
    new = [g for g in gates_now(session, message, now) if g not in before]
    if not new:
        return False
    item.gates = ",".join([*before, *new])
    item.release_at = None  # quiet hours ending no longer releases it; the gate clearing does
    session.add(item)
    audit.record(session, program_id=item.program_id, actor=actor, at=now, action="review.gates_changed",
                 target=f"review:{item.id}", detail={"message_id": message.id, "closed": new}, subject=item)
    return True


def _open_item(session: Session, review_id: int, coordinator: Person | None) -> tuple[ReviewItem, MessageLog]:
    """The open review item and its message, after checking the coordinator may decide it."""
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
    return item, message
