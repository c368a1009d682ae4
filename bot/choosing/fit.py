"""The fit score: a small, transparent sum of what a student and a mentor have in common.

Mentors rank the students who chose them by this score, and students whose choices cannot be
honoured are proposed to the best-scoring mentor with room. Every point can be read back as a
sentence (``explain_fit``), so a coordinator sees why and can disagree. The weights put career
interest first, as the P-TECH guide does ("career interest, gender, and personality"; personality
shows in the students' own choices after the meet-and-greets). ``fit_points`` is the fast twin
used inside the matching; a property test keeps both in step.

Ties are broken by ``draw``: a number from a hash of the program's draw seed and the pair, so the
same input always gives the same proposal and nobody wins ties because of their id's spelling.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from bot.choosing.eligibility import wants_gender
from bot.choosing.hosts import Host
from bot.choosing.profiles import ProgramRules, StudentProfile

INTEREST_POINTS = 4  # per shared career interest, for up to MAX_INTERESTS of them
MAX_INTERESTS = 2
PATHWAY_POINTS = 2  # the student's pathway is one the mentor prefers
LANGUAGE_POINTS = 2  # a shared language besides the program's common one
SLOT_POINTS = 1  # per shared availability slot, for up to MAX_SLOTS
MAX_SLOTS = 3
HOBBY_POINTS = 1  # per shared hobby, for up to MAX_HOBBIES
MAX_HOBBIES = 2
GENDER_POINTS = 3  # the mentor meets the student's gender preference (if the program reads it)
MAX_POINTS = (INTEREST_POINTS * MAX_INTERESTS + PATHWAY_POINTS + LANGUAGE_POINTS + SLOT_POINTS * MAX_SLOTS
              + HOBBY_POINTS * MAX_HOBBIES + GENDER_POINTS)


@dataclass(frozen=True, slots=True)
class Fit:
    """A fit score with its reasons, e.g. points 11, parts ("shares career interests: …", …)."""

    points: int
    parts: tuple[str, ...]
    shared_interests: tuple[str, ...]

    def text(self) -> str:
        """"shares career interests: nursing; both free: tue-pm (fit 5)"."""
        said = "; ".join(self.parts) if self.parts else "nothing in common listed"
        return f"{said} (fit {self.points})"


def fit_points(student: StudentProfile, host: Host, rules: ProgramRules) -> int:
    """The fit score only; must equal ``explain_fit(...).points``."""
    points = INTEREST_POINTS * min(MAX_INTERESTS, len(student.interests & host.interests))
    if student.pathway and student.pathway in host.pathways:
        points += PATHWAY_POINTS
    if (student.languages & host.languages) - {rules.common_language}:
        points += LANGUAGE_POINTS
    points += SLOT_POINTS * min(MAX_SLOTS, len(student.availability & host.availability))
    points += HOBBY_POINTS * min(MAX_HOBBIES, len(student.hobbies & host.hobbies))
    wanted = wants_gender(student, rules)
    if wanted is not None and wanted in host.genders:
        points += GENDER_POINTS
    return points


def explain_fit(student: StudentProfile, host: Host, rules: ProgramRules) -> Fit:
    """The fit score with a sentence per reason, shared tags sorted so the text never varies."""
    parts: list[str] = []
    points = 0
    interests = sorted(student.interests & host.interests)
    if interests:
        points += INTEREST_POINTS * min(MAX_INTERESTS, len(interests))
        parts.append(f"shares career interest{'s' * (len(interests) > 1)}: {', '.join(interests)}")
    if student.pathway and student.pathway in host.pathways:
        points += PATHWAY_POINTS
        parts.append(f"the {student.pathway} pathway is one the mentor prefers")
    languages = sorted((student.languages & host.languages) - {rules.common_language})
    if languages:
        points += LANGUAGE_POINTS
        parts.append(f"both speak {' and '.join(lang.title() for lang in languages)}")
    slots = sorted(student.availability & host.availability)
    if slots:
        points += SLOT_POINTS * min(MAX_SLOTS, len(slots))
        parts.append(f"both free: {', '.join(slots)}")
    hobbies = sorted(student.hobbies & host.hobbies)
    if hobbies:
        points += HOBBY_POINTS * min(MAX_HOBBIES, len(hobbies))
        parts.append(f"both enjoy {', '.join(hobbies)}")
    wanted = wants_gender(student, rules)
    if wanted is not None and wanted in host.genders:
        points += GENDER_POINTS
        parts.append(f"a {wanted} mentor, as {student.display} asked")
    return Fit(points, tuple(parts), tuple(interests))


def draw(seed: str, student_id: str, host_key: str) -> int:
    """The fixed tie-break draw for a pair: the same seed and ids always give the same number.

    Each id is hashed once (BLAKE2b, cached) and the pair mixed with SplitMix64's finaliser, which
    keeps the draw cheap enough for every student-mentor pair of a 2,000 x 600 program.
    """
    z = (_id_hash(seed, student_id) ^ _rotate(_id_hash(seed, host_key))) + 0x9E3779B97F4A7C15
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


_MASK = (1 << 64) - 1


@lru_cache(maxsize=65536)
def _id_hash(seed: str, key: str) -> int:
    data = f"{seed}\x1f{key}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _rotate(value: int) -> int:
    return ((value << 29) | (value >> 35)) & _MASK  # so (a, b) and (b, a) draw differently
