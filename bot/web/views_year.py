"""The desk's program-year pages as data: profiles, bios, the choosing round, the proposal and the
hand-over. Each read of student data writes its access-log row before anything is shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from bot.choosing import ReplacementCandidate
from bot.handover.messages import kind_message
from bot.matching.overview import RoundState, round_state
from bot.matching.proposals import ProposalView, view
from bot.profiles.bios import bio_text
from bot.profiles.model import ChoosingOptions, ProfileView, choosing_options, load_profile, load_profiles
from bot.web.scope import ProgramScope
from storage import choosing_repo, handover_repo, repo, roster_repo
from storage.models import Match, Person
from storage.models_handover import Commitment, Departure


@dataclass
class ProfilesPage:
    mentors: list[ProfileView]
    students: list[ProfileView]
    options: ChoosingOptions


def profiles(scope: ProgramScope) -> ProfilesPage:
    with scope.session() as session:
        views = load_profiles(session, scope.program_id)
        scope.audit(session, action="profiles.view", target=f"program:{scope.program_id}", rows=len(views))
        session.commit()
        return ProfilesPage(
            [v for v in views if v.person.role == "mentor"],
            [v for v in views if v.person.role == "student"],
            choosing_options(session, scope.program_id),
        )


def profile(scope: ProgramScope, key: str) -> tuple[ProfileView, ChoosingOptions]:
    with scope.session() as session:
        person = scope.person(session, key)
        scope.audit(session, action="profile.view", target=f"person:{person.key}")
        session.commit()
        return load_profile(session, person), choosing_options(session, scope.program_id)


@dataclass
class BioCard:
    view: ProfileView
    text: str  # as the other side reads it
    posts: bool  # would be posted now


@dataclass
class BiosPage:
    mentors: list[BioCard]
    students: list[BioCard]
    channels: list[tuple[str, str]]  # (side, "platform:workspace/channel")


def bios(scope: ProgramScope) -> BiosPage:
    with scope.session() as session:
        views = load_profiles(session, scope.program_id)
        cards = [
            BioCard(
                v,
                bio_text(v),
                v.publishable and (v.person.role != "mentor" or v.person.cleared_on is not None),
            )
            for v in views
            if v.bio.strip()
        ]
        places = [
            (c.side, f"{c.platform}:{c.workspace}/{c.channel}")
            for c in choosing_repo.program_channels(session, scope.program_id)
        ]
        scope.audit(session, action="bios.view", target=f"program:{scope.program_id}", rows=len(cards))
        session.commit()
    return BiosPage(
        [c for c in cards if c.view.person.role == "mentor"],
        [c for c in cards if c.view.person.role == "student"],
        places,
    )


def choosing(scope: ProgramScope) -> RoundState:
    state = round_state(scope.engine, scope.program_id)
    with scope.session() as session:
        scope.audit(
            session, action="choosing.view", target=f"program:{scope.program_id}", rows=len(state.students)
        )
        session.commit()
    return state


def proposal(scope: ProgramScope) -> ProposalView | None:
    found = view(scope.engine, scope.program_id)
    with scope.session() as session:
        scope.audit(
            session,
            action="proposal.view",
            target=f"program:{scope.program_id}",
            rows=len(found.lines) if found else 0,
            detail={"run": found.run.id if found else None},
        )
        session.commit()
    return found


@dataclass
class NoticeCard:
    departure: Departure
    match: Match
    mentor: Person
    students: list[Person]
    suggestions: list[ReplacementCandidate] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # mentor key -> name
    drafts: dict[str, str] = field(default_factory=dict)  # mentor key -> the kind message with them


@dataclass
class HandoverPage:
    commitments: list[tuple[Commitment, Match, int]]  # with days left
    notices: list[NoticeCard]
    decided: list[tuple[Departure, Match, Person, Person | None]]
    matches: list[tuple[Match, list[Person]]]  # live matches and their mentors (the notice form)
    today: date


def open_notices(scope: ProgramScope) -> list[int]:
    """The ids of the program's notices still waiting for a decision."""
    with scope.session() as session:
        return [d.id for d in handover_repo.departures(session, scope.program_id, open_only=True)]  # type: ignore[misc]


def handover(scope: ProgramScope, suggest: dict[int, list[ReplacementCandidate]]) -> HandoverPage:
    """``suggest``: each open notice's suggestions, computed by the caller (a use case of its own)."""
    today = scope.now().date()
    with scope.session() as session:
        rows = [
            (c, m, (c.committed_until - today).days)
            for c, m in handover_repo.commitments(session, scope.program_id)
            if m.status != "ended"
        ]
        notices, decided = [], []
        for row in handover_repo.departures(session, scope.program_id):
            match, mentor = session.get(Match, row.match_id), session.get(Person, row.mentor_id)
            assert match is not None and mentor is not None
            if row.state in ("notice", "paused"):
                notices.append(_notice(session, row, match, mentor, suggest.get(row.id, [])))  # type: ignore[arg-type]
            else:
                decided.append(
                    (
                        row,
                        match,
                        mentor,
                        session.get(Person, row.replacement_id) if row.replacement_id else None,
                    )
                )
        live = [
            m
            for m in roster_repo.matches_in_order(session, scope.program_id)
            if m.status in ("active", "paused", "proposed") and m.model != choosing_repo.MEET_AND_GREET
        ]
        matches = [(m, [p for p, r in repo.members(session, m.id) if r == "mentor"]) for m in live]  # type: ignore[arg-type]
        scope.audit(session, action="handover.view", target=f"program:{scope.program_id}", rows=len(rows))
        session.commit()
    return HandoverPage(rows, notices, decided, matches, today)


def _notice(
    session: Session, row: Departure, match: Match, mentor: Person, suggestions: list[ReplacementCandidate]
) -> NoticeCard:
    students = [p for p, r in repo.members(session, match.id) if r == "student"]  # type: ignore[arg-type]
    coordinator = session.get(Person, match.coordinator_id) if match.coordinator_id else None
    card = NoticeCard(row, match, mentor, students, suggestions)
    for candidate in suggestions:
        person = repo.person_by_key(session, match.program_id, candidate.mentor_id)
        if person is None:
            continue
        card.names[candidate.mentor_id] = person.display_name
        card.drafts[candidate.mentor_id] = kind_message(
            students, mentor, person, load_profile(session, person), row.reason_text, coordinator
        )
    return card
