"""The year's ``/mentorbot`` verbs for mentors and students, answered privately:
``agree``, ``checkin``, ``reflect``, ``skills`` and (mentors) ``feedback``.

Each works in the person's own supervised channel (the match is the channel's); outside one, a
person with a single active match is understood to mean it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.messages import CommandRequest
from bot.year import checkins, expectations, reflections, skills
from bot.year.settings import YearError, load_year
from storage import repo, year_repo
from storage.models import Match, Person, Program

VERBS = {
    "agree": "agree to your match's expectations",
    "checkin yes|mostly|no [a sentence]": "tell your coordinator whether the expectations are being met",
    "reflect <text>": "students: send your reflection (privately, to your coordinator)",
    "skills [skill rating, ...]": "students: your Employability Skills Profile (e.g. `skills teamwork 3`)",
    "feedback [student] <text>": "mentors: feedback on your student, for the coordinator only",
}
NAMES = ("agree", "checkin", "reflect", "skills", "feedback")


def run(
    session: Session, person: Person, request: CommandRequest, verb: str, rest: str, now: datetime
) -> str:
    """Run one of the year's verbs; the reply is shown to the caller only."""
    match = _match_here(session, person, request)
    if match is None:
        return "Please use this in your mentoring channel, so I know which match you mean."
    try:
        if verb == "agree":
            reply = _agree(session, person, match, request, now)
        elif verb == "checkin":
            reply = _checkin(session, person, match, request, rest, now)
        elif verb == "reflect":
            reply = _reflect(session, person, match, rest, now)
        elif verb == "skills":
            reply = _skills(session, person, rest, now)
        else:
            reply = _feedback(session, person, match, request, rest, now)
    except YearError as error:
        session.rollback()
        return str(error)
    session.commit()
    return reply


def _match_here(session: Session, person: Person, request: CommandRequest) -> Match | None:
    channel = repo.supervised_channel(session, request.channel)
    if channel is not None:
        match = session.get(Match, channel.match_id)
        if match is not None and repo.member_role(session, match.id, person.id) is not None:  # type: ignore[arg-type]
            return match
        return None
    active = [m for m in repo.matches_of(session, person.id) if m.status == "active"]  # type: ignore[arg-type]
    return active[0] if len(active) == 1 else None


def _first(person: Person) -> str:
    return person.display_name.split()[0] if person.display_name.strip() else person.key


def _agree(session: Session, person: Person, match: Match, request: CommandRequest, now: datetime) -> str:
    try:
        ack, new = expectations.acknowledge(session, match, person, via=request.channel.platform, now=now)
    except YearError:
        return "There are no expectations to agree to in this match yet; your coordinator will post them."
    when = f"{ack.acknowledged_at:%d %b %Y}"
    if not new:
        return f"You already agreed to these expectations on {when}. Thanks, {_first(person)}!"
    return (
        f"Thanks, {_first(person)}! You agreed to the expectations of your match (recorded {when}); "
        "your coordinator can see it."
    )


def _checkin(
    session: Session, person: Person, match: Match, request: CommandRequest, rest: str, now: datetime
) -> str:
    row, term = checkins.answer(session, match, person, rest, via=request.channel.platform, now=now)
    said = {"yes": "yes", "mostly": "mostly", "no": "not really"}[row.answer]
    extra = " Your coordinator will follow up with you." if row.answer == "no" else ""
    return (
        f"Thanks, {_first(person)}. Your {term.name} check-in (\u201c{said}\u201d) is with your "
        f"coordinator only.{extra}"
    )


def _reflect(session: Session, person: Person, match: Match, rest: str, now: datetime) -> str:
    if person.role != "student":
        return "Reflections are for students. Mentors can send feedback with `feedback`."
    program = session.get(Program, person.program_id)
    assert program is not None
    if not rest.strip():
        asked = year_repo.latest_reflection_prompt(session, match.id, load_year(session, program).today(now))  # type: ignore[arg-type]
        question = f" This week's question: {asked.question_text}" if asked else ""
        return f"Write your reflection after `reflect`, e.g. `reflect I learned that ...`.{question}"
    reflections.record_reflection(session, person, rest, match=match, source="chat", now=now)
    reply = f"Thanks, {_first(person)}! Your reflection is saved for your coordinator only."
    if load_year(session, program).reflection_mode == "channel":
        reply += (
            " Your program also shares reflections with mentors: post one in this channel "
            "starting with \u201cReflection:\u201d."
        )
    return reply


def _skills(session: Session, person: Person, rest: str, now: datetime) -> str:
    if person.role != "student":
        return "The Employability Skills Profile is for students to rate themselves."
    program = session.get(Program, person.program_id)
    assert program is not None
    year = load_year(session, program)
    if not rest.strip():
        latest = {h.skill: h.latest for h in skills.history(session, year, person)}
        listed = ", ".join(f"{s} {latest[s]}" if latest.get(s) else s for s in year.skills)
        return (
            f"Rate yourself from 1 ({year.scale_word(1)}) to {year.skill_scale} "
            f"({year.scale_word(year.skill_scale)}), e.g. `skills teamwork 3, communication 2`. "
            f"Skills (your latest rating after the name): {listed}."
        )
    rated = skills.parse_ratings(rest, year)
    skills.record_ratings(session, person, rated, rated_by="self", source="chat", now=now)
    said = ", ".join(f"{skill} {rating} ({year.scale_word(rating)})" for skill, rating in rated)
    return f"Saved for your skills profile: {said}. Your coordinator and your credit report will show it."


def _feedback(
    session: Session, person: Person, match: Match, request: CommandRequest, rest: str, now: datetime
) -> str:
    if person.role != "mentor":
        return "Feedback is for mentors to tell the coordinator how their student is doing."
    students = [p for p, role in repo.members(session, match.id) if role == "student"]  # type: ignore[arg-type]
    first, _, after = rest.strip().partition(" ")
    named = [s for s in students if first.lower() in (s.key.lower(), _first(s).lower())] if first else []
    if named:
        student, text = named[0], after
    elif len(students) == 1:
        student, text = students[0], rest
    else:
        names = ", ".join(_first(s) for s in students)
        example = _first(students[0]) if students else "Ana"
        return f"Say which student first, e.g. `feedback {example} ...` ({names})."
    if not text.strip():
        return f"Write your feedback after the name, e.g. `feedback {_first(student)} great progress on ...`."
    reflections.record_feedback(
        session, person, student, text, match=match, via=request.channel.platform, now=now
    )
    return (
        f"Thanks, {_first(person)}! Your feedback on {_first(student)} is with the coordinator "
        f"({_first(student)} doesn't see it)."
    )
