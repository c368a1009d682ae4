"""The Employability Skills Profile: students rate themselves on the program's skills, as often as
they like, and the history is kept so the credit report shows the change over the year.

``/mentorbot skills`` shows the list and the student's latest ratings; ``/mentorbot skills
communication 3, teamwork 2`` records ratings. Staff can enter a paper profile in the desk.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.year.settings import Year, YearError
from storage import audit, year_repo
from storage.models import Person
from storage.models_year import SkillRating

PAIR = re.compile(r"^(?P<name>[^\d=:]+?)\s*[=:]?\s*(?P<rating>\d+)$")


def resolve_skill(word: str, skills: tuple[str, ...]) -> str:
    """The program's skill a student meant (exact, a unique start, or a near spelling)."""
    word = " ".join(word.lower().replace("-", " ").split())
    normal = {s.replace("-", " "): s for s in skills}
    if word in normal:
        return normal[word]
    starts = [s for key, s in normal.items() if key.startswith(word)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(word, list(normal), n=1, cutoff=0.75)
    if close:
        return normal[close[0]]
    raise YearError(f"'{word}' is not one of the skills: {', '.join(skills)}")


def parse_ratings(text: str, year: Year) -> list[tuple[str, int]]:
    """``communication 3, teamwork 2`` as [(skill, rating)]; ``YearError`` naming what is wrong."""
    pairs: dict[str, int] = {}
    for piece in re.split(r"[,;\n]+", text):
        piece = piece.strip()
        if not piece:
            continue
        found = PAIR.match(piece)
        if found is None:
            raise YearError(f"'{piece}' should be a skill and a number, e.g. 'teamwork 3'")
        rating = int(found.group("rating"))
        if not 1 <= rating <= year.skill_scale:
            raise YearError(f"rate {found.group('name').strip()} from 1 to {year.skill_scale}")
        pairs[resolve_skill(found.group("name"), year.skills)] = rating
    if not pairs:
        raise YearError("name a skill and a number, e.g. 'teamwork 3'")
    return list(pairs.items())


def record_ratings(
    session: Session,
    person: Person,
    ratings: list[tuple[str, int]],
    *,
    rated_by: str,
    source: str,
    now: datetime,
) -> list[SkillRating]:
    """Add ratings to the student's history (staff entries are audited)."""
    if person.role != "student":
        raise YearError("the skills profile is a student's")
    rows = [
        SkillRating(
            program_id=person.program_id,
            person_id=person.id,
            skill=skill,
            rating=rating,  # type: ignore[arg-type]
            rated_at=now,
            rated_by=rated_by,
            source=source,
        )
        for skill, rating in ratings
    ]
    session.add_all(rows)
    if rated_by != "self":
        audit.record(
            session,
            program_id=person.program_id,
            actor=rated_by,
            action="skills.record",
            at=now,
            target=f"person:{person.key}",
            detail={"skills": len(rows)},
        )
    session.flush()
    return rows


@dataclass(frozen=True, slots=True)
class SkillHistory:
    skill: str
    ratings: tuple[tuple[datetime, int, str], ...]  # (when, rating, rated by), oldest first

    @property
    def first(self) -> int | None:
        return self.ratings[0][1] if self.ratings else None

    @property
    def latest(self) -> int | None:
        return self.ratings[-1][1] if self.ratings else None


def history(session: Session, year: Year, person: Person) -> list[SkillHistory]:
    """Each skill of the program (then any rated earlier under an old list) with its ratings."""
    by_skill: dict[str, list[tuple[datetime, int, str]]] = {s: [] for s in year.skills}
    for row in year_repo.skill_ratings(session, person.program_id, person.id):  # type: ignore[arg-type]
        by_skill.setdefault(row.skill, []).append((row.rated_at, row.rating, row.rated_by))
    return [SkillHistory(skill, tuple(rows)) for skill, rows in by_skill.items()]


def summary_line(year: Year, rows: list[SkillHistory]) -> str:
    """'communication 2 → 3; teamwork 3' for a chat reply or a report cell."""
    parts = []
    for h in rows:
        if not h.ratings:
            continue
        parts.append(
            f"{h.skill} {h.first}"
            if h.first == h.latest or len(h.ratings) == 1
            else f"{h.skill} {h.first} → {h.latest}"
        )
    return "; ".join(parts)
