"""Showing message text safely: invisible and bidi control characters become visible markers.

A message can carry U+202E (right-to-left override) or zero-width characters that make a
transcript read differently from what was sent. Coordinators see ``⟦U+202E⟧`` instead, in the
pages, the CSV, the HTML document and the PDF; the JSON export escapes them as ``\\u202e``.
NUL and lone surrogates (which UTF-8 cannot carry; see ``storage.safe_text``) are shown the same
way, ``⟦U+0000⟧`` and ``⟦U+D800⟧``, and written as ``\\u0000``/``\\ud800`` in JSON: the exact text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from bot.review.redaction import merge_spans

# Bidi controls, zero-width and other invisible format characters, C0/C1 controls (not \n, \t),
# Unicode tag characters and interlinear annotation marks.
INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000e0000-\U000e007f\ud800-\udfff]"  # the last: lone surrogates
)


def marker(char: str) -> str:
    return f"⟦U+{ord(char):04X}⟧"


def mark_invisibles(text: str) -> str:
    """Plain text with every invisible/control character replaced by a visible marker."""
    return INVISIBLE.sub(lambda m: marker(m.group()), text)


def shown(text: str | None) -> Markup:
    """HTML: escaped text, invisible characters as highlighted markers."""
    if not text:
        return Markup("")
    out: list[str] = []
    cursor = 0
    for found in INVISIBLE.finditer(text):
        out.append(str(escape(text[cursor:found.start()])))
        out.append(f'<span class="ctl" title="invisible character">{marker(found.group())}</span>')
        cursor = found.end()
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """HTML: escaped text with the policy's matched spans in ``<mark>`` (overlaps merged)."""
    out: list[str] = []
    cursor = 0
    for start, end in merge_spans(text, spans):
        out.append(str(shown(text[cursor:start])))
        out.append(f"<mark>{shown(text[start:end])}</mark>")
        cursor = end
    out.append(str(shown(text[cursor:])))
    return Markup("".join(out))


def json_safe(dumped: str) -> str:
    """JSON text with invisible characters written as \\u escapes (still the exact same data)."""
    return INVISIBLE.sub(lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group())), dumped)


def _utf16(char: str) -> list[int]:
    if "\ud800" <= char <= "\udfff":
        return [ord(char)]  # a lone surrogate is its own UTF-16 code unit
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]
