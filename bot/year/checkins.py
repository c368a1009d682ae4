"""Expectations "assessed on a regular basis": once a term each match is asked, in its channels,
whether the expectations are being met; each mentor and student answers privately
(``/mentorbot checkin yes|mostly|no [a sentence]``) and the answers land in the desk. A "no"
raises a (non-urgent) alert so the coordinator hears about it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from bot.alerts import raise_alert
from bot.prompts.schedule import load_schedule, local_instant
from bot.year import posting
from bot.year.settings import YearError, load_year
from storage import audit, repo, year_repo
from storage.clock import as_utc
from storage.models import Match, Person, Program, SupervisedChannel
from storage.models_year import CheckinAnswer, CheckinPost, ProgramTerm

ANSWERS = {
    "yes": "yes",
    "y": "yes",
    "mostly": "mostly",
    "partly": "mostly",
    "sort of": "mostly",
    "no": "no",
    "n": "no",
    "not really": "no",
}
NOTE_LIMIT = 1000
POST = (
    "Check-in for {term}: are the expectations you agreed on at the start being met? Each of you, "
    "answer privately with `/mentorbot checkin yes`, `/mentorbot checkin mostly` or "
    "`/mentorbot checkin no`, and add a sentence if you like. Only your coordinator reads the answers."
)


def add_term(
    session: Session,
    program: Program,
    *,
    name: str,
    starts_on: date,
    ends_on: date,
    checkin_on: date | None,
    actor: str,
    now: datetime,
) -> ProgramTerm:
    """Add (or change) a term; its check-in defaults to the Monday of the term's middle week."""
    name = name.strip()
    if not name or len(name) > 64:
        raise YearError("give the term a short name, e.g. 'Fall 2026'")
    if ends_on <= starts_on:
        raise YearError(f"the term ends ({ends_on}) before it starts ({starts_on})")
    if checkin_on is None:
        middle = starts_on + (ends_on - starts_on) / 2
        checkin_on = middle - timedelta(days=middle.weekday())
    if not starts_on <= checkin_on <= ends_on:
        raise YearError(f"the check-in ({checkin_on}) is outside the term ({starts_on} to {ends_on})")
    for other in year_repo.terms(session, program.id):
        if other.name != name and other.starts_on <= ends_on and starts_on <= other.ends_on:
            raise YearError(f"'{name}' overlaps '{other.name}' ({other.starts_on} to {other.ends_on})")
    term = year_repo.term_by_name(session, program.id, name) or ProgramTerm(
        program_id=program.id, name=name, starts_on=starts_on, ends_on=ends_on, checkin_on=checkin_on
    )
    term.starts_on, term.ends_on, term.checkin_on = starts_on, ends_on, checkin_on
    session.add(term)
    audit.record(
        session,
        program_id=program.id,
        actor=actor,
        action="term.set",
        at=now,
        target=f"term:{name}",
        detail={"starts_on": str(starts_on), "ends_on": str(ends_on), "checkin_on": str(checkin_on)},
    )
    session.flush()
    return term


def post_due_checkins(engine: Engine, now: datetime) -> int:
    """Post each open term's check-in to every match old enough that has not had it (idempotent)."""
    posted = 0
    with Session(engine) as session:
        for program in repo.programs(session):
            posted += _program_checkins(session, program, now)
        session.commit()
    return posted


def _program_checkins(session: Session, program: Program, now: datetime) -> int:
    year = load_year(session, program)
    today = year.today(now)
    post_time = load_schedule(session, program).post_time
    posted = 0
    for term in year_repo.terms(session, program.id):
        due = local_instant(term.checkin_on, post_time, year.timezone_info)
        if not (term.checkin_on <= today <= term.ends_on and as_utc(now) >= due):
            continue
        youngest = today - timedelta(days=year.checkin_after_days)
        for match in _waiting(session, program.id, term):
            if match.started_on is not None and match.started_on > youngest:
                continue
            new_id = year_repo.insert_once(
                session,
                CheckinPost,
                ["term_id", "match_id"],
                {"program_id": program.id, "term_id": term.id, "match_id": match.id, "posted_at": now},
            )
            if new_id is None:
                continue
            row = posting.post(
                session,
                match=match,
                text=POST.format(term=term.name),
                now=now,
                channels=posting.channels_of(session, match),
                key=f"checkin:{program.id}:{term.id}:{match.id}",
            )
            session.get(CheckinPost, new_id).message_id = row.id  # type: ignore[union-attr]
            posted += 1
    return posted


