"""Line-numbered problems in a file a coordinator or teacher wrote (roster, topic calendar).

Every check collects all problems before anything is written, so one run lists everything to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineProblem:
    """One thing wrong with a file: where (1-based line) and what to do about it."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class FileProblems(Exception):
    """The file has problems; nothing was written. ``problems`` lists all of them, by line."""

    def __init__(self, problems: list[LineProblem], *, path: str = "") -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{self.path}: " if self.path else ""
        count = len(self.problems)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''}, nothing was written:"]
        lines += grouped(self.problems)
        return "\n".join(lines)


def _kind(message: str) -> str:
    """What a problem says with its particulars (quoted names, numbers) blanked: its kind."""
    return re.sub(r"'[^']*'", "'…'", re.sub(r"\d+", "N", message))


def grouped(problems: list[LineProblem], *, examples: int = 3, max_kinds: int = 10) -> list[str]:
    """Problems to print, one kind after another: each kind's first ``examples`` in full, then how
    many more like it and on which lines; at most ``max_kinds`` kinds, then a count of the rest.

    A roster with 3,000 students missing the same date prints a dozen lines, not 3,000 (issue 12).
    """
    kinds: dict[str, list[LineProblem]] = {}
    for problem in problems:
        kinds.setdefault(_kind(problem.message), []).append(problem)
    out: list[str] = []
    for number, items in enumerate(kinds.values()):
        if number == max_kinds:
            rest = list(kinds.values())[max_kinds:]
            out.append(f"  … and {sum(len(r) for r in rest)} more problem(s) of {len(rest)} other kind(s); "
                       "fix these first and check again")
            break
        out += [f"  {p}" for p in items[:examples]]
        if len(items) > examples:
            more = items[examples:]
            where = ", ".join(str(p.line) for p in more[:8]) + (", …" if len(more) > 8 else "")
            out.append(f"    … and {len(more)} more like this (lines {where})")
    return out
