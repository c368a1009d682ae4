"""From a proposal to a real match: the coordinator edits, confirms, then starts it.

Confirming writes the match through the roster's ``MatchWriter`` after the roster's own rules
(``check_new_match``: the model's ratio, roles, a coordinator), as a *planned* match (status
``proposed``) starting on the round's start date, with its committed time. Its channels are then
linked as always (``/mentorbot link <match> mentor|student`` in each channel, or the roster file);
starting it checks what an active match needs (forms, clearance, a channel on each side), makes it
active and welcomes both sides in their channels.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot import system_posts
from bot.choosing import MODEL_RULES
from bot.handover.commitment import CommitmentRule, committed_until
from bot.matching.rounds import ChoosingError
from bot.profiles.model import ChoosingOptions, choosing_options
from bot.review.gate_holds import release_cleared_gates
from bot.roster.match_writer import MatchWriter, check_new_match, roster_people
from bot.roster.schema import RosterChannel, RosterMatch, RosterPerson
from bot.roster.validate import SLUG
from storage import audit, choosing_repo, handover_repo, repo, roster_repo
from storage.models import Match, Person
from storage.models_choosing import ChoosingRound, ProposalRun
from storage.models_choosing import Proposal as ProposalRow
from storage.models_handover import Commitment

LINKED_BY = "matching step"


@dataclass(slots=True)
class Confirmed:
    matches: list[str] = field(default_factory=list)
    problems: list[tuple[str, list[str]]] = field(default_factory=list)  # (proposal key, problems)


def _open_run(session: Session, program_id: str, run_id: int) -> ProposalRun:
    run = session.get(ProposalRun, run_id)
    if run is None or run.program_id != program_id:
        raise ChoosingError(f"there is no proposal run #{run_id} in this program")
    if run.state != "open":
        raise ChoosingError(f"proposal run #{run_id} is {run.state}; run the matching step again")
    return run


def _proposal(session: Session, run: ProposalRun, key: str) -> ProposalRow:
    row = next(
        (
            p
            for p in choosing_repo.proposals(session, run.id)  # type: ignore[arg-type]
            if key in (p.key, p.match_key)
        ),
        None,
    )
    if row is None:
        raise ChoosingError(f"there is no proposal '{key}' in run #{run.id}")
    return row


def edit_proposal(
    engine: Engine,
    program_id: str,
    run_id: int,
    key: str,
    *,
    now: datetime,
    actor: str,
    students: Sequence[str] | None = None,
    model: str | None = None,
    match_key: str | None = None,
    drop: bool | None = None,
) -> list[str]:
    """Change one proposal; a student moved here leaves any other proposal of the run. Returns
    warnings (e.g. a ratio the roster check will refuse at confirmation)."""
    with Session(engine) as session:
        run = _open_run(session, program_id, run_id)
        row = _proposal(session, run, key)
        if row.state == "confirmed":
            raise ChoosingError(f"'{row.match_key}' is confirmed already; change the match itself")
        changes: dict[str, object] = {}
        if students is not None:
            changes["students"] = _move_students(session, run, row, list(dict.fromkeys(students)), program_id)
        if model is not None:
            if model not in choosing_options(session, program_id).models:
                raise ChoosingError(f"this program does not use the model '{model}'")
            row.model = changes["model"] = model
        if match_key is not None and match_key != row.match_key:
            _check_key(session, program_id, run, match_key)
            row.match_key = changes["match_key"] = match_key
        if drop is not None:
            row.state = changes["state"] = "dropped" if drop else "proposed"
        row.edited_by, row.edited_at = actor, now
        session.add(row)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="proposal.edit",
            at=now,
            target=f"proposal:{run.id}/{row.key}",
            detail=changes,
        )
        session.commit()
        mentors, kids = json.loads(row.mentors_json), json.loads(row.students_json)
        rule = MODEL_RULES.get(row.model)
        if row.state == "proposed" and rule and not rule.allows(len(mentors), len(kids)):
            return [
                f"{row.match_key}: {len(mentors)} mentor(s) and {len(kids)} student(s) is outside the "
                f"{row.model} ratio; confirming it will be refused until you fix it"
            ]
        return []


def _move_students(
    session: Session, run: ProposalRun, row: ProposalRow, keys: list[str], program_id: str
) -> list[str]:
    people = roster_repo.people_by_key(session, program_id)
    for key in keys:
        if key not in people or people[key].role != "student":
            raise ChoosingError(f"there is no student '{key}' in this program")
    for other in choosing_repo.proposals(session, run.id):  # type: ignore[arg-type]
        if other.id == row.id or other.state == "confirmed":
            continue
        theirs = json.loads(other.students_json)
        kept = [k for k in theirs if k not in keys]
        if kept != theirs:
            other.students_json = json.dumps(kept)
            if not kept:
                other.state = "dropped"  # nobody left in it
            session.add(other)
    taken = {
        k
        for p in choosing_repo.proposals(session, run.id)
        if p.state == "confirmed"  # type: ignore[arg-type]
        for k in json.loads(p.students_json)
    }
    if taken & set(keys):
        raise ChoosingError(f"{', '.join(sorted(taken & set(keys)))} is in a confirmed match already")
    row.students_json = json.dumps(keys)
    return keys


def _check_key(session: Session, program_id: str, run: ProposalRun, key: str) -> None:
    if not SLUG.match(key):
        raise ChoosingError(f"'{key}' is not a usable match name: lowercase letters, digits and dashes")
    if repo.match_by_key(session, key, program_id) is not None or any(
        p.match_key == key for p in choosing_repo.proposals(session, run.id)
    ):  # type: ignore[arg-type]
        raise ChoosingError(f"the name '{key}' is taken; choose another")


@dataclass(slots=True)
class _Program:
    """What confirming a batch reads once (a district confirms a thousand proposals at a time)."""

    people: dict[str, Person]
    rules_people: dict[str, RosterPerson]
    matches: dict[str, Match]
    options: ChoosingOptions


def confirm(
    engine: Engine,
    program_id: str,
    run_id: int,
    *,
    now: datetime,
    actor: str,
    coordinator: str | None = None,
    keys: Sequence[str] | None = None,
) -> Confirmed:
    """Confirm the proposals (all open ones, or ``keys``); each one that passes the roster's rules
    becomes a planned match. Those that do not are listed with their problems and stay open."""
    result = Confirmed()
    with Session(engine) as session:
        run = _open_run(session, program_id, run_id)
        round_ = session.get(ChoosingRound, run.round_id)
        assert round_ is not None
        rows = [r for r in choosing_repo.proposals(session, run.id)  # type: ignore[arg-type]
                if r.state == "proposed" and (keys is None or r.key in keys or r.match_key in keys)]
        known = _Program(roster_repo.people_by_key(session, program_id), roster_people(session, program_id),
                         roster_repo.matches_by_key(session, program_id),
                         choosing_options(session, program_id))
        for row in rows:
            problems = _confirm_one(session, program_id, round_, row, known, now=now, actor=actor,
                                    coordinator=coordinator)
            if problems:
                result.problems.append((row.match_key, problems))
            else:
                result.matches.append(row.match_key)
        if all(p.state != "proposed" for p in choosing_repo.proposals(session, run.id)):  # type: ignore[arg-type]
            run.state, round_.state = "confirmed", "matched"
            session.add_all([run, round_])
        session.commit()
    return result


def _confirm_one(session: Session, program_id: str, round_: ChoosingRound, row: ProposalRow, known: _Program,
                 *, now: datetime, actor: str, coordinator: str | None) -> list[str]:
    mentors, students = json.loads(row.mentors_json), json.loads(row.students_json)
    planned = RosterMatch(id=row.match_key, model=row.model, status="proposed", line=0,
                          started=round_.starts_on, coordinator=coordinator, mentors=list(mentors),
                          students=list(students), member_lines={k: 0 for k in mentors + students})
    problems = check_new_match(session, program_id, planned, people=known.rules_people)
    if row.match_key in known.matches:
        problems.append(f"a match '{row.match_key}' exists already; rename this proposal")
    if problems:
        return problems
    match = MatchWriter(session, program_id, now=now, linked_by=LINKED_BY).upsert(planned, known.people,
                                                                                  known.matches)
    _commit_time(session, program_id, match, [known.people[k] for k in students], known.options)
    row.state, row.match_id, row.confirmed_by, row.confirmed_at = "confirmed", match.id, actor, now
    session.add(row)
    reasons = json.loads(row.reasons_json)
    audit.record(session, program_id=program_id, actor=actor, action="match.confirm", at=now,
                 target=f"match:{match.key}", detail={
                     "proposal": f"{row.run_id}/{row.key}", "model": row.model, "mentors": mentors,
                     "students": {k: (reasons.get(k) or {}).get("rank") for k in students}})
    return []


def _commit_time(session: Session, program_id: str, match: Match, students: list[Person],
                 options: ChoosingOptions | None = None) -> Commitment:
    existing = handover_repo.commitment(session, match.id)  # type: ignore[arg-type]
    if existing is not None:
        return existing
    settings = options or choosing_options(session, program_id)
    assert match.started_on is not None
    rule = CommitmentRule(settings.commitment_months, settings.to_graduation, settings.final_grade)
    until, basis = committed_until(match.started_on, rule, [s.grade for s in students])
    row = Commitment(match_id=match.id, program_id=program_id, started_on=match.started_on,  # type: ignore[arg-type]
                     committed_until=until, basis=basis)
    session.add(row)
    return row


def start_match(engine: Engine, program_id: str, key: str, *, now: datetime, actor: str) -> Match:
    """Make a planned match active once an active match's rules hold; both sides are welcomed."""
    with Session(engine, expire_on_commit=False) as session:
        match = repo.match_by_key(session, key, program_id)
        if match is None:
            raise ChoosingError(f"there is no match '{key}' in this program")
        if match.status != "proposed":
            raise ChoosingError(
                f"match '{key}' is {match.status}; only a planned (proposed) match is started"
            )
        members = repo.members(session, match.id)  # type: ignore[arg-type]
        coordinator = session.get(Person, match.coordinator_id) if match.coordinator_id else None
        channels = [
            RosterChannel(c.side, c.platform, c.workspace, c.channel, 0)
            for c in repo.match_channels(session, match.id)
        ]  # type: ignore[arg-type]
        live = RosterMatch(
            id=key,
            model=match.model,
            status="active",
            line=0,
            started=match.started_on,
            coordinator=coordinator.key if coordinator else None,
            channels=channels,
            mentors=[p.key for p, r in members if r == "mentor"],
            students=[p.key for p, r in members if r == "student"],
            member_lines={p.key: 0 for p, _ in members},
        )
        problems = check_new_match(session, program_id, live)
        if problems:
            raise ChoosingError(f"match '{key}' cannot start yet: " + "; ".join(problems))
        match.status = "active"
        match.started_on = match.started_on or now.date()
        if match.coordinator_id is None and live.coordinator:
            match.coordinator_id = roster_repo.people_by_key(session, program_id)[live.coordinator].id
        session.add(match)
        commitment = _commit_time(session, program_id, match, [p for p, r in members if r == "student"])
        system_posts.post_to_match(
            session,
            program_id=program_id,
            match_id=match.id,
            side=None,  # type: ignore[arg-type]
            text=welcome(members, coordinator, commitment),
            now=now,
            key=f"welcome:{match.id}",
        )
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="match.start",
            at=now,
            target=f"match:{key}",
            detail={"committed_until": commitment.committed_until.isoformat()},
        )
        release_cleared_gates(session, program_id=program_id, now=now, actor=actor,
                              match_ids=[match.id])  # type: ignore[list-item]  # held while not active
        session.commit()
        return match


def welcome(members: list[tuple[Person, str]], coordinator: Person | None, commitment: Commitment) -> str:
    mentors = ", ".join(p.display_name for p, r in members if r == "mentor")
    students = ", ".join(p.display_name for p, r in members if r == "student")
    who = coordinator.display_name if coordinator else "your coordinator"
    return (
        f"Welcome to your mentoring match! Mentor: {mentors}. Student(s): {students.rstrip('.')}. This is a "
        f"supervised channel: {who} can read everything here, and I pass messages between the two sides. "
        f"You have committed to each other until {commitment.committed_until:%d %B %Y}. Say hello!"
    )
