"""End of contract, step 2: ``mentorbot program destroy`` — every row of the program deleted, and a
certificate of destruction saying what, when, by whom, and the final chain head.

Refused while any legal hold of the program is active. In ONE transaction: the chains are verified
(the result goes on the certificate), the final head and every table's row count are taken,
every row of every table of the program is deleted through the one deletion function
(``storage.erasure.erase``, mode ``remove``), and a ``destruction_record`` keeps the certificate
(no personal data) so ``audit verify`` and ``program show`` can say the program was destroyed.
The certificate is also written as a private file (JSON and a printable text).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, true
from sqlmodel import Session

from storage import chain, erasure, export_repo, governance, retention_repo
from storage.chain_verify import verify_program
from storage.models import AuditEvent, Program
from storage.models_governance import DestructionRecord
from storage.private_files import append_private, create_private

STATEMENT = (
    "All records of this program held by mentorbot in the database named below were "
    "permanently deleted on the date shown. Backups and exports made earlier are not "
    "covered by this deletion; they must be destroyed under the program's backup "
    "retention (docs/data-protection.md)."
)


class DestroyError(Exception):
    """The program cannot be destroyed (unknown, a legal hold, not confirmed)."""


@dataclass(frozen=True, slots=True)
class Certificate:
    data: dict[str, Any]
    sha256: str
    json_path: Path | None
    text_path: Path | None


def destroy_program(
    engine: Engine,
    program_id: str,
    *,
    actor: str,
    now: datetime,
    certificate: Path | None,
    reason: str,
    database: str,
    head_file: Path | None = None,
    past_holds_released: bool = False,
) -> Certificate:
    """Destroy the program; ``certificate`` None writes no files (re-destroying after a restore).

    ``head_file``: the destruction is also noted in the append-only head file, so a restore of an
    older backup can destroy the program again (``reapply_after_restore``). ``past_holds_released``:
    only for that re-destruction, whose holds were released before the original one.
    """
    if certificate is not None and (certificate.exists() or certificate.with_suffix(".txt").exists()):
        raise DestroyError(f"{certificate} exists already; choose another file name for the certificate")
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise DestroyError(f"there is no program '{program_id}'")
        if not past_holds_released:
            _refuse_under_hold(session, program_id)
        data = _facts(session, program, actor=actor, now=now, reason=reason, database=database)
        selection = {d.name: true() for d in export_repo.program_tables()}
        erasure.erase(
            session,
            program_id=program_id,
            selection=selection,
            rule="end-of-contract",
            actor=actor,
            at=now,
            mode="remove",
        )
        body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        session.add(
            DestructionRecord(
                program_id=program_id,
                program_name=program.name,
                destroyed_at=now,
                destroyed_by=actor,
                final_head=data["final_chain_head"],
                certificate_json=body,
                certificate_sha256=digest,
            )
        )
        session.commit()
    # written after the commit: a certificate must never exist for a destruction that did not happen
    if head_file is not None:
        append_private(
            head_file,
            f"# destroyed {program_id} {now.isoformat(timespec='seconds')} "
            f"certificate-sha256={digest} final-head={data['final_chain_head']}",
        )
    if certificate is None:
        return Certificate(data, digest, None, None)
    text_path = certificate.with_suffix(".txt")
    with create_private(certificate) as handle:
        handle.write(body.encode("utf-8") + b"\n")
    with create_private(text_path) as handle:
        handle.write(printable(data, digest).encode("utf-8"))
    return Certificate(data, digest, certificate, text_path)


def destroyed_in(head_file: Path) -> list[tuple[str, str, str]]:
    """(program, when, certificate SHA-256) of every destruction noted in a head file."""
    if not head_file.is_file():
        return []
    found = []
    for line in head_file.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[:2] == ["#", "destroyed"]:
            found.append((parts[2], parts[3], parts[4].removeprefix("certificate-sha256=")))
    return found


def _refuse_under_hold(session: Session, program_id: str) -> None:
    holds = retention_repo.active_holds(session, program_id)
    if holds:
        listed = "; ".join(
            f"#{h.id} ({h.scope}, placed {h.placed_at:%Y-%m-%d} by {h.placed_by})" for h in holds
        )
        raise DestroyError(
            f"program {program_id} is under legal hold, so it cannot be destroyed: {listed}. "
            "Release the holds first (mentorbot legal-hold release)."
        )


def _facts(
    session: Session, program: Program, *, actor: str, now: datetime, reason: str, database: str
) -> dict[str, Any]:
    """What the certificate says, taken in the destroying transaction just before the deletion."""
    report = verify_program(session, program.id)
    return {
        "certificate": "destruction of student data",
        "program": program.id,
        "program_name": program.name,
        "reason": reason,
        "destroyed_at": now.isoformat(),
        "destroyed_by": actor,
        "database": database,
        "final_chain_head": chain.head(session, program.id),
        "chain_verified": not report.breaks,
        "chain_breaks": [f"{b.stream} seq {b.seq}: {b.problem}" for b in report.breaks[:50]],
        "erasures_before": [
            {"rule": e.rule, "on": f"{e.at:%Y-%m-%d}", "rows": e.rows} for e in report.erasures
        ],
        "last_export": _last_export(session, program.id, chain.head(session, program.id)),
        "rows_deleted": _counts(session, program.id),
        "statement": STATEMENT,
    }


def _counts(session: Session, program_id: str) -> dict[str, int]:
    counts = {}
    for declared in export_repo.program_tables():
        n = session.execute(
            select(func.count())
            .select_from(declared.table)
            .where(governance.scope_clause(declared, program_id))
        ).scalar_one()
        if n:
            counts[declared.name] = n
    return counts


def _messages_after(export_head: str | None, final_head: str) -> int | None:
    """How many messages were logged after the export was cut (not in it); None if unknown."""
    from storage.chain_format import parse_head

    try:
        return parse_head(final_head)[1] - parse_head(export_head or "")[1]
    except ValueError:
        return None


def _last_export(session: Session, program_id: str, final_head: str) -> dict[str, Any] | None:
    event = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.program_id == program_id, AuditEvent.action == "program.export")
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()  # type: ignore[attr-defined]
    if event is None:
        return None
    detail = json.loads(event.detail_json or "{}")
    return {
        "at": event.at.isoformat(),
        "by": event.actor,
        "file": detail.get("file"),
        "sha256": detail.get("sha256"),
        "head": detail.get("head"),
        "messages_after": _messages_after(detail.get("head"), final_head),
    }


def _export_gap(export: dict[str, Any] | None) -> list[str]:
    """A line when the school's copy (the last export) lacks messages logged after it."""
    after = (export or {}).get("messages_after")
    if not after:
        return []
    return [f"                {after} message(s) were logged after that export and are not in it"]


def printable(data: dict[str, Any], digest: str) -> str:
    export = data["last_export"]
    lines = [
        "CERTIFICATE OF DESTRUCTION OF STUDENT DATA",
        "",
        f"Program:        {data['program_name']} ({data['program']})",
        f"Destroyed:      {data['destroyed_at']}",
        f"By:             {data['destroyed_by']}",
        f"Reason:         {data['reason']}",
        f"Database:       {data['database']}",
        f"Final chain head: {data['final_chain_head']}",
        "Chain verified before destruction: "
        + (
            "yes, intact"
            if data["chain_verified"]
            else f"NO — {len(data['chain_breaks'])} break(s) listed in the JSON"
        ),
        "Last export:    "
        + (
            f"{export['at']} by {export['by']}, {export['file']} (SHA-256 {export['sha256']})"
            if export
            else "none was made"
        ),
        *_export_gap(export),
        "",
        "Records deleted:",
        *(f"  {table:<22} {count:>10}" for table, count in sorted(data["rows_deleted"].items())),
        "",
        data["statement"],
        "",
        f"SHA-256 of the certificate's JSON: {digest}",
        "",
        "Signed: ______________________________    Date: ______________",
    ]
    return "\n".join(lines) + "\n"
