"""Line-numbered problems in a file a coordinator or teacher wrote (roster, topic calendar).

Every check collects all problems before anything is written, so one run lists everything to fix.
"""

from __future__ import annotations

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
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)
