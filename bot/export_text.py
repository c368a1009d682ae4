"""One rule for text that leaves mentorbot in a file: CSV cells and invisible characters (issue 12 item 6).

The CLI's exports (``bot.transcript``) and the desk's (``bot.web.exports``, the HTML page and the
PDF) all use these, so a transcript reads the same wherever it was exported:

- invisible and bidi control characters (U+202E right-to-left override, zero-width spaces, tags,
  C0/C1 controls but newline and tab, lone surrogates) are shown as visible markers ``⟦U+202E⟧``
  in CSV, text, HTML and PDF, and written as ``\\u202e`` escapes in JSON (still the exact text);
- a CSV cell that a spreadsheet would run as a formula gets a leading ``'``: one starting with
  ``= + - @``, their full-width forms ``＝ ＋ － ＠``, tab or carriage return, including after
  leading spaces (any Unicode whitespace). A zero-width prefix cannot hide one: it is a marker by then.
"""

from __future__ import annotations

import re

INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f\ud800-\udfff]"  # the last range: lone surrogates
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def marker(char: str) -> str:
    return f"⟦U+{ord(char):04X}⟧"


def mark_invisibles(text: str) -> str:
    """Plain text with every invisible/control character replaced by a visible marker."""
    return INVISIBLE.sub(lambda m: marker(m.group()), text)


def neutralize_cell(value: str) -> str:
    """Stop spreadsheet programs from running a cell as a formula (CSV injection)."""
    formula = value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    return "'" + value if formula else value


def csv_cell(value: str) -> str:
    """A text cell for any CSV export: invisibles shown as markers, then formula-neutralized."""
    return neutralize_cell(mark_invisibles(value))


def json_safe(dumped: str) -> str:
    """JSON text with invisible characters written as \\u escapes (still the exact same data)."""
    return INVISIBLE.sub(lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group())), dumped)


def _utf16(char: str) -> list[int]:
    if "\ud800" <= char <= "\udfff":
        return [ord(char)]  # a lone surrogate is its own UTF-16 code unit
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]
