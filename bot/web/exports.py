"""Transcript exports for a match or a student: CSV, JSON, a printable HTML document and a PDF.

Each carries the program's name, the period and a verification line: the message log's chain
head (entry count and SHA-256) at export time, which ``mentorbot audit verify`` recomputes.
CSV cells follow the one rule of ``bot.export_text.csv_cell`` (the CLI's exports too): invisible/bidi
control characters are shown as markers and formulas neutralized; JSON keeps the exact text with
those characters \\u-escaped.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlmodel import Session

from bot.export_text import csv_cell, json_safe
from bot.transcript import OUTCOME_COLUMNS, TranscriptLine, outcome_cells
from storage.models import ChainHead

FORMATS = ("csv", "json", "html", "pdf")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
               "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@dataclass(frozen=True, slots=True)
class ExportMeta:
    program_id: str
    program_name: str
    subject: str  # "match dana-ana" / "student Ana R. (ana)"
    period: str
    exported_at: str
    exported_by: str
    log_entries: int
    log_hash: str

    @property
    def verification(self) -> str:
        return (f"Verification: at export time the message log of program {self.program_id} had "
                f"{self.log_entries} entries and its chain head was SHA-256 {self.log_hash}. "
                "`mentorbot audit verify` recomputes the chain.")


def verification_head(session: Session, program_id: str) -> tuple[int, str]:
    head = session.get(ChainHead, (program_id, "message"))
    return (head.last_seq, head.last_hash) if head else (0, "0" * 64)


def period_label(since: datetime | None, until: datetime | None,
                 lines: list[tuple[str, TranscriptLine]]) -> str:
    first = since.date().isoformat() if since else (min(ln.at for _, ln in lines)[:10] if lines else "—")
    last = until.date().isoformat() if until else (max(ln.at for _, ln in lines)[:10] if lines else "—")
    return f"{first} to {last}" + ("" if until else " (until export)")


COLUMNS = ["match", "seq", "time_utc", "kind", "sender", "role", "platform", "channel", "text",
           "decision", "alert", "rules", "edit_of", *OUTCOME_COLUMNS]


def to_csv(meta: ExportMeta, lines: list[tuple[str, TranscriptLine]]) -> str:
    """Comment rows (#) with the program, period and verification line, then one row per message."""
    out = io.StringIO()
    writer = csv.writer(out)
    for note in (f"# {meta.program_name} — transcript of {meta.subject}",
                 f"# Period: {meta.period}; exported {meta.exported_at} by {meta.exported_by}",
                 f"# {meta.verification}"):
        writer.writerow([csv_cell(note)])
    writer.writerow(COLUMNS)
    for match_key, line in lines:
        writer.writerow([
            match_key, line.seq, line.at, line.kind, csv_cell(line.sender), line.role,
            line.platform, csv_cell(line.channel), csv_cell(line.text),
            line.decision, "yes" if line.alert else "", " ".join(line.rules), line.edit_of or "",
            *outcome_cells(line),
        ])
    return out.getvalue()


def to_json(meta: ExportMeta, lines: list[tuple[str, TranscriptLine]]) -> str:
    body = {"program": {"id": meta.program_id, "name": meta.program_name}, "subject": meta.subject,
            "period": meta.period, "exported_at": meta.exported_at, "exported_by": meta.exported_by,
            "verification": {"log_entries": meta.log_entries, "chain_head_sha256": meta.log_hash,
                             "text": meta.verification},
            "messages": [{"match": key, **asdict(line)} for key, line in lines]}
    return json_safe(json.dumps(body, ensure_ascii=False, indent=2))
