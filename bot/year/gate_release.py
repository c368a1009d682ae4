"""Releasing messages a records gate held, once the record is in order (a form filed, training
done, clearance recorded): DESIGN.md's "released when the gate clears".

Only holds whose every reason was a records gate are released, and only when the sender's
records are now in order for the platform the message was sent on; a hold that also has a policy
reason stays for the coordinator. Issue 12 (branch i12) owns the gate mechanism; this is the
call the records make until its API lands (see /work/notes/i14b.md).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from bot.year.standing import record_holds
from storage import year_repo
from storage.models import MessageLog, Person

RECORD_RULES = ("consent.missing", "consent.expired", "consent.platform", "clearance.missing",
                "clearance.expired", "training.missing")


def releasable(session: Session, person: Person, today: date) -> list[int]:
    """Open review items of ``person``'s messages that only records gates held and that now pass."""
    found = []
    for item, message in year_repo.open_holds_of_sender(session, person.id):  # type: ignore[arg-type]
        rules = [r for r in item.reason.split(",") if r]
        if not rules or any(r not in RECORD_RULES for r in rules):
            continue
        if not _passes(session, person, message, today):
            continue
        found.append(item.id)
    return found  # type: ignore[return-value]


def _passes(session: Session, person: Person, message: MessageLog, today: date) -> bool:
    return not record_holds(session, person, message.platform, today)


def notice(because: str) -> str:
    """What the sender is told when their message goes out."""
    return f"Good news: your {because}, so your message has now been delivered."
