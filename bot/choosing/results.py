"""What the matching step hands back: proposed matches with reasons, who is left and why, figures.

Everything is plain frozen data, ordered (matches by mentor id, students by id), so the desk can
show it, the chat commands can summarise it and a test can compare two runs for equality.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.choosing.fit import Fit


def ordinal(n: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def capital(text: str) -> str:
    """The text with its first letter in upper case (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Placement:
    """One student's place in a proposed match and why they are there."""

    student_id: str
    choice_rank: int | None  # 1 = their 1st choice honoured …; None = proposed by fit
    fit: Fit
    reason: str  # for the coordinator: the choice honoured, what they share, why not a higher choice
    warnings: tuple[str, ...] = ()

    @property
    def by_fit(self) -> bool:
        return self.choice_rank is None


@dataclass(frozen=True, slots=True)
class ProposedMatch:
    """A match to confirm: one mentoring model, its mentors and its students' placements."""

    key: str  # stable within a proposal, e.g. "m-dana-ortiz/1"
    model: str  # one-to-one | small-group | team | large-group
    mentor_ids: tuple[str, ...]
    placements: tuple[Placement, ...]
    warnings: tuple[str, ...] = ()  # e.g. a group below its model's minimum

    @property
    def student_ids(self) -> tuple[str, ...]:
        return tuple(p.student_id for p in self.placements)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A mentor (or team) the coordinator could place a student with by hand, and why."""

    mentor_ids: tuple[str, ...]
    fit: Fit
    places_open: int  # students the mentor or team could still take
    reason: str


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A student with no proposal: why, who could take them, and what to do next."""

    student_id: str
    code: str  # no-consent | consent-expired | grade-outside-program | choices-not-honoured | no-choices
    reason: str
    suggestions: tuple[Suggestion, ...] = ()
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LeftOutMentor:
    """A mentor who could not be proposed this round (not cleared, no places, …)."""

    mentor_id: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Places:
    """A mentor's (or team's) places: how many students they could take and how many are proposed."""

    host_key: str
    mentor_ids: tuple[str, ...]
    seats: int
    proposed: int

    @property
    def open(self) -> int:
        return self.seats - self.proposed


@dataclass(frozen=True, slots=True)
class Summary:
    """The round in figures."""

    students: int
    with_choices: int  # students who named at least one mentor
    by_rank: tuple[int, ...]  # by_rank[0]: students given their 1st choice, …
    by_fit: int
    unmatched: int
    unmatched_by_code: tuple[tuple[str, int], ...]
    matches: int
    mentors_proposed: int
    places_open: int

    def share(self, rank: int) -> float:
        """The share (0–1) of all students given their ``rank``-th choice."""
        count = self.by_rank[rank - 1] if 0 < rank <= len(self.by_rank) else 0
        return count / self.students if self.students else 0.0

    def lines(self) -> tuple[str, ...]:
        """The figures as sentences, for the desk and a chat reply."""
        def part(count: int) -> str:
            return f"{count} ({100 * count / self.students:.1f} %)" if self.students else "0"

        ranks = ", ".join(f"{part(c)} their {ordinal(i + 1)} choice" for i, c in enumerate(self.by_rank))
        out = [f"{self.students} students, {self.with_choices} of them with choices: {ranks}; "
               f"{part(self.by_fit)} proposed by fit; {part(self.unmatched)} not proposed."]
        if self.unmatched_by_code:
            causes = ", ".join(f"{n} {code}" for code, n in self.unmatched_by_code)
            out.append(f"Not proposed: {causes}.")
        out.append(f"{self.matches} matches with {self.mentors_proposed} mentors; "
                   f"{self.places_open} student places still open.")
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Proposal:
    """The whole proposal for the coordinator to review and confirm."""

    matches: tuple[ProposedMatch, ...]
    unmatched: tuple[Unmatched, ...]
    left_out: tuple[LeftOutMentor, ...]
    places: tuple[Places, ...]
    summary: Summary

    def match_of(self, student_id: str) -> ProposedMatch | None:
        return next((m for m in self.matches if student_id in m.student_ids), None)

    def placement_of(self, student_id: str) -> Placement | None:
        match = self.match_of(student_id)
        return None if match is None else next(p for p in match.placements if p.student_id == student_id)
