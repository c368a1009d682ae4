"""Read a program back out of the database the way a coordinator looks at it (for ``program show``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session

from storage import repo, roster_repo
from storage.models import Person, Program


@dataclass(slots=True)
class MemberView:
    key: str
    name: str
    role: str  # mentor | student (in this match)
    person_role: str  # the person's role in the program (a peer mentor is a student)
    warning: str | None = None  # e.g. "no consent form"


@dataclass(slots=True)
class MatchView:
    key: str
    model: str
    status: str
    started: str
    coordinator: str
    members: list[MemberView] = field(default_factory=list)
    channels: list[tuple[str, str, bool]] = field(default_factory=list)  # side, "platform:ws/channel", active

    @property
    def warnings(self) -> list[str]:
        out = [f"{m.key}: {m.warning}" for m in self.members if m.warning]
        sides = {side for side, _, active in self.channels if active}
        if self.status == "active":
            out += [f"no {side}-side channel" for side in ("mentor", "student") if side not in sides]
        return out


@dataclass(slots=True)
class ProgramView:
    program: Program
    people: list[Person]
    accounts: dict[int, list[str]]  # person id -> "platform:workspace/user"
    matches: list[MatchView]


def list_programs(engine: Engine) -> list[Program]:
    with Session(engine) as session:
        return repo.programs(session)


def member_warning(person: Person, match_status: str) -> str | None:
    """What a coordinator must fix before this person may take part in an active match."""
    if match_status != "active":
        return None
    if not person.active:
        return "marked inactive"
    if person.role == "student" and person.consent_received is None:
        return "no consent form"
    if person.role == "mentor" and person.cleared_on is None:
        return "not cleared"
    return None


def program_view(engine: Engine, program_id: str) -> ProgramView | None:
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            return None
        people = repo.people(session, program_id)
        by_id = {p.id: p for p in people}
        accounts: dict[int, list[str]] = {}
        ids = [p.id for p in people if p.id is not None]
        for ident in roster_repo.accounts_of(session, ids):  # type: ignore[arg-type]
            accounts.setdefault(ident.person_id, []).append(
                f"{ident.platform}:{ident.workspace}/{ident.user_id}")
        matches: list[MatchView] = []
        for match in roster_repo.matches_in_order(session, program_id):
            coordinator = by_id.get(match.coordinator_id) if match.coordinator_id else None
            view = MatchView(key=match.key, model=match.model, status=match.status,
                             started=match.started_on.isoformat() if match.started_on else "",
                             coordinator=coordinator.key if coordinator else "")
            members = roster_repo.members_of(session, match.id)  # type: ignore[arg-type]
            for member in sorted(members, key=lambda m: (m.role != "mentor", by_id[m.person_id].key)):
                person = by_id[member.person_id]
                view.members.append(MemberView(key=person.key, name=person.display_name, role=member.role,
                                               person_role=person.role,
                                               warning=member_warning(person, match.status)))
            for ch in roster_repo.channels_of(session, [match.id], ordered=True):
                view.channels.append((ch.side, f"{ch.platform}:{ch.workspace}/{ch.channel}", ch.active))
            matches.append(view)
        return ProgramView(program=program, people=people, accounts=accounts, matches=matches)
