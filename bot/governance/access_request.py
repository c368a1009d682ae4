"""Access requests: a parent's or an eligible student's request to inspect the student's record
(FERPA), answered as one private export and logged.

``mentorbot access-request STUDENT --requester "Maria R." --relationship parent -o FILE.zip``
writes ``record.json`` (every section of ``storage.access_repo.student_record``), ``record.txt``
(the same, printable) and ``MANIFEST.json``; the request is recorded in the audit trail (who asked,
as what, who answered, the archive's SHA-256), so it shows in the student's own access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.governance import transcripts
from bot.governance.archive import PrivateArchive
from bot.governance.program_export import erasure_labels
from storage import access_repo, audit, repo
from storage.models import Program

RELATIONSHIPS = ("parent", "guardian", "eligible-student", "student")


class AccessRequestError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class AccessExport:
    path: Path
    sha256: str
    rows: int
    withheld: int


def answer(
    engine: Engine,
    program_id: str,
    student_key: str,
    *,
    requester: str,
    relationship: str,
    actor: str,
    path: Path,
    now: datetime,
) -> AccessExport:
    if relationship not in RELATIONSHIPS:
        raise AccessRequestError(f"relationship '{relationship}': use one of {', '.join(RELATIONSHIPS)}")
    if not requester.strip():
        raise AccessRequestError("say who asked (--requester), as written on the request")
    person_id, program_name, record, labels = _gather(engine, program_id, student_key)
    rows = sum(len(v) for v in record.values() if isinstance(v, list))
    about = {
        "kind": "access request",
        "program": program_id,
        "student": student_key,
        "requester": requester,
        "relationship": relationship,
        "answered_by": actor,
        "answered_at": now.isoformat(),
    }
    with PrivateArchive(path, about=about) as archive:
        archive.add_json("record.json", {"about": about, **record})
        archive.add_text("record.txt", _printable(program_name, about, record, labels))
        digest = archive.close()
    with Session(engine) as session:
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="access_request.export",
            at=now,
            target=f"person:{student_key}",
            subject=f"person:{person_id}",
            rows=rows,
            detail={
                "requester": requester,
                "relationship": relationship,
                "file": path.name,
                "sha256": digest,
            },
        )
        session.commit()
    return AccessExport(path, digest, rows, record["messages_by_other_students_withheld"])


def _gather(engine: Engine, program_id: str, student_key: str) -> tuple[int, str, dict[str, Any], Any]:
    with Session(engine) as session:
        program = session.get(Program, program_id)
        person = repo.person_by_key(session, program_id, student_key) if program else None
        if person is None or program is None:
            raise AccessRequestError(f"there is no person '{student_key}' in program {program_id}")
        if person.role != "student":
            raise AccessRequestError(
                f"{student_key} is a {person.role}; access requests here are for students' education records"
            )
        record = access_repo.student_record(session, program_id, person)
        labels = erasure_labels(session, program_id)
        session.commit()
        return person.id, program.name, record, labels  # type: ignore[return-value]


def _printable(
    program_name: str, about: dict[str, Any], record: dict[str, Any], labels: dict[int, tuple[str, str]]
) -> str:
    person = record["person"][0]
    lines = [
        f"Education record of {person['display_name']} ({about['student']}) in {program_name}",
        f"Requested by {about['requester']} ({about['relationship']}); answered {about['answered_at']} "
        f"by {about['answered_by']}",
        "",
    ]
    lines += [
        f"Grade: {person.get('grade') or '—'}; "
        f"consent form received: {person.get('consent_received') or '—'}",
        "Accounts: " + (", ".join(f"{a['platform']}/{a['workspace']}" for a in record["accounts"]) or "none"),
        "Matches: " + (", ".join(f"{m['key']} ({m['status']})" for m in record["matches"]) or "none"),
        "",
    ]
    for title, key in (
        ("Messages they wrote", "messages_they_wrote"),
        ("Messages to them", "messages_to_them"),
    ):
        lines.append(f"{title} ({len(record[key])}):")
        lines += [transcripts.describe(transcripts.line_of(r, labels)) for r in record[key]] or ["  none"]
        lines.append("")
    lines.append(
        f"Messages other students wrote in their group matches (not included): "
        f"{record['messages_by_other_students_withheld']}"
    )
    lines.append(
        f"Review decisions about their messages: {len(record['review_decisions'])}; "
        f"alerts: {len(record['alerts'])}"
    )
    lines += ["", "Who read or changed this record:"]
    lines += [
        f"  {e['at'][:16]} {e['actor'] or '(erased)'}: {e['action']} {e['target']}"
        + (" (also about others: details withheld)" if e.get("detail_withheld") else "")
        for e in record["access_log"]
    ] or ["  nobody"]
    return "\n".join(lines + _every_student(record["pages_listing_every_student"])) + "\n"


def _every_student(events: list[dict[str, Any]]) -> list[str]:
    """Pages and steps that showed every student's record of a sort, theirs among them: per page,
    how often, when first and last, and by whom."""
    if not events:
        return []
    pages: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        pages.setdefault(event["shows_every_student"], []).append(event)
    lines = ["", "Pages and steps that showed every student's record (theirs among them):"]
    for what, seen in pages.items():
        who = ", ".join(sorted({e["actor"] or "(erased)" for e in seen}))
        first, last = seen[0]["at"][:10], seen[-1]["at"][:10]
        lines.append(f"  {what}: {len(seen)} time(s), {first} to {last}, by {who}")
    return lines
