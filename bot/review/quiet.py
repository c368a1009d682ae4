"""When a program's quiet hours end: asked before a hold that waited for time is delivered.

A message written in quiet hours waits for the morning. If a program gate held it too (the match
was paused, a form was missing), the gate may clear at night; the message then still waits for
the morning (``gate_holds.release_cleared_gates`` hands it to ``ReviewDesk.release_due``, which
asks this before it delivers anything).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.relay.policy_cache import PolicyBook
from policies.types import PolicyContext
from storage.models import Program

QuietUntil = Callable[[Program, str | None, datetime], datetime | None]


def quiet_hours_end(book: PolicyBook) -> QuietUntil:
    """``(program, sender role, now) -> end of the quiet hours now, or None``, read from the
    program's own policy (the rule that holds a message written now, applied to no text)."""

    def quiet_until(program: Program, role: str | None, now: datetime) -> datetime | None:
        policy = book.for_file(program.policy_file)
        decision = policy.evaluate("", PolicyContext(role=role or "student", sent_at=now,
                                                     timezone=program.timezone))
        if not any(h.rule.startswith("time.") for h in decision.hits):
            return None
        return decision.hold_until
    return quiet_until
