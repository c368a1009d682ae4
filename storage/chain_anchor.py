"""Checking the chain against heads published outside the database (``audit verify --expect``,
``--head-file``): an insider who rewrites the chain and its stored head passes every internal
check, but cannot change a head a coordinator kept or the append-only head file.

A kept head pins both chains of its program up to its sequence numbers: the chain still passes
through it when the rows at those numbers still have the hashes the head was computed from.
Rows added since are fine (a later head extends an earlier one).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from storage import chain_format
from storage.chain_format import GENESIS
from storage.models import AuditEvent, MessageLog

_TABLES = {"message": MessageLog, "audit": AuditEvent}


def problem_with(session: Session, head_text: str, program_id: str | None = None) -> str | None:
    """Why the database's chains do not pass through this head (None: they do)."""
    kept_program, message_seq, audit_seq, digest = chain_format.parse_head(head_text)
    if program_id is not None and kept_program != program_id:
        return None  # another program's head
    at: dict[str, tuple[int, str]] = {}
    for stream, seq in (("message", message_seq), ("audit", audit_seq)):
        model = _TABLES[stream]
        if seq == 0:
            at[stream] = (0, GENESIS)
            continue
        row_hash = session.execute(
            select(model.row_hash).where(  # type: ignore[call-overload]
                model.program_id == kept_program, model.seq == seq
            )
        ).scalar_one_or_none()
        if row_hash is None:
            newest = (
                session.execute(
                    select(model.seq)
                    .where(model.program_id == kept_program)  # type: ignore[call-overload]
                    .order_by(model.seq.desc())
                    .limit(1)
                ).scalar_one_or_none()
                or 0
            )
            return (
                f"the {stream} chain of {kept_program} ends at seq {newest}, before seq {seq} of the "
                "head you kept: rows were removed (or the chain was cut and rewritten)"
            )
        at[stream] = (seq, row_hash)
    if chain_format.program_head(kept_program, at["message"], at["audit"]).rsplit(":", 1)[1] != digest:
        return (
            f"the chains of {kept_program} no longer pass through the head you kept "
            f"(message seq {message_seq}, audit seq {audit_seq}): they were rewritten"
        )
    return None


def heads_in_file(path: Path) -> list[tuple[int, str, str]]:
    """(line number, time, head) of each line of an append-only head file."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            out.append((number, parts[0], parts[1]))
    return out
