"""The working state of one proposal round, shared by the steps that build it (not returned)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.choosing.choices import ResolvedChoices
from bot.choosing.fit import draw, fit_points
from bot.choosing.hosts import HostTable
from bot.choosing.profiles import MentorProfile, ProgramRules, StudentProfile

Priority = tuple[int, int, str]  # (fit points, draw, student id): higher is preferred by the host


@dataclass(slots=True)
class RoundState:
    rules: ProgramRules
    students: dict[str, StudentProfile]
    mentors: dict[str, MentorProfile]
    table: HostTable
    choices: dict[str, ResolvedChoices] = field(default_factory=dict)
    by_choice: dict[str, str] = field(default_factory=dict)  # student -> host, from their choices
    by_fit: dict[str, str] = field(default_factory=dict)  # student -> host, proposed by fit
    best_by_fit: dict[str, str] = field(default_factory=dict)  # student -> best host with room then
    _points: dict[tuple[str, str], int] = field(default_factory=dict)

    def points(self, student_id: str, host_key: str) -> int:
        key = (student_id, host_key)
        cached = self._points.get(key)
        if cached is None:
            cached = fit_points(self.students[student_id], self.table.hosts[host_key], self.rules)
            self._points[key] = cached
        return cached

    def priority(self, student_id: str, host_key: str) -> Priority:
        """How a host orders the students who chose it: fit, then the fixed draw."""
        return (self.points(student_id, host_key), draw(self.rules.draw_seed, student_id, host_key),
                student_id)

    def placed(self) -> dict[str, str]:
        return {**self.by_choice, **self.by_fit}
