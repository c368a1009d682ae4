"""One switch between google-re2 (linear time, fast) and Python ``re`` for rule patterns.

Rule patterns are written in the common subset of both engines (no look-around, no
back-references) and every repetition that precedes a required literal is bounded, so the
``re`` fallback stays linear in the text length where the re2 wheel is missing.
Set ``MENTORBOT_POLICY_REGEX=re`` to force the fallback (the tests do).
"""

from __future__ import annotations

import os
import re
from typing import Any

# The one environment read outside bot/settings.py: the engine is chosen when this module is
# imported, before any settings object exists, and policies/ stays independent of bot/.
_FORCE = os.environ.get("MENTORBOT_POLICY_REGEX", "").strip().lower()

try:  # pragma: no branch - depends on the platform's wheels
    if _FORCE == "re":
        raise ImportError("forced fallback")
    import re2 as _re2

    _re2_options = _re2.Options()
    # A cap, not an allocation: the phrase alternation is ~100 KB of pattern, and with less
    # room re2 logs "DFA out of memory" and falls back to its (slower) NFA.
    _re2_options.max_mem = 256 << 20
    ENGINE = "re2"
except ImportError:  # the wheel is missing (or the fallback is forced)
    _re2 = None
    ENGINE = "re"


class _Re2Pattern:
    """A compiled re2 pattern plus ``test``: a match-or-not answer without the Python-level
    match object and offset bookkeeping of the re2 wrapper (about 1 µs less per call)."""

    __slots__ = ("_rx", "_raw", "_anchor", "pattern")
    cheap_test = True  # ``test`` before ``finditer`` pays off

    def __init__(self, rx: Any) -> None:
        self._rx = rx
        self.pattern = rx.pattern
        raw = getattr(rx, "_regexp", None)
        anchor = getattr(getattr(_re2, "_Anchor", None), "UNANCHORED", None)
        self._raw, self._anchor = None, None
        if raw is not None and anchor is not None:
            try:  # the wheel's internal API: use it only if it answers as expected
                if raw.Match(anchor, b"", 0, 0)[0] is not None:
                    self._raw, self._anchor = raw, anchor
            except Exception:  # pragma: no cover - a different wheel version
                pass

    def test(self, text: str) -> bool:
        if self._raw is None:
            return self._rx.search(text) is not None
        b = text.encode("utf-8")
        return self._raw.Match(self._anchor, b, 0, len(b))[0][0] != -1

    def search(self, text: str, *args: Any) -> Any:
        return self._rx.search(text, *args)

    def finditer(self, text: str, *args: Any) -> Any:
        return self._rx.finditer(text, *args)

    def findall(self, text: str, *args: Any) -> Any:
        return self._rx.findall(text, *args)

    def sub(self, repl: Any, text: str, count: int = 0) -> Any:
        return self._rx.sub(repl, text, count)


class _RePattern:
    """The ``re`` fallback with the same small interface."""

    __slots__ = ("_rx", "pattern", "search", "finditer", "findall", "sub")
    cheap_test = False  # a failed ``test`` costs as much as ``finditer``: skip it as a gate

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx
        self.pattern = rx.pattern
        self.search, self.finditer, self.findall, self.sub = (
            rx.search, rx.finditer, rx.findall, rx.sub)

    def test(self, text: str) -> bool:
        return self._rx.search(text) is not None


def compile_pattern(pattern: str, *, engine: str | None = None) -> Any:
    """Compile with re2 when available; both expose ``test``/``search``/``finditer``."""
    use = engine or ENGINE
    if use == "re2" and _re2 is not None:
        return _Re2Pattern(_re2.compile(pattern, options=_re2_options))
    return _RePattern(re.compile(pattern))


class PatternSet:
    """Which of several patterns occur in a text, in one re2 pass (``re2.Set``).

    ``which`` returns the indices found, or None when the set is unavailable or cannot answer
    (then the caller tests the patterns one by one; an empty answer is never trusted alone).
    """

    def __init__(self, patterns: list[str]) -> None:
        self._set = None
        if ENGINE != "re2" or _re2 is None:
            return
        try:
            rs = _re2.Set.SearchSet(_re2_options)
            for p in patterns:
                rs.Add(p)
            rs.Compile()
            self._set = rs
        except Exception:  # pragma: no cover - an older wheel without Set
            self._set = None

    def which(self, text: str) -> list[int] | None:
        if self._set is None:
            return None
        try:
            found = self._set.Match(text)
        except Exception:  # pragma: no cover
            return None
        return sorted(found) if found else None


def alternation(patterns: list[str]) -> str:
    """Join patterns into one non-capturing alternation."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"