def _waiting(session: Session, program_id: str, term: ProgramTerm) -> list[Match]:
    done = select(CheckinPost.match_id).where(CheckinPost.term_id == term.id)
    linked = select(SupervisedChannel.match_id).where(SupervisedChannel.active == True)  # noqa: E712
    return list(
        session.exec(
            select(Match)
            .where(
                Match.program_id == program_id,
                Match.status == "active",
                col(Match.id).in_(linked),
                col(Match.id).not_in(done),
            )
            .order_by(Match.key)
        )
    )


def parse_answer(text: str) -> tuple[str, str]:
    """('yes'|'mostly'|'no', the note) from what follows ``checkin``; ``YearError`` if unclear."""
    words = text.strip()
    lowered = words.lower()
    for spoken in sorted(ANSWERS, key=len, reverse=True):
        if lowered == spoken or lowered.startswith(spoken + " ") or lowered.startswith(spoken + ","):
            note = words[len(spoken) :].lstrip(" ,.:-—").strip()
            return ANSWERS[spoken], note[:NOTE_LIMIT]
    raise YearError(
        "Answer with `checkin yes`, `checkin mostly` or `checkin no`, then a sentence if you "
        "like, e.g. `checkin mostly we missed two weeks in March`."
    )


def answer(
    session: Session, match: Match, person: Person, text: str, *, via: str, now: datetime
) -> tuple[CheckinAnswer, ProgramTerm]:
    """Record (or replace) ``person``'s answer to the match's latest check-in."""
    choice, note = parse_answer(text)
    post = year_repo.latest_checkin_post(session, match.id)  # type: ignore[arg-type]
    if post is None:
        raise YearError(
            "There's no check-in open for your match right now; your coordinator will ask once a term."
        )
    term = session.get(ProgramTerm, post.term_id)
    assert term is not None
    row = year_repo.checkin_answer(session, term.id, match.id, person.id) or CheckinAnswer(  # type: ignore[arg-type]
        program_id=match.program_id,
        term_id=term.id,
        match_id=match.id,
        person_id=person.id,  # type: ignore[arg-type]
        answer=choice,
        answered_at=now,
        via=via,
    )
    row.answer, row.note_text, row.answered_at, row.via = choice, note or None, now, via
    session.add(row)
    if choice == "no":
        program = session.get(Program, match.program_id)
        assert program is not None
        said = f": \u201c{note}\u201d" if note else ""
        raise_alert(
            session,
            program=program,
            kind="checkin",
            urgent=False,
            match_id=match.id,
            now=now,
            summary=f"{person.display_name} ({person.role}) in {match.key} says the expectations "
            f"are not being met ({term.name} check-in){said}",
        )
    session.flush()
    return row, term


@dataclass(frozen=True, slots=True)
class CheckinLine:
    term: str
    term_start: date
    match_key: str
    person_key: str
    person_name: str
    role: str
    answer: str | None  # None: asked, not answered yet
    note: str | None
    answered_at: datetime | None


def answers(session: Session, program_id: str) -> list[CheckinLine]:
    """Every member of every match asked, per term: their answer or none yet (the "no"s first)."""
    terms = {t.id: t for t in year_repo.terms(session, program_id)}
    given = {(a.term_id, a.match_id, a.person_id): a for a in year_repo.checkin_answers(session, program_id)}
    lines = []
    for post in year_repo.checkin_posts(session, program_id):
        match = session.get(Match, post.match_id)
        assert match is not None
        for person, role in repo.members(session, match.id):  # type: ignore[arg-type]
            got = given.get((post.term_id, post.match_id, person.id))  # type: ignore[arg-type]
            term = terms[post.term_id]
            lines.append(
                CheckinLine(
                    term.name,
                    term.starts_on,
                    match.key,
                    person.key,
                    person.display_name,
                    role,
                    got.answer if got else None,
                    got.note_text if got else None,
                    got.answered_at if got else None,
                )
            )
    order = {"no": 0, None: 1, "mostly": 2, "yes": 3}
    return sorted(lines, key=lambda x: (x.term_start, order[x.answer], x.match_key, x.person_key))
