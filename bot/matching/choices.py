"""Recording what students choose and what mentors offer, from chat, the desk or the CLI.

A student ranks up to ``max_choices`` mentors (1st first); a mentor states how many matches they
will take, the models they offer, the grades they take and the pathways they would like. Students
choose while the round is open; a coordinator may enter or correct choices until the round is
matched (a student who filled in a paper form, say). Every change is audited.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, delete

from bot.choosing.eligibility import grade_block
from bot.choosing.profiles import MentorProfile
from bot.choosing.results import ordinal
from bot.matching.rounds import ChoosingError, current_or_fail
from bot.profiles.editing import profile_row, store_changes
from bot.profiles.model import choosing_options, load_profile
from bot.roster.schema import CHOOSING_MODELS
from storage import audit, choosing_repo, repo, roster_repo
from storage.models import Person
from storage.models_choosing import Choice, ChoosingRound


class ChoiceError(ChoosingError):
    """What someone chose cannot be recorded; ``field`` names the menu at fault (rank1, capacity...)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Offer:
    """A mentor's capacity and preferences."""

    capacity: int
    models: tuple[str, ...] = ()
    grades: tuple[int, ...] = ()
    pathways: tuple[str, ...] = ()


def record_choices(
    engine: Engine,
    program_id: str,
    student_key: str,
    mentor_keys: Sequence[str | None],
    *,
    now: datetime,
    actor: str,
    via: str,
    by_coordinator: bool = False,
) -> list[str]:
    """Replace the student's choices: ``mentor_keys[0]`` is the 1st (None leaves a rank empty).

    Returns the chosen mentors' names in rank order; raises ChoiceError naming the rank at fault.
    """
    with Session(engine) as session:
        round_ = _round_taking_choices(session, program_id, by_coordinator)
        student = _person(session, program_id, student_key, "student")
        if student.id in choosing_repo.people_in_live_matches(session, program_id, "student"):
            raise ChoiceError(f"{student.display_name} already has a mentor")
        most = choosing_options(session, program_id).max_choices
        if len(mentor_keys) > most:
            raise ChoiceError(f"choose at most {most} mentors")
        names = _check_mentors(session, program_id, student, mentor_keys)
        session.exec(delete(Choice).where(Choice.round_id == round_.id,  # type: ignore[arg-type]
                                          Choice.student_id == student.id))
        people = roster_repo.people_by_key(session, program_id)
        for rank, key in enumerate(mentor_keys, start=1):
            if key:
                session.add(Choice(program_id=program_id, round_id=round_.id, student_id=student.id,  # type: ignore[arg-type]
                                   rank=rank, mentor_id=people[key].id, made_at=now, made_by=actor, via=via))  # type: ignore[arg-type]
        audit.record(session, program_id=program_id, actor=actor, action="choice.record", at=now,
                     target=f"person:{student.key}",
                     detail={"round": round_.key, "mentors": [k or None for k in mentor_keys], "via": via})
        session.commit()
        return names


def _round_taking_choices(session: Session, program_id: str, by_coordinator: bool) -> ChoosingRound:
    """The current round, if choices may be recorded now (students: while it is open;
    a coordinator: until its matches are made)."""
    round_ = current_or_fail(session, program_id)
    if round_.state == "open" or (by_coordinator and round_.state in ("planned", "closed")):
        return round_
    if round_.state == "planned":
        raise ChoiceError("choosing is not open right now; your coordinator will say when it opens")
    raise ChoiceError("choosing is closed; ask your coordinator if you need to change your choices")


def _person(session: Session, program_id: str, key: str, role: str) -> Person:
    person = repo.person_by_key(session, program_id, key)
    if person is None or person.role != role or not person.active:
        raise ChoiceError(f"there is no active {role} '{key}' in this program")
    return person


def _check_mentors(
    session: Session, program_id: str, student: Person, keys: Sequence[str | None]
) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for rank, key in enumerate(keys, start=1):
        if not key:
            continue
        field = f"rank{rank}"
        mentor = repo.person_by_key(session, program_id, key)
        if mentor is None or mentor.role != "mentor" or not mentor.active:
            raise ChoiceError(f"there is no mentor '{key}' to choose in this program", field)
        if key in seen:
            raise ChoiceError(
                f"{mentor.display_name} is already your {ordinal(seen[key])} choice; choose "
                "someone else, or leave this one empty",
                field,
            )
        seen[key] = rank
        view = load_profile(session, mentor)
        blocked = grade_block(
            _student_stub(student),
            [MentorProfile(id=key, name=mentor.display_name, grades=frozenset(view.grades))],
        )
        if blocked:
            raise ChoiceError(blocked, field)
        names.append(mentor.display_name)
    return names


def _student_stub(student: Person):  # type: ignore[no-untyped-def]
    from bot.choosing.profiles import StudentProfile

    return StudentProfile(id=student.key, grade=student.grade or 0)


def record_offer(
    engine: Engine, program_id: str, mentor_key: str, offer: Offer, *, now: datetime, actor: str, via: str
) -> None:
    """A mentor's capacity and preferences, stored on their profile (audited)."""
    with Session(engine) as session:
        mentor = _person(session, program_id, mentor_key, "mentor")
        settings = choosing_options(session, program_id)
        if not 0 <= offer.capacity <= 20:
            raise ChoiceError("capacity is how many matches you can take: 0 to 20", "capacity")
        wrong = [m for m in offer.models if m not in settings.models or m not in CHOOSING_MODELS]
        if wrong:
            raise ChoiceError(f"this program does not use {wrong[0]}", "models")
        values = {"capacity": offer.capacity, "models_json": json.dumps(list(offer.models)),
                  "grades_json": json.dumps(sorted(set(offer.grades))),
                  "pathways_json": json.dumps(list(offer.pathways), ensure_ascii=False)}
        store_changes(session, profile_row(session, mentor, now), mentor, values, now=now, actor=actor,
                      detail={"via": via})
        session.commit()
