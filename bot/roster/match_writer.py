"""THE way a match is written: its row, its members and its supervised channels.

The roster import writes every match of the file through ``MatchWriter.upsert``; the matching step
writes a confirmed proposal through the same call (after the same rules, ``check_new_match``), so
there is one way of creating a match. Channels are then linked as always: in the roster file or
with ``/mentorbot link <match> mentor|student`` in the channel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.governance.match_end import ended_on
from bot.roster.rules import check_match
from bot.roster.schema import RosterMatch, RosterPerson, RosterProblem
from storage import repo, roster_repo
from storage.models import Match, MatchMember, Person, SupervisedChannel

LINKED_BY = "roster import"
Count = Callable[[str, bool, bool], None]


def assign(row: Any, values: dict[str, Any]) -> bool:
    """Set the fields that differ; True if any did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _no_count(kind: str, created: bool, changed: bool) -> None:
    return None


def _no_removal(kind: str) -> None:
    return None


class MatchWriter:
    """Upserts matches of one program inside the caller's transaction."""

    def __init__(
        self,
        session: Session,
        program_id: str,
        *,
        now: datetime,
        count: Count = _no_count,
        removed: Callable[[str], None] = _no_removal,
        linked_by: str = LINKED_BY,
    ) -> None:
        self.s, self.program_id, self.now, self.linked_by = session, program_id, now, linked_by
        self.count, self.removed = count, removed  # the import's summary counts what changed

    def upsert(
        self,
        match: RosterMatch,
        people: dict[str, Person],
        rows: dict[str, Match],
        *,
        prompts_paused: bool | None = None,
    ) -> Match:
        """The match row (created, or updated where it differs), its members and its channels."""
        coordinator = people.get(match.coordinator) if match.coordinator else None
        values: dict[str, Any] = {
            "model": match.model,
            "status": match.status,
            "started_on": match.started,
            "coordinator_id": coordinator.id if coordinator else None,
            "grade": match.grade,
        }
        row = rows.get(match.id)
        values["ended_on"] = ended_on(self.s, self.program_id, match.status, match.ended,
                                      row.ended_on if row is not None else None, self.now)
        if prompts_paused is not None:
            values["prompts_paused"] = prompts_paused
        if row is None:
            row = rows[match.id] = Match(program_id=self.program_id, key=match.id, **values)
            self.s.add(row)
            self.count("matches", True, True)
        else:
            self.count("matches", False, assign(row, values))
        self.s.flush()
        self._members(row, match, people)
        self._channels(row, match)
        return row

    def _members(self, row: Match, match: RosterMatch, people: dict[str, Person]) -> None:
        wanted = {people[k].id: "mentor" for k in match.mentors}
        wanted |= {people[k].id: "student" for k in match.students}
        for member in roster_repo.members_of(self.s, row.id):  # type: ignore[arg-type]
            if member.person_id not in wanted:
                self.s.delete(member)
                self.removed("members")
            else:
                self.count("members", False, assign(member, {"role": wanted.pop(member.person_id)}))
        for person_id, role in wanted.items():
            self.s.add(MatchMember(match_id=row.id, person_id=person_id, role=role))  # type: ignore[arg-type]
            self.count("members", True, True)
        self.s.flush()

    def _channels(self, row: Match, match: RosterMatch) -> None:
        for ch in match.channels:
            found = repo.supervised_channel(self.s, ch, active_only=False)
            if found is None:
                self.s.add(
                    SupervisedChannel(
                        match_id=row.id,
                        platform=ch.platform,
                        workspace=ch.workspace,  # type: ignore[arg-type]
                        channel=ch.channel,
                        side=ch.side,
                        active=True,
                        linked_at=self.now,
                        linked_by=self.linked_by,
                    )
                )
                self.count("channels", True, True)
            else:
                changed = assign(found, {"match_id": row.id, "side": ch.side, "active": True})
                if changed:
                    found.linked_at, found.linked_by = self.now, self.linked_by
                self.count("channels", False, changed)
            self.s.flush()


def roster_people(session: Session, program_id: str) -> dict[str, RosterPerson]:
    """The program's people as the roster rules read them (to check a match made outside a file)."""
    return {
        p.key: RosterPerson(
            id=p.key,
            name=p.display_name,
            role=p.role,
            line=0,
            grade=p.grade,
            consent_received=p.consent_received,
            cleared=p.cleared_on,
            active=p.active,
        )
        for p in repo.people(session, program_id)
    }


def check_new_match(session: Session, program_id: str, match: RosterMatch, *,
                    people: dict[str, RosterPerson] | None = None) -> list[str]:
    """The roster's rules for one match against the people the database holds (``people``: from
    ``roster_people``, read once for a batch); problems as text."""
    people = people if people is not None else roster_people(session, program_id)
    coordinators = [p for p in people.values() if p.role == "coordinator"]
    problems: list[RosterProblem] = []
    check_match(match, people, coordinators, problems.append)
    return [p.message for p in problems]
