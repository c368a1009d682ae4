"""Shared builder for the phrase families: merges the review rounds' additions onto base rules."""

from __future__ import annotations

Rules = dict[str, list[str]]


def merge_rounds(base: Rules, *, v6: Rules | None = None, v6b: Rules | None = None,
                 v7: Rules | None = None, v7b: Rules | None = None) -> Rules:
    """Each base rule's patterns followed by its v6, v7, v7b and then v6b additions.

    That order is the one the rounds have always been merged in; it is kept so the compiled
    alternations stay identical. A round may only extend rule ids its family already has.
    """
    rounds = [r or {} for r in (v6, v7, v7b, v6b)]
    for added in rounds:
        unknown = set(added) - set(base)
        if unknown:
            raise KeyError(f"round adds patterns to unknown rule ids: {sorted(unknown)}")
    return {rid: [*pats, *(p for added in rounds for p in added.get(rid, []))]
            for rid, pats in base.items()}
