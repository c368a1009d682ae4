"""Issue 12 item 6: one rule for spreadsheet cells and invisible characters, shared by the CLI's CSV
export and the desk's: no formula stays active behind a zero-width space, a leading space or a
full-width ＝, and no raw right-to-left override or zero-width character reaches the file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bot.transcript import TranscriptLine
from bot.transcript import to_csv as cli_csv
from bot.transcript import to_json as cli_json
from bot.web.exports import ExportMeta
from bot.web.exports import to_csv as web_csv

HOSTILE = [
    "=HYPERLINK(\"http://x.test\",\"click\")", "\u200b=1+1", " =1+1", "\t=1+1", "\uff1d1+1", "\uff0b1",
    "+1", "-1", "@SUM(A1)", "\u202eevil\u202c", "\u2066=cmd\u2069", "\u00a0=2+2", "\ufeff@x",
]
RAW = ["\u200b", "\u202e", "\u202c", "\u2066", "\u2069", "\ufeff"]
FORMULA = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def line(text: str, n: int) -> TranscriptLine:
    return TranscriptLine(id=n, seq=n, at="2026-10-13T19:00:00+00:00", kind="message", sender=text,
                          role="student", platform="console", channel="c", text=text, decision="allow",
                          alert=False, rules=[], reasons=[], edit_of=None)


def cells(body: str, column: str) -> list[str]:
    rows = [r for r in csv.reader(io.StringIO(body)) if r and not r[0].startswith("#")]
    header, data = rows[0], rows[1:]
    return [r[header.index(column)] for r in data]


META = ExportMeta("p", "Program", "match m", "period", "now", "me", 1, "0" * 64)


@pytest.mark.parametrize("export", ["cli", "web"])
def test_no_active_formula_and_no_raw_bidi_in_either_csv(export):
    lines = [line(v, i) for i, v in enumerate(HOSTILE, 1)]
    body = cli_csv(lines) if export == "cli" else web_csv(META, [("m", ln) for ln in lines])
    for column in ("text", "sender"):
        for cell in cells(body, column):
            assert not cell.lstrip(" \t\u00a0").startswith(FORMULA), (column, cell)
            assert not any(ch in cell for ch in RAW), (column, cell)


def test_the_cli_and_the_desk_write_the_same_cells():
    lines = [line(v, i) for i, v in enumerate(HOSTILE, 1)]
    assert cells(cli_csv(lines), "text") == cells(web_csv(META, [("m", ln) for ln in lines]), "text")
    assert "\u27e6U+202E\u27e7" in cli_csv(lines)  # shown as a marker, as the desk does


def test_cli_json_keeps_the_exact_text_with_invisibles_escaped():
    from types import SimpleNamespace

    body = cli_json(SimpleNamespace(key="m", program_id="p", model="one-to-one"), [line("\u202eevil", 1)])
    assert "\u202e" not in body and "\\u202e" in body
    assert json.loads(body)["messages"][0]["text"] == "\u202eevil"
