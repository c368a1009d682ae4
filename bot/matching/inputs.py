"""The matching step's inputs, read from the database: the pure core's ``StudentProfile``,
``MentorProfile`` and ``ProgramRules`` for one round.

Who is in a round: the program's active students who are not already in a live match, and its
active mentors (with how many matches they already hold). The gates come from the records the
program keeps (``bot.year.standing``): the permission form with its expiry (``consent_window``;
a roster's bare ``consent`` date counts as a form with no expiry), the clearance and its renewal
date, and the required training (``training_done``; a program with no required module: the
clearance date stands for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from bot.choosing import MentorProfile, ProgramRules, StudentProfile
from bot.profiles.model import ChoosingOptions, ProfileView, choosing_options, load_profiles
from bot.year.settings import local_today
from bot.year.standing import trained_on
from storage import choosing_repo, year_repo
from storage.clock import utcnow
from storage.models import Person, Program
from storage.models_choosing import ChoosingRound

FIRST_GRADE = 9  # P-TECH and NYC CTE career mentoring begin in grade 9

ConsentWindow = Callable[[Session, Person], tuple[date | None, date | None]]
TrainingDone = Callable[[Session, Person, date | None], date | None]


def consent_window(session: Session, person: Person) -> tuple[date | None, date | None]:
    """(signed, expires) of the student's newest permission form that is not withdrawn (the
    matching step checks it against the round's start date); the roster's bare date otherwise."""
    forms = year_repo.consent_forms(session, person.id)  # type: ignore[arg-type]
    if not forms:
        return person.consent_received, None
    newest = forms[0]
    if newest.withdrawn_on is not None:
        return None, None
    return newest.signed_on, newest.expires_on


def training_done(session: Session, person: Person, on: date | None = None) -> date | None:
    """When the mentor finished the last required module, as things stand ``on`` that day (the
    round's start, or today); None while one is missing or expired. A program without required
    modules: their clearance date."""
    if on is None:
        program = session.get(Program, person.program_id)
        assert program is not None
        on = local_today(program, utcnow())
    return trained_on(session, person, on)


@dataclass(frozen=True, slots=True)
class RoundInputs:
    """Everything the pure matching step reads for one round, with the people by key."""

    students: tuple[StudentProfile, ...]
    mentors: tuple[MentorProfile, ...]
    rules: ProgramRules
    people: dict[str, ProfileView]  # person key -> profile view (students and mentors)
    settings: ChoosingOptions


def program_rules(settings: ChoosingOptions, round_: ChoosingRound, program_id: str) -> ProgramRules:
    return ProgramRules(
        as_of=round_.starts_on,
        models=settings.models,
        grades=frozenset(range(FIRST_GRADE, settings.final_grade + 1)),
        max_choices=settings.max_choices,
        max_group_size=dict(settings.max_group_size),
        use_gender_preference=settings.asks_gender_preference,
        draw_seed=round_.draw_seed or f"{program_id}:{round_.key}",
    )


def student_profile(
    session: Session,
    view: ProfileView,
    choices: tuple[str, ...] = (),
    consent: ConsentWindow = consent_window,
) -> StudentProfile:
    signed, expires = consent(session, view.person)
    preference = view.gender_preference if view.gender_preference not in (None, "any") else None
    return StudentProfile(
        id=view.key,
        grade=view.person.grade or 0,
        name=view.name,
        interests=frozenset(view.interests),
        pathway=view.pathway,
        languages=frozenset(view.languages),
        availability=frozenset(view.availability),
        hobbies=frozenset(view.hobbies),
        gender=view.gender,
        gender_preference=preference,
        consent_signed=signed,
        consent_expires=expires,
        choices=choices,
    )


def mentor_profile(
    session: Session, view: ProfileView, load: int, training: TrainingDone = training_done,
    on: date | None = None,
) -> MentorProfile:
    return MentorProfile(
        id=view.key,
        name=view.name,
        employer=view.employer,
        interests=frozenset(view.interests),
        languages=frozenset(view.languages),
        availability=frozenset(view.availability),
        hobbies=frozenset(view.hobbies),
        capacity=1 if view.capacity is None else view.capacity,
        current_matches=load,
        models=view.models or ("one-to-one",),
        grades=frozenset(view.grades),
        pathways=frozenset(view.pathways),
        gender=view.gender,
        team=view.team,
        cleared_on=view.person.cleared_on,
        clearance_expires=view.person.clearance_expires,
        trained_on=training(session, view.person, on),
    )


def round_inputs(session: Session, program_id: str, round_: ChoosingRound) -> RoundInputs:
    """The round's students (with their ranked choices) and mentors, and the program's rules."""
    settings = choosing_options(session, program_id)
    matched = choosing_repo.people_in_live_matches(session, program_id, "student")
    students = [v for v in load_profiles(session, program_id, "student") if v.person.id not in matched]
    mentors = load_profiles(session, program_id, "mentor")
    keys = {v.person.id: v.key for v in mentors}
    ranked: dict[int, list[tuple[int, str]]] = {}
    for choice in choosing_repo.choices(session, round_.id):  # type: ignore[arg-type]
        if choice.mentor_id in keys:
            ranked.setdefault(choice.student_id, []).append((choice.rank, keys[choice.mentor_id]))
    load = choosing_repo.mentor_load(session, program_id, keys)
    return RoundInputs(
        students=tuple(
            student_profile(session, v, tuple(k for _, k in sorted(ranked.get(v.person.id, []))))
            for v in students
        ),
        mentors=tuple(mentor_profile(session, v, load.get(v.person.id, 0), on=round_.starts_on)  # type: ignore[arg-type]
                      for v in mentors),
        rules=program_rules(settings, round_, program_id),
        people={v.key: v for v in students + mentors},
        settings=settings,
    )
