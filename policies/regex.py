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

_FORCE = os.environ.get("MENTORBOT_POLICY_REGEX", "").strip().lower()

try:  # pragma: no branch - depends on the platform's wheels
    if _FORCE == "re":
        raise ImportError("forced fallback")
    import re2 as _re2

    _re2_options = _re2.Options()
    _re2_options.max_mem = 64 << 20
    ENGINE = "re2"
except ImportError:  # the wheel is missing (or the fallback is forced)
    _re2 = None
    ENGINE = "re"


def compile_pattern(pattern: str, *, engine: str | None = None) -> Any:
    """Compile with re2 when available; both engines expose ``search``/``finditer``."""
    use = engine or ENGINE
    if use == "re2" and _re2 is not None:
        return _re2.compile(pattern, options=_re2_options)
    return re.compile(pattern)


def alternation(patterns: list[str]) -> str:
    """Join patterns into one non-capturing alternation."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"
