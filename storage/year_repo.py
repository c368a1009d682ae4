"""The queries of the program year (issue 14): records, expectations, check-ins, reflections,
skills, feedback and activities. Insert-or-ignore where a unique key is an exactly-once guard."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, or_
from sqlmodel import Session, col, select

from storage import blind_index
from storage.bulk import insert_ignore
from storage.encryption import keyring_of
from storage.models import Match, MatchMember, MessageLog, Person, SupervisedChannel
from storage.models_prompts import PromptPost
from storage.models_year import (
    Activity,
    ActivityAttendee,
    CheckinAnswer,
    CheckinPost,
    ConsentForm,
    ExpectationsAck,
    ExpectationsPost,
    ExpectationsTemplate,
    MentorFeedback,
    ProgramTerm,
    Reflection,
    ReflectionPrompt,
    SkillRating,
    TrainingModule,
    TrainingRecord,
)

# -- records: permission forms, training ------------------------------------------------------------


# the relay's gates read these for every message a student or mentor sends: built once
_CONSENT_FORMS = (select(ConsentForm).where(ConsentForm.person_id == bindparam("person"))
                  .order_by(col(ConsentForm.signed_on).desc(), col(ConsentForm.id).desc()))
_MODULES = (select(TrainingModule).where(TrainingModule.program_id == bindparam("program"))
            .order_by(TrainingModule.id))
_LATEST_TRAINING = (select(TrainingRecord).where(TrainingRecord.person_id == bindparam("person"))
                    .order_by(TrainingRecord.completed_on, TrainingRecord.id))


def consent_forms(session: Session, person_id: int) -> list[ConsentForm]:
    """A student's forms, newest first (by signing date, then by when they were recorded)."""
    return list(session.execute(_CONSENT_FORMS, {"person": person_id}).scalars())


def program_consent_forms(session: Session, program_id: str) -> list[ConsentForm]:
    return list(
        session.exec(
            select(ConsentForm)
            .where(ConsentForm.program_id == program_id)
            .order_by(col(ConsentForm.signed_on).desc(), col(ConsentForm.id).desc())
        )
    )


def training_modules(session: Session, program_id: str) -> list[TrainingModule]:
    return list(session.execute(_MODULES, {"program": program_id}).scalars())


def training_module(session: Session, program_id: str, key: str) -> TrainingModule | None:
    return session.exec(
        select(TrainingModule).where(TrainingModule.program_id == program_id, TrainingModule.key == key)
    ).first()


def latest_training(session: Session, person_id: int) -> dict[int, TrainingRecord]:
    """A mentor's newest completion of each module, by module id."""
    rows = session.execute(_LATEST_TRAINING, {"person": person_id}).scalars()
    return {row.module_id: row for row in rows}


def program_training(session: Session, program_id: str) -> list[TrainingRecord]:
    return list(
        session.exec(
            select(TrainingRecord)
            .where(TrainingRecord.program_id == program_id)
            .order_by(TrainingRecord.completed_on, TrainingRecord.id)
        )
    )


def channel_sides(session: Session, channel_ids: Sequence[int]) -> dict[int, str]:
    """Which side (mentor | student) each supervised channel is."""
    if not channel_ids:
        return {}
    return dict(
        session.exec(
            select(SupervisedChannel.id, SupervisedChannel.side).where(
                col(SupervisedChannel.id).in_(list(channel_ids))
            )
        ).all()
    )  # type: ignore[arg-type]


# -- expectations --------------------------------------------------------------------------------


def latest_template(session: Session, program_id: str) -> ExpectationsTemplate | None:
    return session.exec(
        select(ExpectationsTemplate)
        .where(ExpectationsTemplate.program_id == program_id)
        .order_by(col(ExpectationsTemplate.version).desc())
    ).first()


def matches_without_expectations(session: Session, program_id: str) -> list[Match]:
    """Active matches with a linked channel and no expectations post of any version."""
    posted = select(ExpectationsPost.match_id).where(ExpectationsPost.program_id == program_id)
    linked = select(SupervisedChannel.match_id).where(SupervisedChannel.active == True)  # noqa: E712
    return list(
        session.exec(
            select(Match)
            .where(
                Match.program_id == program_id,
                Match.status == "active",
                col(Match.id).in_(linked),
                col(Match.id).not_in(posted),
            )
            .order_by(Match.key)
        )
    )


