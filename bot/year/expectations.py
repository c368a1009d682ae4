"""Expectations "set and communicated": a per-program template, posted to a match when it starts,
acknowledged by each mentor and student in their own channel (``/mentorbot agree``), and a list
of who has not yet acknowledged for the coordinator.

The post goes out once per match and template version (``expectations_post`` is unique on both);
``post_for_new_matches`` runs every minute, so a match made active by any path (roster import,
the desk, the choosing step) gets its expectations without anyone remembering to send them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.year import posting
from bot.year.settings import YearError
from storage import audit, repo, year_repo
from storage.models import Match, Person, Program
from storage.models_year import ExpectationsAck, ExpectationsPost, ExpectationsTemplate

MAX_TEXT = 3000
STARTER = """\
Mentors and students:
- We meet or write here at least every two weeks, and answer each other within a week.
- We keep every conversation in this supervised channel: no private messages, no meetings outside
  arranged activities, no phone numbers or home addresses.
- We are on time for arranged activities, or say early if we can't make it.
- We are respectful and honest, and we tell the coordinator if something worries us.
Mentors: share your own path to your job, give feedback on the student's work, and keep what you
learn about a student confidential (except safety concerns, which go to the coordinator at once).
Students: share what you are studying, ask questions, and reflect on what you learn."""
POST = (
    "Expectations for your mentoring match in {program}: please read them, and each of you (mentors "
    "and students) type `/mentorbot agree` here to say you agree.\n\n{body}"
)


def set_template(
    session: Session, program: Program, body: str, *, actor: str, now: datetime
) -> ExpectationsTemplate:
    """Store a new version of the program's expectations (audited; the caller commits)."""
    body = body.strip()
    if not body:
        raise YearError("the expectations are empty; write what mentors and students agree to")
    if len(body) > MAX_TEXT:
        raise YearError(
            f"the expectations are {len(body)} characters; keep them under {MAX_TEXT} so "
            "they read well in a chat"
        )
    latest = year_repo.latest_template(session, program.id)
    if latest is not None and latest.body_text == body:
        return latest
    row = ExpectationsTemplate(
        program_id=program.id,
        version=(latest.version + 1) if latest else 1,
        body_text=body,
        created_at=now,
        created_by=actor,
    )
    session.add(row)
    audit.record(
        session,
        program_id=program.id,
        actor=actor,
        action="expectations.set",
        at=now,
        target=f"expectations:v{row.version}",
        detail={"characters": len(body)},
    )
    session.flush()
    return row


def post_to_match(session: Session, match: Match, template: ExpectationsTemplate, now: datetime) -> bool:
    """Post ``template`` to the match's channels once; False if this version was posted already."""
    program = session.get(Program, match.program_id)
    assert program is not None
    new_id = year_repo.insert_once(
        session,
        ExpectationsPost,
        ["match_id", "version"],
        {"program_id": match.program_id, "match_id": match.id, "version": template.version, "posted_at": now},
    )
    if new_id is None:
        return False
    text = POST.format(program=program.name, body=template.body_text)
    row = posting.post(
        session,
        match=match,
        text=text,
        now=now,
        channels=posting.channels_of(session, match),
        key=f"expectations:{match.program_id}:{match.id}:v{template.version}",
    )
    placed = session.get(ExpectationsPost, new_id)
    assert placed is not None
    placed.message_id = row.id
    session.add(placed)
    return True


def post_for_new_matches(engine: Engine, now: datetime, *, program_id: str | None = None) -> int:
    """Every active match with a channel and no expectations yet gets the current template."""
    posted = 0
    with Session(engine) as session:
        for program in repo.programs(session):
            if program_id is not None and program.id != program_id:
                continue
            template = year_repo.latest_template(session, program.id)
            if template is None:
                continue
            for match in year_repo.matches_without_expectations(session, program.id):
                posted += post_to_match(session, match, template, now)
        session.commit()
    return posted


def acknowledge(
    session: Session, match: Match, person: Person, *, via: str, now: datetime, recorded_by: str | None = None
) -> tuple[ExpectationsAck, bool]:
    """Record that ``person`` agreed to the expectations posted to ``match`` (idempotent).

    Returns the acknowledgement and whether it is new. ``YearError`` when there is nothing to
    agree to yet.
    """
    post = year_repo.expectations_post(session, match.id)  # type: ignore[arg-type]
    if post is None:
        raise YearError(f"match {match.key} has no expectations posted yet")
    found = year_repo.acknowledgement(session, match.id, person.id, post.version)  # type: ignore[arg-type]
    if found is not None:
        return found, False
    ack = ExpectationsAck(
        program_id=match.program_id,
        match_id=match.id,
        person_id=person.id,  # type: ignore[arg-type]
        version=post.version,
        acknowledged_at=now,
        via=via,
        recorded_by=recorded_by,
    )
    session.add(ack)
    if recorded_by is not None:  # a coordinator recording a paper acknowledgement changes a record
        audit.record(
            session,
            program_id=match.program_id,
            actor=recorded_by,
            action="expectations.ack.record",
            at=now,
            target=f"match:{match.key}",
            detail={"person": person.key, "via": via},
        )
    session.flush()
    return ack, True


@dataclass(frozen=True, slots=True)
class AckLine:
    """One member of an active match and where they stand with its expectations."""

    match_key: str
    person_key: str
    person_name: str
    role: str
    version: int | None  # the version posted to the match (None: nothing posted yet)
    acknowledged_at: datetime | None
    via: str | None


def status(session: Session, program_id: str) -> list[AckLine]:
    """Every member of every active match, acknowledged or not (the not-yet first)."""
    posts = year_repo.expectations_posts(session, program_id)
    acks = year_repo.acknowledgements(session, program_id)
    lines = []
    for member, match in year_repo.memberships(session, program_id):
        if match.status != "active":
            continue
        person = session.get(Person, member.person_id)
        assert person is not None
        post = posts.get(match.id)  # type: ignore[arg-type]
        ack = acks.get((match.id, person.id))  # type: ignore[arg-type]
        if ack is not None and post is not None and ack.version != post.version:
            ack = None  # agreed to an older version only
        lines.append(
            AckLine(
                match.key,
                person.key,
                person.display_name,
                member.role,
                post.version if post else None,
                ack.acknowledged_at if ack else None,
                ack.via if ack else None,
            )
        )
    return sorted(lines, key=lambda x: (x.acknowledged_at is not None, x.match_key, x.role, x.person_key))
