"""Profiles for the choosing tests: cleared, trained mentors and students with a form, by default,
and a hypothesis strategy for whole small programs."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import strategies as st

from bot.choosing import MentorProfile, ProgramRules, StudentProfile

AS_OF = date(2025, 9, 15)
RULES = ProgramRules(as_of=AS_OF)


def mentor(mid: str, **fields: object) -> MentorProfile:
    base: dict[str, object] = {"name": mid.replace("-", " ").title(),
                               "cleared_on": AS_OF - timedelta(days=30),
                               "trained_on": AS_OF - timedelta(days=20)}
    base.update(fields)
    return MentorProfile(mid, **base)  # type: ignore[arg-type]


def student(sid: str, grade: int = 10, **fields: object) -> StudentProfile:
    base: dict[str, object] = {"name": sid.title(), "consent_signed": AS_OF - timedelta(days=10)}
    base.update(fields)
    return StudentProfile(sid, grade, **base)  # type: ignore[arg-type]


TAGS = ["software", "nursing", "law", "finance", "design"]
LANGS = ["english", "spanish", "chinese"]
SLOTS = ["mon-pm", "tue-pm", "wed-pm", "thu-pm"]
HOBBIES = ["chess", "music", "robotics"]
PATHWAYS = ["computer science", "health"]
MODELS = ["one-to-one", "small-group", "team", "large-group"]


@st.composite
def programs(draw: st.DrawFn) -> tuple[list[StudentProfile], list[MentorProfile], ProgramRules]:
    """A small random program: a few mentors (some uncleared, some in teams), up to 16 students.

    Hypothesis draws the sizes and a seed; the profiles come from ``random.Random(seed)``, which
    keeps an example under a millisecond to build (drawing every field costs ~20 ms) and still
    replays exactly from the seed Hypothesis reports.
    """
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    mentors = [_random_mentor(f"m{n}", rng) for n in range(draw(st.integers(1, 7)))]
    ids = [m.id for m in mentors] + ["gone"]
    students = [_random_student(f"s{n}", ids, rng) for n in range(draw(st.integers(0, 16)))]
    rules = ProgramRules(
        as_of=AS_OF, models=tuple(rng.sample(MODELS, rng.randint(1, 4))),
        max_group_size=rng.choice([{}, {"small-group": 3}, {"team": 2, "large-group": 8}]),
        use_gender_preference=rng.random() < 0.5, propose_by_fit=rng.random() < 0.7,
        fit_needs_shared_interest=rng.random() < 0.5, draw_seed=rng.choice(["", "2025"]))
    return students, mentors, rules


def _some(rng: random.Random, pool: list[str], most: int) -> frozenset[str]:
    return frozenset(rng.sample(pool, rng.randint(0, most)))


def _random_mentor(mid: str, rng: random.Random) -> MentorProfile:
    return MentorProfile(
        mid, employer=rng.choice(["Acme", "Beta"]), interests=_some(rng, TAGS, 3),
        languages=_some(rng, LANGS, 2), availability=_some(rng, SLOTS, 2), hobbies=_some(rng, HOBBIES, 2),
        pathways=_some(rng, PATHWAYS, 1), capacity=rng.randint(0, 3), current_matches=rng.randint(0, 1),
        models=tuple(rng.sample(MODELS, rng.randint(1, 3))),
        grades=rng.choice([frozenset(), frozenset({11, 12}), frozenset({9, 10})]),
        gender=rng.choice([None, "woman", "man"]), team=rng.choice([None, None, None, "t1", "t2"]),
        cleared_on=AS_OF if rng.random() < 0.85 else None,
        clearance_expires=rng.choice([None, None, AS_OF - timedelta(days=1)]),
        trained_on=AS_OF if rng.random() < 0.85 else None)


def _random_student(sid: str, mentor_ids: list[str], rng: random.Random) -> StudentProfile:
    return StudentProfile(
        sid, rng.randint(8, 13), interests=_some(rng, TAGS, 3), languages=_some(rng, LANGS, 2),
        availability=_some(rng, SLOTS, 2), hobbies=_some(rng, HOBBIES, 2), pathway=rng.choice(PATHWAYS),
        gender=rng.choice([None, "girl", "boy"]),
        gender_preference=rng.choice([None, None, "woman", "man"]),
        consent_signed=AS_OF if rng.random() < 0.85 else None,
        consent_expires=rng.choice([None, AS_OF + timedelta(days=200), AS_OF - timedelta(days=3)]),
        choices=tuple(rng.sample(mentor_ids, rng.randint(0, min(3, len(mentor_ids))))))