def expectations_posts(session: Session, program_id: str) -> dict[int, ExpectationsPost]:
    """The newest expectations post of each match."""
    rows = session.exec(
        select(ExpectationsPost)
        .where(ExpectationsPost.program_id == program_id)
        .order_by(ExpectationsPost.version)
    )
    return {row.match_id: row for row in rows}


def expectations_post(session: Session, match_id: int) -> ExpectationsPost | None:
    return session.exec(
        select(ExpectationsPost)
        .where(ExpectationsPost.match_id == match_id)
        .order_by(col(ExpectationsPost.version).desc())
    ).first()


def acknowledgements(session: Session, program_id: str) -> dict[tuple[int, int], ExpectationsAck]:
    """The newest acknowledgement of each (match, person)."""
    rows = session.exec(
        select(ExpectationsAck)
        .where(ExpectationsAck.program_id == program_id)
        .order_by(ExpectationsAck.version)
    )
    return {(row.match_id, row.person_id): row for row in rows}


def acknowledgement(session: Session, match_id: int, person_id: int, version: int) -> ExpectationsAck | None:
    return session.exec(
        select(ExpectationsAck).where(
            ExpectationsAck.match_id == match_id,
            ExpectationsAck.person_id == person_id,
            ExpectationsAck.version == version,
        )
    ).first()


def insert_once(session: Session, model: Any, index: list[str], values: dict[str, Any]) -> int | None:
    """Insert one row unless its unique key exists already; the new id, or None."""
    table = model.__table__
    return (
        session.execute(insert_ignore(session, table, index=index).returning(table.c.id), [values])
        .scalars()
        .first()
    )


# -- terms and check-ins -----------------------------------------------------------------------------


def terms(session: Session, program_id: str) -> list[ProgramTerm]:
    return list(
        session.exec(
            select(ProgramTerm).where(ProgramTerm.program_id == program_id).order_by(ProgramTerm.starts_on)
        )
    )


def term_by_name(session: Session, program_id: str, name: str) -> ProgramTerm | None:
    return session.exec(
        select(ProgramTerm).where(ProgramTerm.program_id == program_id, ProgramTerm.name == name)
    ).first()


def checkin_posts(session: Session, program_id: str) -> list[CheckinPost]:
    return list(
        session.exec(
            select(CheckinPost).where(CheckinPost.program_id == program_id).order_by(CheckinPost.posted_at)
        )
    )


def latest_checkin_post(session: Session, match_id: int) -> CheckinPost | None:
    return session.exec(
        select(CheckinPost)
        .where(CheckinPost.match_id == match_id)
        .order_by(col(CheckinPost.posted_at).desc())
    ).first()


def checkin_answers(session: Session, program_id: str) -> list[CheckinAnswer]:
    return list(
        session.exec(
            select(CheckinAnswer)
            .where(CheckinAnswer.program_id == program_id)
            .order_by(CheckinAnswer.answered_at)
        )
    )


def checkin_answer(session: Session, term_id: int, match_id: int, person_id: int) -> CheckinAnswer | None:
    return session.exec(
        select(CheckinAnswer).where(
            CheckinAnswer.term_id == term_id,
            CheckinAnswer.match_id == match_id,
            CheckinAnswer.person_id == person_id,
        )
    ).first()


# -- reflections, skills, feedback, activities ------------------------------------------------------


def latest_reflection_prompt(session: Session, match_id: int, on_or_before: date) -> ReflectionPrompt | None:
    return session.exec(
        select(ReflectionPrompt)
        .where(ReflectionPrompt.match_id == match_id, ReflectionPrompt.week_start <= on_or_before)
        .order_by(col(ReflectionPrompt.week_start).desc())
    ).first()


def reflection_prompts(
    session: Session, program_id: str, match_ids: Sequence[int] | None = None
) -> list[ReflectionPrompt]:
    query = select(ReflectionPrompt).where(ReflectionPrompt.program_id == program_id)
    if match_ids is not None:
        query = query.where(col(ReflectionPrompt.match_id).in_(list(match_ids)))
    return list(session.exec(query.order_by(ReflectionPrompt.week_start)))


