"""Students' reflections ("verbally and in writing") and mentors' feedback, kept per student.

A reflection reaches the coordinator three ways: privately from chat (``/mentorbot reflect``),
shared in the channel as a message starting with "Reflection:" (it went through the policy like
any message and stays in the log, so it is read from there rather than copied), or recorded in
the desk from a paper Career Mentoring Student Reflection form or a conversation in class.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from bot.year.settings import YearError, local_today
from storage import audit, repo, year_repo
from storage.models import Match, Person, Program
from storage.models_year import MentorFeedback, Reflection

MAX_TEXT = 4000
SOURCES = ("chat", "written", "verbal")


def _clean(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise YearError(f"the {what} is empty")
    if len(text) > MAX_TEXT:
        raise YearError(f"the {what} is {len(text)} characters; keep it under {MAX_TEXT}")
    return text


def record_reflection(
    session: Session,
    person: Person,
    text: str,
    *,
    match: Match | None,
    source: str,
    now: datetime,
    recorded_by: str | None = None,
) -> Reflection:
    """Keep a student's reflection, tied to their match's latest reflection question if any."""
    if person.role != "student":
        raise YearError("reflections are written by students")
    if source not in SOURCES:
        raise YearError(f"a reflection comes from one of: {', '.join(SOURCES)}")
    text = _clean(text, "reflection")
    program = session.get(Program, person.program_id)
    assert program is not None
    asked = None
    if match is not None:
        asked = year_repo.latest_reflection_prompt(session, match.id, local_today(program, now))  # type: ignore[arg-type]
    row = Reflection(
        program_id=person.program_id,
        person_id=person.id,
        match_id=match.id if match else None,  # type: ignore[arg-type]
        week_start=asked.week_start if asked else None,
        question_text=asked.question_text if asked else None,
        reflection_text=text,
        source=source,
        submitted_at=now,
        recorded_by=recorded_by,
    )
    session.add(row)
    if recorded_by is not None:
        audit.record(
            session,
            program_id=person.program_id,
            actor=recorded_by,
            action="reflection.record",
            at=now,
            target=f"person:{person.key}",
            detail={"source": source},
        )
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class ReflectionView:
    """One reflection as the coordinator reads it, whichever way it came."""

    at: datetime
    match_key: str | None
    week_start: date | None
    question: str | None
    text: str
    source: str  # chat (private) | channel (shared, policed) | written | verbal
    decision: str | None = None  # for a shared one: what the policy decided (allow, hold, ...)


def student_reflections(session: Session, program: Program, person: Person) -> list[ReflectionView]:
    """Every reflection of one student, oldest first."""
    keys = {m.id: m.key for m in repo.matches_of(session, person.id)}  # type: ignore[arg-type]
    found = [
        ReflectionView(
            r.submitted_at,
            keys.get(r.match_id) if r.match_id else None,  # type: ignore[arg-type]
            r.week_start,
            r.question_text,
            r.reflection_text,
            r.source,
        )
        for r in year_repo.reflections(session, program.id, person.id)
    ]  # type: ignore[arg-type]
    for message in year_repo.shared_reflections(session, program.id, person.id):  # type: ignore[arg-type]
        latest = repo.message_versions(session, message.id)[-1]  # type: ignore[arg-type]
        if latest.kind == "delete":
            continue
        asked = None
        if message.match_id is not None:
            asked = year_repo.latest_reflection_prompt(
                session, message.match_id, local_today(program, message.sent_at)
            )
        text = latest.text.strip()[len(year_repo.MARKER) :].strip()
        found.append(
            ReflectionView(
                message.sent_at,
                keys.get(message.match_id) if message.match_id else None,  # type: ignore[arg-type]
                asked.week_start if asked else None,
                asked.question_text if asked else None,
                text,
                "channel",
                latest.decision,
            )
        )
    return sorted(found, key=lambda r: r.at)


def record_feedback(
    session: Session,
    mentor: Person,
    student: Person,
    text: str,
    *,
    match: Match | None,
    via: str,
    now: datetime,
    recorded_by: str | None = None,
) -> MentorFeedback:
    """Keep a mentor's feedback on a student for the coordinator (never relayed)."""
    if mentor.role != "mentor" or student.role != "student":
        raise YearError("feedback is from a mentor about a student")
    row = MentorFeedback(
        program_id=student.program_id,
        match_id=match.id if match else None,
        mentor_id=mentor.id,
        student_id=student.id,  # type: ignore[arg-type]
        feedback_text=_clean(text, "feedback"),
        submitted_at=now,
        via=via,
        recorded_by=recorded_by,
    )
    session.add(row)
    if recorded_by is not None:
        audit.record(
            session,
            program_id=student.program_id,
            actor=recorded_by,
            action="feedback.record",
            at=now,
            target=f"person:{student.key}",
            detail={"mentor": mentor.key},
        )
    session.flush()
    return row
