"""End of contract, step 1: ``mentorbot program export`` — everything the program holds, in one
private zip archive.

Inside: ``tables/<table>.jsonl`` (every row of every table of the program, content in plaintext,
salts and commitments included, so the chains can be recomputed from the archive alone),
``transcripts/<match>.txt`` and ``.pdf`` (printable), ``chain/HEAD.txt`` (the head the export was
cut at, and whether the chain verified), ``README.txt`` and ``MANIFEST.json`` (SHA-256 of every
member). ``mentorbot audit verify-export FILE --expect HEAD`` checks an archive. The export is
audited (``program.export``) with the archive's SHA-256, which the certificate of destruction
quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, and_
from sqlmodel import Session

from bot.governance import transcripts
from bot.governance.archive import PrivateArchive
from bot.web.exports import ExportMeta
from storage import audit, chain, export_repo, governance
from storage.chain_verify import verify_program
from storage.models import Match, Program

README = """\
Export of program {program} ({name}) made {at} by {by}.

tables/      one JSON Lines file per table: every row the program held, all columns.
transcripts/ each match's conversation, printable (.txt and .pdf).
chain/       HEAD.txt: the chain head this export was cut at; both chains end there.
MANIFEST.json  the SHA-256 of every file in this archive.

To check the archive: mentorbot audit verify-export THIS-FILE.zip --expect "{head}"
It recomputes both hash chains from tables/ (content against its commitments, erased rows as
tombstones) and compares their end with the head. Keep this head somewhere else as well.
"""


class ExportError(Exception):
    pass


@dataclass(slots=True)
class ExportSummary:
    path: Path
    sha256: str
    head: str
    chain_intact: bool
    rows: dict[str, int] = field(default_factory=dict)


def export_program(
    engine: Engine, program_id: str, path: Path, *, actor: str, now: datetime
) -> ExportSummary:
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise ExportError(f"there is no program '{program_id}'")
        name = program.name
        head = chain.head(session, program_id)
        seqs = {s: chain.stream_head(session, program_id, s).seq for s in ("message", "audit")}
        report = verify_program(session, program_id)
        session.commit()
    about = {
        "program": program_id,
        "name": name,
        "exported_at": now.isoformat(),
        "exported_by": actor,
        "head": head,
        "chain_intact": not report.breaks,
        "kind": "program export",
    }
    summary = ExportSummary(path, "", head, not report.breaks)
    with PrivateArchive(path, about=about) as archive, Session(engine) as session:
        archive.add_text(
            "README.txt",
            README.format(program=program_id, name=name, at=now.isoformat(), by=actor, head=head),
        )
        for declared in export_repo.program_tables():
            where = _up_to_head(declared, seqs)
            summary.rows[declared.name] = archive.add_lines(
                f"tables/{declared.name}.jsonl", export_repo.rows(session, declared, program_id, where)
            )
        _transcripts(archive, session, program_id, name, head, seqs, actor, now)
        archive.add_text("chain/HEAD.txt", _head_text(head, report))
        summary.sha256 = archive.close()
    with Session(engine) as session:
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="program.export",
            at=now,
            subject="program",
            target=f"program:{program_id}",
            rows=sum(summary.rows.values()),
            detail={"file": path.name, "sha256": summary.sha256, "head": head},
        )
        session.commit()
    return summary


def _up_to_head(declared: governance.Declared, seqs: dict[str, int]):  # type: ignore[no-untyped-def]
    """Chained tables: only the rows up to the head the export is cut at."""
    spec = declared.personal
    if spec is None or spec.chained is None:
        return None
    return declared.table.c.seq <= seqs[spec.chained]


def _head_text(head: str, report) -> str:  # type: ignore[no-untyped-def]
    lines = [
        head,
        "",
        "Chain verified when exported: "
        + ("intact" if not report.breaks else f"{len(report.breaks)} BREAK(S)"),
    ]
    lines += [f"  {b.stream} seq {b.seq} row {b.row_id}: {b.problem}" for b in report.breaks[:100]]
    for erasure in report.erasures:
        rows = ", ".join(f"{n} {t}" for t, n in erasure.rows.items())
        lines.append(f"Erased under rule {erasure.rule} on {erasure.at:%Y-%m-%d} by {erasure.actor}: {rows}")
    return "\n".join(lines) + "\n"


def _transcripts(
    archive: PrivateArchive,
    session: Session,
    program_id: str,
    name: str,
    head: str,
    seqs: dict[str, int],
    actor: str,
    now: datetime,
) -> None:
    erasures = erasure_labels(session, program_id)
    log = governance.declared("message_log")
    matches = list(export_repo.rows(session, governance.declared("match"), program_id))
    for match in matches:
        where = and_(log.table.c.match_id == match["id"], log.table.c.seq <= seqs["message"])
        lines = [transcripts.line_of(r, erasures) for r in export_repo.rows(session, log, program_id, where)]
        title = f"{name} — transcript of match {match['key']}"
        meta = [f"Program {program_id}; exported {now:%Y-%m-%d %H:%M} UTC by {actor}", f"Chain head: {head}"]
        archive.add_text(f"transcripts/{match['key']}.txt", transcripts.as_text(title, meta, lines))
        export_meta = ExportMeta(
            program_id,
            name,
            f"match {match['key']}",
            "whole program (end of contract)",
            now.isoformat(timespec="minutes"),
            actor,
            seqs["message"],
            head,
        )
        archive.add_bytes(
            f"transcripts/{match['key']}.pdf", transcripts.as_pdf(export_meta, match["key"], lines)
        )


def erasure_labels(session: Session, program_id: str) -> dict[int, tuple[str, str]]:
    """Erasure event id -> (rule, day), to label tombstones."""
    from sqlalchemy import select

    from storage.models import AuditEvent

    query = select(AuditEvent.id, AuditEvent.subject, AuditEvent.at).where(
        AuditEvent.program_id == program_id, AuditEvent.action == "data.erase"
    )
    return {i: ((s or "erasure:?").split(":", 1)[1], f"{at:%Y-%m-%d}") for i, s, at in session.execute(query)}


__all__ = ["ExportError", "ExportSummary", "Match", "export_program"]
