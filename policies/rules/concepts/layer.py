"""The concept layer: runs every concept rule on a message and turns matches into Hits.

One re2 pass over the union of all templates fails on most ordinary chat; when it passes, one
``re2.Set`` pass names the rules present and only those report spans. Each match is then read
in its sentence (negated? reported? an ordinary use?) and weighed by the sender's role. Weak
signals from different concepts in one message add up: together they are strong evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from policies.normalize import blank_mentions, normalize
from policies.regex import PatternSet, alternation, compile_pattern
from policies.rules.concepts.context import negated, reported, window
from policies.rules.concepts.dsl import Rule, compile_template
from policies.types import Action, Hit

STRONG = 1.0
MAX_SPANS_PER_RULE = 5
_WORDISH = compile_pattern(r"[a-z]{2}")


@dataclass(frozen=True, slots=True)
class Match:
    """One concept found in the folded text, after the context checks."""

    rule: Rule
    start: int
    end: int
    weight: float


class ConceptLayer:
    """Compiled concept rules; ``hits`` is pure and cheap when nothing matches."""

    def __init__(self, rules: Iterable[Rule], lexicon: dict[str, str]) -> None:
        self.rules = list(rules)
        ids = [r.id for r in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError("a concept rule id is used twice")
        self._unless = [re.compile(r.unless) if r.unless else None for r in self.rules]
        patterns = [alternation([compile_template(t, lexicon) for t in r.templates])
                    for r in self.rules]
        self._rx = [compile_pattern(p) for p in patterns]
        self._gate = compile_pattern(alternation(patterns)) if patterns else None
        self._set = PatternSet(patterns)

    def matches(self, t: str, role: str) -> list[Match]:
        """Concept matches in folded text ``t`` for a sender in ``role``."""
        if self._gate is None or _WORDISH.search(t) is None or not self._gate.test(t):
            return []
        which = self._set.which(t)
        idx = which if which is not None else range(len(self.rules))
        out: list[Match] = []
        for i in idx:
            r = self.rules[i]
            w = r.weight(role)
            if w <= 0:
                continue
            n = 0
            for m in self._rx[i].finditer(t):
                s, e = _trim(t, m.start(), m.end())
                if e <= s or not self._keep(i, t, s, e):
                    continue
                out.append(Match(r, s, e, w))
                n += 1
                if n >= MAX_SPANS_PER_RULE:
                    break
        return out

    def _keep(self, i: int, t: str, s: int, e: int) -> bool:
        r = self.rules[i]
        if r.negatable and negated(t, s):
            return False
        if r.reportable and reported(t, s, e):
            return False
        unless = self._unless[i]
        return unless is None or unless.search(window(t, s, e)) is None

    def hits(self, text: str, role: str, settings: dict) -> list[Hit]:
        """Hits for ``text`` sent by ``role``; ``settings`` maps a governing rule id to its
        RuleSetting (on/off, action and alert per role, the sender's notice)."""
        norm = normalize(text)
        t = blank_mentions(norm.text)
        found = self.matches(t, role)
        if not found:
            return []
        weak = {m.rule.id: m.weight for m in found
                if m.weight < STRONG and not m.rule.id.startswith("concern.")}
        together = sum(weak.values()) >= STRONG and len(weak) > 1
        out: list[Hit] = []
        for m in found:
            st = settings.get(m.rule.governs)
            if st is None or not st.on:
                continue
            s, e = norm.span(m.start, m.end)
            shown = text[s:e] if e - s <= 120 else text[s:s + 117] + "…"
            strong = m.weight >= STRONG or together or m.rule.id.startswith("concern.")
            if strong:
                action, alert = st.for_role(role)
                note = "" if m.weight >= STRONG else " (several weak signals together)"
            else:
                action, alert, note = Action.ALLOW, False, " (weak signal: delivered, flagged)"
            out.append(Hit(rule=m.rule.id, start=s, end=e, action=action, alert=alert,
                           reason=f"{m.rule.reason}{note} — sent by the {role}: “{shown}”",
                           notice=st.notice, category=m.rule.id.split(".")[0],
                           signal=max(m.weight, STRONG) if strong else m.weight))
        return out


_EDGE = frozenset(" \t\r\n.,;:!\"()[]{}<>-_/\\|*~^`")


def _trim(t: str, s: int, e: int) -> tuple[int, int]:
    """The span without the edge characters and separators the pattern pulled in."""
    while s < e and t[s] in _EDGE:
        s += 1
    while e > s and t[e - 1] in _EDGE:
        e -= 1
    return s, e
