"""Remove the flagged spans of a message ("approve without the flagged details")."""

from __future__ import annotations

from collections.abc import Iterable

PLACEHOLDER = "[removed]"


def redact(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each non-empty span with a placeholder; overlapping spans merge into one."""
    ordered = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s)
    merged: list[list[int]] = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    cursor = 0
    for start, end in merged:
        out.append(text[cursor:start])
        out.append(PLACEHOLDER)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
