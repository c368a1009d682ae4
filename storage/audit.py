"""The audit trail: every coordinator action and every read of student data, chained like the log."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session

from storage import chain
from storage.models import AuditEvent


def record(session: Session, *, program_id: str, actor: str, action: str, at: datetime,
           target: str = "", rows: int = 0, detail: dict[str, Any] | None = None) -> AuditEvent:
    """Append one audit event to the session (committed with the caller's transaction)."""
    event = AuditEvent(
        program_id=program_id, seq=0, actor=actor, action=action, target=target, rows=rows,
        detail_json=json.dumps(detail or {}, sort_keys=True, ensure_ascii=False), at=at,
        prev_hash="", row_hash="",
    )
    chain.append(session, event, stream="audit")
    return event
