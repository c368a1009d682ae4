"""The audit trail: every coordinator action and every read of student data, chained like the log.

``subject`` names what an event is about without personal data (``"match:3"``, ``"person:7"``).
Given an anchored record instead (a review item, an alert, a legal hold: ``chain_format.ANCHORED``),
the event also carries ``anchor``, the commitment to the record's state after the action; ``audit
verify`` compares every such record with its newest anchor, so an outcome or follow-up changed
behind mentorbot's back is caught.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel

from storage import audit_actions, chain, chain_format
from storage.models import AuditEvent

logger = logging.getLogger(__name__)
# Tests set it (tests/conftest.py) so an undeclared action fails loudly there; in production the
# event is still recorded and the gap logged: a registry omission must never undo a coordinator's
# pause or a data decision.
STRICT_ENV = "MENTORBOT_AUDIT_STRICT"


def subject_of(record: SQLModel) -> str:
    return f"{record.__tablename__}:{record.id}"  # type: ignore[attr-defined]


def anchor_state(session: Session, record: SQLModel) -> str:
    """The record's state commitment, giving it a salt on first use (flushed, so it has an id)."""
    table = record.__tablename__  # type: ignore[attr-defined]
    if table not in chain_format.ANCHORED:
        raise ValueError(f"{table} is not an anchored table (chain_format.ANCHORED)")
    if record.content_salt is None:  # type: ignore[attr-defined]
        record.content_salt = chain_format.new_salt()  # type: ignore[attr-defined]
    session.add(record)
    if record.id is None:  # type: ignore[attr-defined]
        session.flush()
    return chain_format.anchor(table, record, record.content_salt)  # type: ignore[attr-defined]


def record(session: Session, *, program_id: str, actor: str, action: str, at: datetime,
           target: str = "", rows: int = 0, detail: dict[str, Any] | None = None,
           subject: SQLModel | str | None = None, anchor: str | None = None) -> AuditEvent:
    """Append one audit event to the session (committed with the caller's transaction).

    Pass an anchored record as ``subject`` *after* changing it: its new state is anchored.
    ``action`` must be declared in ``storage.audit_actions`` with the kind of ``target`` it names,
    so access requests can tell whom the event concerns.
    """
    try:
        audit_actions.check(action, target, has_subject=subject is not None)
    except audit_actions.UndeclaredAuditAction:
        if os.environ.get(STRICT_ENV) == "1":
            raise
        logger.error("audit action %r (target %r) is not declared: recorded, but access requests may "
                     "miss whom it concerns", action, target)
    if isinstance(subject, SQLModel):
        anchor = anchor_state(session, subject)
        subject = subject_of(subject)
    event = AuditEvent(
        program_id=program_id, seq=0, actor=actor, action=action, target=target, rows=rows,
        detail_json=json.dumps(detail or {}, sort_keys=True, ensure_ascii=False), at=at,
        subject=subject, anchor=anchor, prev_hash="", row_hash="",
    )
    chain.append(session, event, stream="audit")
    return event
