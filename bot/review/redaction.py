"""Flagged spans of a message: merge them, and remove them ("approve without the flagged details")."""

from __future__ import annotations

from collections.abc import Iterable

PLACEHOLDER = "[removed]"


def merge_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-empty spans clipped to the text, sorted, with overlapping or touching ones merged."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def redact(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each flagged span with a placeholder."""
    out: list[str] = []
    cursor = 0
    for start, end in merge_spans(text, spans):
        out.append(text[cursor:start])
        out.append(PLACEHOLDER)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
