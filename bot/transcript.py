"""Transcripts: a match's conversation with decisions and rule hits, read and exported.

Every read is written to the audit trail (who, when, what, how many rows) in the same
transaction that fetches the rows, before anything is shown. The text is the text as sent (the
log's escaping is undone by ``storage.safe_text``); the JSON export carries it exactly, NUL and lone
surrogates as ``\\u0000``/``\\ud800`` escapes, and the text and CSV forms show those two, which a
terminal or spreadsheet cannot, as ``⟦U+0000⟧``/``⟦U+D800⟧``.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.export_text import csv_cell, json_safe, mark_invisibles
from storage import audit, repo, review_repo
from storage.clock import as_utc
from storage.models import Alert, Match, MessageLog, ReviewItem


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
    # what became of a held message (issue 12 item 4): "" when it was never held
    review: str = ""  # waiting | approved | approved redacted | rejected | released | superseded | withdrawn
    decided_by: str = ""
    decided_at: str = ""
    note: str = ""  # the coordinator's note to the sender
    override: str = ""  # gates delivered anyway, with the reason
    alerts: list[str] = field(default_factory=list)  # each alert on this message and what was done


def read_transcript(engine: Engine, match_key: str, *, actor: str, clock: Callable[[], datetime],
                    program_id: str | None = None, purpose: str = "transcript.read",
                    since: datetime | None = None, until: datetime | None = None,
                    ) -> tuple[Match, list[TranscriptLine]]:
    """The match's log rows in order; the read is audited before the rows are returned."""
    with Session(engine) as session:
        match = repo.match_by_key(session, match_key, program_id)
        if match is None:
            where = f" in program {program_id}" if program_id else ""
            hint = suggest(match_key, repo.match_keys(session, program_id))
            raise TranscriptError(f"no match '{match_key}'{where}{hint}")
        rows = repo.transcript_rows(session, match.id, since=since, until=until)  # type: ignore[arg-type]
        reviews, alerts = review_repo.outcomes_of(session, [row.id for row in rows])  # type: ignore[misc]
        lines = [_line(row, reviews.get(row.id), alerts.get(row.id, [])) for row in rows]
        audit.record(session, program_id=match.program_id, actor=actor, action=purpose,
                     target=f"match:{match.key}", rows=len(lines), at=clock(),
                     detail={"since": since.isoformat() if since else None,
                             "until": until.isoformat() if until else None})
        session.commit()
        session.refresh(match)
        return match, lines


ERASED = "[erased under the program's retention schedule]"


def suggest(key: str, known: list[str]) -> str:
    """"; did you mean 'dana-ana'?" for a near miss, the few there are, or nothing."""
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    if close:
        return "; did you mean " + " or ".join(f"'{k}'" for k in close) + "?"
    if known and len(known) <= 8:
        return "; matches: " + ", ".join(known)
    return "; `mentorbot program show` lists the matches" if known else "; import a roster first"


def _line(row: MessageLog, review: ReviewItem | None, alerts: list[Alert]) -> TranscriptLine:
    hits = json.loads(row.hits_json)
    decided = as_utc(review.decided_at).isoformat(timespec="seconds") if review and review.decided_at else ""
    override = ""
    if review is not None and review.override_gates:
        override = f"{review.override_gates.replace(',', ', ')}: {review.override_reason or ''}"
    erased = row.erased_by is not None  # a tombstone (docs/data-protection.md)
    return TranscriptLine(
        id=row.id, seq=row.seq, at=as_utc(row.sent_at).isoformat(timespec="seconds"),  # type: ignore[arg-type]
        kind=row.kind, sender="(erased)" if erased else row.sender_name, role=row.sender_role or "",
        platform=row.platform, channel=row.channel, text=ERASED if erased else row.text,
        decision=row.decision, alert=row.alert,
        rules=[h["rule"] for h in hits], reasons=[h["reason"] for h in hits], edit_of=row.original_id,
        review=REVIEW_LABELS.get(review.state, review.state) if review else "",
        decided_by=(review.decided_by or "") if review else "", decided_at=decided,
        note=(review.note or "") if review else "", override=override,
        alerts=[alert_follow_up(a) for a in alerts],
    )


REVIEW_LABELS = {"open": "waiting", "approved_redacted": "approved redacted",
                 "withdrawn": "withdrawn (deleted by the sender)", "superseded": "superseded by an edit"}


def alert_follow_up(alert: Alert) -> str:
    """"safeguarding alert (urgent): acknowledged by web:okafor 2026-10-13T19:05; <what was done>"."""
    head = f"{alert.kind} alert" + (" (urgent)" if alert.urgent else "")
    if alert.acknowledged_at is None:
        return f"{head}: not yet acknowledged"
    when = as_utc(alert.acknowledged_at).isoformat(timespec="minutes")
    done = "; ".join((alert.action_taken or "").splitlines())
    return f"{head}: acknowledged by {alert.acknowledged_by} {when}" + (f"; {done}" if done else "")


OUTCOME_COLUMNS = ["review", "decided_by", "decided_at", "note_to_sender", "override", "alert_follow_up"]


def outcome_cells(line: TranscriptLine) -> list[str]:
    """The outcome columns of a CSV row (both CSV exports write these, in this order)."""
    return [line.review, csv_cell(line.decided_by), line.decided_at, csv_cell(line.note),
            csv_cell(line.override), csv_cell(" | ".join(line.alerts))]


def outcome_text(line: TranscriptLine) -> str:
    """The outcome in words, for the text transcript, the HTML document and the PDF ("" if none)."""
    parts = []
    if line.review == "waiting":
        parts.append("review: waiting for review")
    elif line.review:
        by = f" by {line.decided_by}" if line.decided_by else ""
        parts.append(f"review: {line.review}{by}" + (f" at {line.decided_at}" if line.decided_at else ""))
    if line.note:
        parts.append(f"note to sender: {line.note}")
    if line.override:
        parts.append(f"override of {line.override}")
    parts += [f"alert: {a}" for a in line.alerts]
    return "; ".join(parts)


def to_csv(lines: list[TranscriptLine]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["seq", "time_utc", "kind", "sender", "role", "platform", "channel", "text",
                     "decision", "alert", "rules", "edit_of", *OUTCOME_COLUMNS])
    for line in lines:
        writer.writerow([line.seq, line.at, line.kind, csv_cell(line.sender), line.role,
                         line.platform, csv_cell(line.channel), csv_cell(line.text), line.decision,
                         "yes" if line.alert else "", " ".join(line.rules), line.edit_of or "",
                         *outcome_cells(line)])
    return out.getvalue()


def to_json(match: Match, lines: list[TranscriptLine]) -> str:
    return json_safe(json.dumps({"match": match.key, "program": match.program_id, "model": match.model,
                                 "messages": [asdict(line) for line in lines]}, ensure_ascii=False, indent=2))


def describe(line: TranscriptLine) -> str:
    """One human-readable transcript line."""
    label = {"edit": "edited", "delete": "deleted", "prompt": "prompt", "nudge": "nudge",
             "system": "from mentorbot"}.get(line.kind, "")
    head = f"[{line.at}] {mark_invisibles(line.sender)} ({line.role or '?'}, {line.platform}/{line.channel})"
    verdict = line.decision + (" +ALERT" if line.alert else "")
    rules = f" rules: {', '.join(line.rules)}" if line.rules else ""
    if outcome := outcome_text(line):
        rules += f"\n    {mark_invisibles(outcome)}"
    return f"{head}{' ' + label if label else ''}: {mark_invisibles(line.text)}\n    -> {verdict}{rules}"
