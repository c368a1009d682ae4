"""Anchor words: the words a template cannot match without, for a cheap exact pre-filter.

Every element of a template starts and ends at word edges and its words are separated by
non-word characters, so every word of each of its forms occurs in the message as a whole
token. ``first_words`` picks, for each form of a regex fragment, its rarest word (or None
when the fragment is open-ended, like ``\\$[0-9]+``): a template whose
required elements' anchor words are not all among the message's tokens cannot match, and
its regex is never run. The filter only skips work; it never changes a decision.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

# The stdlib's own regex parser: the exact way to enumerate what a fragment matches.
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]

_LIMIT = 400
_WORD_RUN = re.compile(r"[a-z0-9']+")
# Tokens of a message: words, plus single characters some forms start with (emoji, "<3").
TOKEN = re.compile(r"[a-z0-9']+|[^\x00-\x7f]|[<$@#\"]")
_SYMBOL_START = set('<$@#"')


def tokens(text: str) -> set[str]:
    """The message's tokens (``TOKEN``)."""
    return set(TOKEN.findall(text))


def _load_ranks() -> dict[str, int]:
    path = Path(__file__).resolve().parents[2] / "data" / "common_words.txt"
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words += line.split("#", 1)[0].split()
    return {w: i for i, w in enumerate(words)}


# Rank of each frequent word in ordinary chat (0 = most frequent); words not listed are rare.
RANK = _load_ranks()
_RARE = len(RANK) + 1
COMMON = frozenset(w for w, r in RANK.items() if r < 60)


def frequency(word: str) -> float:
    """A rough share of messages holding ``word`` (for choosing anchors, never deciding)."""
    r = RANK.get(word)
    return 1.0 / (r + 2) if r is not None else 1.0 / (_RARE * 4 + len(word))


def _enumerate(parsed, limit: int) -> list[str] | None:
    """All strings a parsed regex sequence matches, or None if open-ended or too many."""
    outs = [""]
    for op, av in parsed:
        if op is _c.LITERAL:
            choices = [chr(av)]
        elif op is _c.IN:
            choices = []
            for kind, val in av:
                if kind is _c.LITERAL:
                    choices.append(chr(val))
                elif kind is _c.RANGE:
                    choices += [chr(c) for c in range(val[0], val[1] + 1)]
                else:
                    return None
        elif op is _c.SUBPATTERN:
            choices = _enumerate(av[-1], limit)
        elif op is _c.BRANCH:
            choices = []
            for alt in av[1]:
                sub = _enumerate(alt, limit)
                if sub is None:
                    return None
                choices += sub
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, sub = av
            if hi > 3:
                return None
            one = _enumerate(sub, limit)
            if one is None:
                return None
            choices, cur = ([""] if lo == 0 else []), [""]
            for n in range(1, hi + 1):
                cur = [a + b for a in cur for b in one]
                if n >= lo:
                    choices += cur
                if len(choices) > limit:
                    return None
        elif op is _c.AT:
            continue
        else:
            return None
        if choices is None:
            return None
        outs = [o + c for o in outs for c in choices]
        if len(outs) > limit:
            return None
    return outs


@cache
def first_words(fragment: str) -> frozenset[str] | None:
    """The token each string of ``fragment`` starts with ("_" separates words), or None."""
    try:
        parsed = _sre.parse(fragment.replace("_", " "))
    except re.error:
        return None
    strings = _enumerate(parsed, _LIMIT)
    if strings is None:
        return None
    words = set()
    for s in strings:
        runs = _WORD_RUN.findall(s)
        if runs:  # any word of the form is necessary: take the rarest-looking one
            if ord(s[0]) > 127 or s[0] in _SYMBOL_START:
                words.add(s[0])  # "<3": the symbol is rarer than the digit
            else:
                words.add(min(runs, key=frequency))
        elif s and (ord(s[0]) > 127 or s[0] in _SYMBOL_START):
            words.add(s[0])
        else:
            return None
    return frozenset(words)


def class_words(spec: str, inflect: str) -> frozenset[str] | None:
    """Anchor words of a word class spec (see ``dsl.forms``), or None."""
    words: set[str] = set()
    for form in spec.split():
        fw = first_words(form.replace("%", inflect))
        if fw is None:
            return None
        words |= fw
    return frozenset(words)


def commonness(words: frozenset[str]) -> float:
    """How likely a message holds one of ``words`` (lower filters better)."""
    return sum(frequency(w) for w in words)
