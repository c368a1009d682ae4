"""What must happen to a restored database before anyone uses it (for ``mentorbot restore``).

A backup is a picture of the past: it still holds what retention has erased since, and the whole of
any program destroyed since. So, before a restored database is used:

1. every program the head file says was destroyed (``# destroyed …`` lines that
   ``mentorbot program destroy`` appends) and that the backup brought back is destroyed again —
   its holds were released before the original destruction, so they do not stop it;
2. every program's retention schedule is applied as of now.

The restore command passes ``reapply_after_restore`` as its hook (i15b's ``before_use``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from bot.governance.destroy import destroy_program, destroyed_in
from bot.governance.retention import apply_all
from storage.models import Program

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Reapplied:
    destroyed_again: list[str] = field(default_factory=list)
    erased: dict[str, int] = field(default_factory=dict)  # program -> rows erased by retention


def reapply_after_restore(
    engine: Engine, *, head_file: Path | None, now: datetime, unrouted_days: int | None = None
) -> Reapplied:
    out = Reapplied()
    for program_id, when, sha256 in destroyed_in(head_file) if head_file else []:
        with Session(engine) as session:
            back = session.get(Program, program_id) is not None
        if back:
            destroy_program(
                engine,
                program_id,
                actor="restore (destroyed again)",
                now=now,
                certificate=None,
                reason=f"destroyed on {when} (certificate SHA-256 {sha256}); the restored backup was older",
                database="restored",
                past_holds_released=True,
            )
            out.destroyed_again.append(program_id)
            logger.warning("restore: program %s was destroyed on %s; destroyed again", program_id, when)
    plans, _ = apply_all(engine, actor="retention (after restore)", now=now, unrouted_days=unrouted_days)
    for plan in plans:
        out.erased[plan.program_id] = sum(n for rule in plan.rules for n in rule.erased.values())
    return out
