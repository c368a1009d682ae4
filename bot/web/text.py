"""Showing message text safely: invisible and bidi control characters become visible markers.

A message can carry U+202E (right-to-left override) or zero-width characters that make a
transcript read differently from what was sent. Coordinators see ``⟦U+202E⟧`` instead, in the
pages, the CSV, the HTML document and the PDF; the JSON export escapes them as ``\\u202e``.
NUL and lone surrogates (which UTF-8 cannot carry; see ``storage.safe_text``) are shown the same
way, ``⟦U+0000⟧`` and ``⟦U+D800⟧``, and written as ``\\u0000``/``\\ud800`` in JSON: the exact text.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from bot.export_text import INVISIBLE, json_safe, mark_invisibles, marker
from bot.review.redaction import merge_spans

__all__ = ["highlight", "json_safe", "mark_invisibles", "shown"]


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
