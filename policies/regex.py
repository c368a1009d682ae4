"""One switch between google-re2 (linear time, fast) and Python ``re`` for rule patterns.

Rule patterns are written in the common subset of both engines (no look-around, no
back-references) and every repetition that precedes a required literal is bounded, so the
``re`` fallback stays linear in the text length where the re2 wheel is missing.
Set ``MENTORBOT_POLICY_REGEX=re`` to force the fallback (the tests do).
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from typing import Any

from policies.heap import return_freed_memory

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

    __slots__ = ("_rx", "_raw", "_anchor", "pattern", "__weakref__")
    cheap_test = True  # ``test`` before ``finditer`` pays off

    def __init__(self, rx: Any) -> None:
        self._use(rx)
        _register(self)

    def rebuild(self) -> None:
        """Compile the pattern afresh: the old object, and the DFA states it has cached, go."""
        self._use(_re2.compile(self.pattern, options=_re2_options))

    def _use(self, rx: Any) -> None:
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


# Every re2 pattern and set compiled in this process, for ``CacheGuard`` (weakly: a policy that
# is dropped takes its patterns with it).
_COMPILED: weakref.WeakSet[Any] = weakref.WeakSet()
_COMPILED_LOCK = threading.Lock()  # a concept template compiled in one thread while another rebuilds


def _register(item: Any) -> None:
    with _COMPILED_LOCK:
        _COMPILED.add(item)


def rebuild_all() -> int:
    """Compile every live re2 pattern and set afresh; returns how many. re2 builds each pattern's
    DFA lazily, as new text arrives, and keeps it (up to ``max_mem`` per pattern): a process that
    has read tens of thousands of distinct messages holds 150–200 MB of DFA states
    (benchmarks/memory_growth.py). The matches are the same before and after."""
    with _COMPILED_LOCK:
        items = list(_COMPILED)
    for item in items:
        item.rebuild()
    return len(items)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0  # no /proc: the guard never fires


class CacheGuard:
    """Bounds the memory re2's DFA caches take: every ``every`` evaluations it reads the process's
    resident memory, and when that has grown by more than ``budget_mb`` since the last rebuild
    (or the first look) it rebuilds every pattern (≈ 0.6 s for the ≈ 1,500 of a policy, so at
    most once per ``every`` messages, in practice once per several thousand)."""

    def __init__(self, budget_mb: float, every: int = 1000, rss=_rss_mb) -> None:
        self.budget_mb, self.every, self._rss = budget_mb, every, rss
        self._count = 0
        self._baseline: float | None = None
        self._lock = threading.Lock()
        self.rebuilds = 0

    def note(self) -> None:
        """One evaluation happened (cheap: a counter; a look at memory every ``every``)."""
        self._count += 1
        if self._count % self.every or ENGINE != "re2" or self.budget_mb <= 0:
            return
        if not self._lock.acquire(blocking=False):
            return  # another thread is looking or rebuilding
        try:
            now = self._rss()
            if self._baseline is None or now < self._baseline:
                self._baseline = now
            elif now - self._baseline > self.budget_mb:
                rebuild_all()
                return_freed_memory()  # the freed DFA states
                self.rebuilds += 1
                self._baseline = self._rss()
        finally:
            self._lock.release()


def _budget_from_env() -> float:
    raw = os.environ.get("MENTORBOT_REGEX_CACHE_MB", "").strip()
    try:
        return float(raw) if raw else 96.0
    except ValueError:
        return 96.0


# One guard per process (the caches are per pattern, and patterns are shared between policies).
CACHE_GUARD = CacheGuard(_budget_from_env())


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
        self._patterns = list(patterns)
        if ENGINE != "re2" or _re2 is None:
            return
        _register(self)
        self.rebuild()

    def rebuild(self) -> None:
        """Compile the set afresh (see ``_Re2Pattern.rebuild``)."""
        patterns = self._patterns
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
