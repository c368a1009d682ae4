"""Transcripts: a match's conversation with decisions and rule hits, read and exported.

Every read is written to the audit trail (who, when, what, how many rows) in the same
transaction that fetches the rows, before anything is shown. The text is the text as sent (the
log's escaping is undone by ``storage.safe_text``); the JSON export carries it exactly, NUL and lone
surrogates as ``\\u0000``/``\\ud800`` escapes, and the text and CSV forms show those two, which a
terminal or spreadsheet cannot, as ``⟦U+0000⟧``/``⟦U+D800⟧``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from storage import audit, repo
from storage.clock import as_utc
from storage.models import Match, MessageLog

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """Text a terminal or a spreadsheet can take: NUL and lone surrogates as ``⟦U+XXXX⟧``."""
    return _UNWRITABLE.sub(lambda m: f"⟦U+{ord(m.group()):04X}⟧", text)


class TranscriptError(Exception):
    """The match does not exist (or is not visible to this reader)."""


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    id: int
    seq: int
    at: str
    kind: str
    sender: str
    role: str
    platform: str
    channel: str
    text: str
    decision: str
    alert: bool
    rules: list[str]
    reasons: list[str]
    edit_of: int | None


def read_transcript(engine: Engine, match_key: str, *, actor: str, clock: Callable[[], datetime],
                    program_id: str | None = None, purpose: str = "transcript.read",
                    since: datetime | None = None, until: datetime | None = None,
                    ) -> tuple[Match, list[TranscriptLine]]:
    """The match's log rows in order; the read is audited before the rows are returned."""
    with Session(engine) as session:
        match = repo.match_by_key(session, match_key, program_id)
        if match is None:
            where = f" in program {program_id}" if program_id else ""
            raise TranscriptError(f"no match '{match_key}'{where}")
        rows = repo.transcript_rows(session, match.id, since=since, until=until)  # type: ignore[arg-type]
        lines = [_line(row) for row in rows]
        audit.record(session, program_id=match.program_id, actor=actor, action=purpose,
                     target=f"match:{match.key}", rows=len(lines), at=clock(),
                     detail={"since": since.isoformat() if since else None,
                             "until": until.isoformat() if until else None})
        session.commit()
        session.refresh(match)
        return match, lines


def _line(row: MessageLog) -> TranscriptLine:
    hits = json.loads(row.hits_json)
    return TranscriptLine(
        id=row.id, seq=row.seq, at=as_utc(row.sent_at).isoformat(timespec="seconds"),  # type: ignore[arg-type]
        kind=row.kind, sender=row.sender_name, role=row.sender_role or "", platform=row.platform,
        channel=row.channel, text=row.text, decision=row.decision, alert=row.alert,
        rules=[h["rule"] for h in hits], reasons=[h["reason"] for h in hits], edit_of=row.original_id,
    )


def neutralize_cell(value: str) -> str:
    """Stop spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(lines: list[TranscriptLine]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["seq", "time_utc", "kind", "sender", "role", "platform", "channel", "text",
                     "decision", "alert", "rules", "edit_of"])
    for line in lines:
        writer.writerow([line.seq, line.at, line.kind, neutralize_cell(printable(line.sender)), line.role,
                         line.platform, line.channel, neutralize_cell(printable(line.text)), line.decision,
                         "yes" if line.alert else "", " ".join(line.rules), line.edit_of or ""])
    return out.getvalue()


def to_json(match: Match, lines: list[TranscriptLine]) -> str:
    dumped = json.dumps({"match": match.key, "program": match.program_id, "model": match.model,
                         "messages": [asdict(line) for line in lines]}, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)  # exact, and valid UTF-8


def describe(line: TranscriptLine) -> str:
    """One human-readable transcript line."""
    label = {"edit": "edited", "delete": "deleted", "prompt": "prompt", "nudge": "nudge"}.get(line.kind, "")
    head = f"[{line.at}] {printable(line.sender)} ({line.role or '?'}, {line.platform}/{line.channel})"
    verdict = line.decision + (" +ALERT" if line.alert else "")
    rules = f" rules: {', '.join(line.rules)}" if line.rules else ""
    return f"{head}{' ' + label if label else ''}: {printable(line.text)}\n    -> {verdict}{rules}"
