"""Changing the mentor of a match in place: the members change through the roster's
``MatchWriter`` (the one way a match is written), the channels and the log stay, and the new
mentor's committed time runs at least a year from today."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.handover.commitment import CommitmentRule, add_months
from bot.profiles.model import choosing_options
from bot.roster.match_writer import MatchWriter, check_new_match
from bot.roster.schema import RosterChannel, RosterMatch
from storage import handover_repo, repo, roster_repo
from storage.models import Match, Person
from storage.models_handover import Commitment


def swap_mentor(
    session: Session, program_id: str, match: Match, departing: Person, new: Person, *, now: datetime
) -> list[str]:
    """Swap the mentor after the roster's rules for the match as it will be; their problems, if any
    (then nothing is written)."""
    members = repo.members(session, match.id)  # type: ignore[arg-type]
    mentors = [new.key if p.id == departing.id else p.key for p, r in members if r == "mentor"]
    students = [p.key for p, r in members if r == "student"]
    coordinator = session.get(Person, match.coordinator_id) if match.coordinator_id else None
    channels = [
        RosterChannel(c.side, c.platform, c.workspace, c.channel, 0)
        for c in repo.match_channels(session, match.id)
    ]  # type: ignore[arg-type]
    same = RosterMatch(
        id=match.key,
        model=match.model,
        status=match.status,
        line=0,
        started=match.started_on,
        coordinator=coordinator.key if coordinator else None,
        grade=match.grade,
        mentors=mentors,
        students=students,
        channels=channels,
        member_lines={k: 0 for k in mentors + students},
    )
    problems = check_new_match(session, program_id, same)
    if problems:
        return problems
    people = roster_repo.people_by_key(session, program_id)
    MatchWriter(session, program_id, now=now, linked_by="hand-over").upsert(same, people, {match.key: match})
    _recommit(session, program_id, match, now)
    return []


def _recommit(session: Session, program_id: str, match: Match, now: datetime) -> None:
    settings = choosing_options(session, program_id)
    rule = CommitmentRule(settings.commitment_months, settings.to_graduation, settings.final_grade)
    at_least = add_months(now.date(), rule.months)
    row = handover_repo.commitment(session, match.id)  # type: ignore[arg-type]
    if row is None:
        session.add(
            Commitment(
                match_id=match.id,
                program_id=program_id,  # type: ignore[arg-type]
                started_on=match.started_on or now.date(),
                committed_until=at_least,
            )
        )
    elif row.committed_until < at_least:
        row.committed_until, row.basis, row.renewal_reminded_on = at_least, "year", None
        session.add(row)