def reflections(session: Session, program_id: str, person_id: int | None = None) -> list[Reflection]:
    query = select(Reflection).where(Reflection.program_id == program_id)
    if person_id is not None:
        query = query.where(Reflection.person_id == person_id)
    return list(session.exec(query.order_by(Reflection.submitted_at, Reflection.id)))


MARKER = "reflection:"


def shared_reflections(session: Session, program_id: str, person_id: int | None = None) -> list[MessageLog]:
    """Students' messages in their channel that start with "Reflection:" (the channel mode).

    The text is sealed at rest, so SQL cannot test its start: the blind index (storage.blind_index)
    narrows to messages holding the word "reflection" under any key rows may be under, and the
    start is checked here on the opened text."""
    ring = keyring_of(session.get_bind())
    [tokens] = blind_index.term_alternatives(ring, program_id, [MARKER.rstrip(":")])
    query = select(MessageLog).where(
        MessageLog.program_id == program_id,
        MessageLog.kind == "message",
        MessageLog.sender_role == "student",
        or_(*(col(MessageLog.search_tokens).contains(token) for token in tokens)),
    )
    if person_id is not None:
        query = query.where(MessageLog.sender_person_id == person_id)
    rows = session.exec(query.order_by(MessageLog.id))
    return [row for row in rows if row.text.lstrip().lower().startswith(MARKER)]


def skill_ratings(session: Session, program_id: str, person_id: int | None = None) -> list[SkillRating]:
    query = select(SkillRating).where(SkillRating.program_id == program_id)
    if person_id is not None:
        query = query.where(SkillRating.person_id == person_id)
    return list(session.exec(query.order_by(SkillRating.rated_at, SkillRating.id)))


def feedback(session: Session, program_id: str, student_id: int | None = None) -> list[MentorFeedback]:
    query = select(MentorFeedback).where(MentorFeedback.program_id == program_id)
    if student_id is not None:
        query = query.where(MentorFeedback.student_id == student_id)
    return list(session.exec(query.order_by(MentorFeedback.submitted_at, MentorFeedback.id)))


def activities(session: Session, program_id: str) -> list[tuple[Activity, list[int]]]:
    """Every logged activity with the ids of the people who took part, oldest first."""
    found = list(
        session.exec(
            select(Activity).where(Activity.program_id == program_id).order_by(Activity.held_on, Activity.id)
        )
    )
    attendees: dict[int, list[int]] = {}
    if found:
        for activity_id, person_id in session.exec(
            select(ActivityAttendee.activity_id, ActivityAttendee.person_id).where(
                col(ActivityAttendee.activity_id).in_([a.id for a in found])
            )
        ):
            attendees.setdefault(activity_id, []).append(person_id)
    return [(a, attendees.get(a.id, [])) for a in found]  # type: ignore[arg-type]


# -- participation (the credit report) --------------------------------------------------------------


def memberships(session: Session, program_id: str) -> list[tuple[MatchMember, Match]]:
    return list(
        session.exec(
            select(MatchMember, Match)
            .join(Match, col(Match.id) == MatchMember.match_id)
            .where(Match.program_id == program_id)
            .order_by(Match.key)
        )
    )


def messages_by_person(
    session: Session, program_id: str, since: datetime | None = None, until: datetime | None = None
) -> list[tuple[int, int, datetime]]:
    """(sender person id, match id, sent at) of every message a person sent in a match."""
    query = select(MessageLog.sender_person_id, MessageLog.match_id, MessageLog.sent_at).where(
        MessageLog.program_id == program_id,
        MessageLog.kind == "message",
        col(MessageLog.sender_person_id).is_not(None),
        col(MessageLog.match_id).is_not(None),
    )
    if since is not None:
        query = query.where(MessageLog.sent_at >= since)
    if until is not None:
        query = query.where(MessageLog.sent_at < until)
    return list(session.exec(query))  # type: ignore[arg-type]


def posted_prompts(session: Session, program_id: str) -> list[PromptPost]:
    return list(
        session.exec(
            select(PromptPost).where(PromptPost.program_id == program_id, PromptPost.status == "posted")
        )
    )


def people_by_id(session: Session, ids: Sequence[int]) -> dict[int, Person]:
    if not ids:
        return {}
    return {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(list(ids))))}  # type: ignore[misc]
