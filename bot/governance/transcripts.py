"""Printable transcripts built from exported message rows (plain text and PDF), tombstones shown as
what they are: "[erased under retention rule messages on 2027-07-31]"."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.transcript import TranscriptLine, describe
from bot.web.exports import ExportMeta


def line_of(row: Mapping[str, Any], erasures: Mapping[int, tuple[str, str]]) -> TranscriptLine:
    """A transcript line from a message_log row dict (as ``storage.export_repo`` gives it)."""
    hits = json.loads(row["hits_json"] or "[]")
    text = row["text"]
    if row["erased_by"] is not None:
        rule, day = erasures.get(row["erased_by"], ("?", "?"))
        text = f"[erased under retention rule {rule} on {day}]"
    return TranscriptLine(
        id=row["id"],
        seq=row["seq"],
        at=str(row["sent_at"])[:19] + "Z",
        kind=row["kind"],
        sender=row["sender_name"] or "(erased)",
        role=row["sender_role"] or "",
        platform=row["platform"],
        channel=row["channel"],
        text=text,
        decision=row["decision"],
        alert=bool(row["alert"]),
        rules=[h.get("rule", "") for h in hits],
        reasons=[h.get("reason", "") for h in hits],
        edit_of=row["original_id"],
    )


def as_text(title: str, meta_lines: list[str], lines: list[TranscriptLine]) -> str:
    head = [title, "=" * len(title), *meta_lines, ""]
    body = [describe(line) for line in lines] or ["(no messages)"]
    return "\n".join(head + body) + "\n"


def as_pdf(meta: ExportMeta, match_key: str, lines: list[TranscriptLine]) -> bytes:
    from bot.web.pdf import render

    return render(meta, [(match_key, line) for line in lines])
