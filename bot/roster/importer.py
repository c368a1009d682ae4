"""Program roster: load and validate a coordinator's YAML file, then write it in one transaction.

``load_roster(path, platforms=…)`` validates only; ``import_roster(engine, path, platforms=…)``
validates, checks the file against what the database already holds, and upserts program, people,
accounts, matches, members and supervised channels. Nothing is deleted except configuration the
file no longer lists (a person's accounts, a match's members); people and matches missing from the
file are kept, and channels a match no longer lists are switched off, never removed, because the
log points at them.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.review.gate_holds import release_cleared_gates
from bot.roster.match_writer import LINKED_BY, MatchWriter, assign
from bot.roster.outside_edits import OutsideEdits
from bot.roster.rules import check_roster
from bot.roster.schema import Roster, RosterError, RosterProblem, parse_yaml
from bot.roster.validate import read_roster
from bot.roster.year_writer import YearWriter, check_year_against_database
from storage import audit, roster_repo
from storage.clock import utcnow
from storage.models import Identity, Match, Person, Program

__all__ = ["ImportSummary", "Roster", "RosterError", "RosterProblem", "import_roster", "load_roster"]

logger = logging.getLogger(__name__)

KINDS = ("program", "people", "accounts", "matches", "members", "channels", "profiles")


@dataclass(slots=True)
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def __str__(self) -> str:
        parts = [f"{n} {label}" for n, label in ((self.created, "created"), (self.updated, "updated"),
                                                  (self.unchanged, "unchanged"), (self.removed, "removed"))
                 if n]
        return ", ".join(parts) or "none"


@dataclass(slots=True)
class ImportSummary:
    """What an import changed, per kind of row, and what it deliberately left alone."""

    program_id: str
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.removed for c in self.counts.values())

    def lines(self) -> list[str]:
        out = [f"{kind:<9} {self.counts[kind]}" for kind in KINDS]
        return out + [f"note: {n}" for n in self.notes]


def load_roster(path: str | Path, *, platforms: Collection[str]) -> Roster:
    """Read and validate a roster file (no database); raises ``RosterError`` listing every problem.

    ``platforms``: the platform names a roster may use (``bot.app.platform_names()``).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RosterError([RosterProblem(1, "the file is not UTF-8 text; save it as UTF-8")],
                          path=str(path)) from None
    root, problems = parse_yaml(text)
    roster = None
    if root is not None:
        roster, shape_problems = read_roster(root, base_dir=path.resolve().parent, platforms=platforms)
        problems += shape_problems
        if roster is not None:
            problems += check_roster(roster)
    if problems or roster is None:
        raise RosterError(problems, path=str(path))
    roster.path = str(path)
    return roster


def import_roster(engine: Engine, path: str | Path, *, platforms: Collection[str],
                  now: datetime | None = None) -> ImportSummary:
    """Validate ``path`` and write it in one transaction; on any problem nothing is written.

    Held messages whose program gates the file clears (a form or clearance recorded, a match
    activated) are delivered in the same transaction (``bot.review.gate_holds``)."""
    roster = load_roster(path, platforms=platforms)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        problems = _check_against_database(session, roster) + check_year_against_database(session, roster)
        if problems:
            raise RosterError(problems, path=str(path))
        file_changed = datetime.fromtimestamp(Path(path).stat().st_mtime, UTC)
        edits = OutsideEdits(session, roster.program.id, file_changed)
        summary = _Writer(session, roster, edits).write()
        released = release_cleared_gates(session, program_id=roster.program.id, now=now or utcnow(),
                                         actor=LINKED_BY)
        if released:
            summary.notes.append(f"{len(released)} held message(s) delivered: the form, clearance or match "
                                 "status they waited for is now recorded")
    logger.info("roster %s imported into program %s: %s", path, roster.program.id,
                "; ".join(summary.lines()))
    return summary


def _check_against_database(session: Session, roster: Roster) -> list[RosterProblem]:
    """Accounts and channels are unique across programs: the file may not take another program's."""
    problems: list[RosterProblem] = []
    pid = roster.program.id
    for person in roster.people:
        for acc in person.accounts:
            owner = roster_repo.account_owner(session, acc.platform, acc.workspace, acc.user)
            if owner is not None and owner.program_id != pid:
                problems.append(RosterProblem(acc.line, f"the {acc.platform} account '{acc.user}' already "
                                                        f"belongs to '{owner.key}' of program "
                                                        f"'{owner.program_id}'; one account, one person"))
    for match in roster.matches:
        for ch in match.channels:
            held = roster_repo.channel_owner(session, ch)
            if held is not None and held.program_id != pid:
                other = f"match '{held.key}' of program '{held.program_id}'"
                problems.append(RosterProblem(ch.line, f"channel '{ch.channel}' is already supervised for "
                                                       f"{other}; use another channel"))
    return problems


class _Writer:
    """Upserts one validated roster inside the caller's transaction."""

    def __init__(self, session: Session, roster: Roster, edits: OutsideEdits) -> None:
        self.s = session
        self.roster = roster
        self.edits = edits  # desk, chat and CLI changes newer than the file: kept
        self.summary = ImportSummary(program_id=roster.program.id)
        self.now = utcnow()

    def _upsert(self, kind: str, rows: dict[str, Any], model: type, program_id: str, key: str,
                values: dict[str, Any]) -> None:
        """Create the row with this roster key, or update the fields that differ (counted either way)."""
        row = rows.get(key)
        if row is None:
            rows[key] = model(program_id=program_id, key=key, **values)
            self.s.add(rows[key])
            self._count(kind, True, True)
        else:
            self._count(kind, False, assign(row, values))

    def _count(self, kind: str, created: bool, changed: bool) -> None:
        c = self.summary.counts[kind]
        if created:
            c.created += 1
        elif changed:
            c.updated += 1
        else:
            c.unchanged += 1

    def _removed(self, kind: str) -> None:
        self.summary.counts[kind].removed += 1

    def write(self) -> ImportSummary:
        self._program()
        people = self._people()
        self._escalation(people)
        self._accounts(people)
        matches = self._matches(people)
        YearWriter(self.s, self.roster, now=self.now, count=self._count,
                   notes=self.summary.notes, edits=self.edits).write(people, matches)
        self._note_left_alone(people, matches)
        return self.summary

    def _program(self) -> None:
        p = self.roster.program
        review = p.review_channel or (None, None, None)
        values = {"name": p.name, "timezone": p.timezone, "policy_file": p.policy,
                  "review_platform": review[0], "review_workspace": review[1], "review_channel": review[2],
                  "retention_json": p.retention.to_json() if p.retention else None}
        row = self.s.get(Program, p.id)
        schedule_before = row.retention_json if row is not None else None
        created = row is None
        if row is None:
            row = Program(id=p.id, created_at=self.now, updated_at=self.now, **values)
            self.s.add(row)
            changed = True
        else:
            changed = assign(row, values)
            if changed:
                row.updated_at = self.now
        self._count("program", created, changed)
        self.s.flush()
        if values["retention_json"] != schedule_before:
            audit.record(self.s, program_id=p.id, actor=LINKED_BY, action="retention.schedule", at=self.now,
                         subject="program", detail={"schedule": values["retention_json"]})

    def _people(self) -> dict[str, Person]:
        pid = self.roster.program.id
        rows = roster_repo.people_by_key(self.s, pid)
        for person in self.roster.people:
            values: dict[str, Any] = {
                "role": person.role, "display_name": person.name, "email": person.email,
                "grade": person.grade, "consent_received": person.consent_received,
                "consent_recorded_by": person.consent_recorded_by, "cleared_on": person.cleared,
                "active": person.active,
            }
            if person.avatar_url is not None:  # an adapter may have filled it from the platform profile
                values["avatar_url"] = person.avatar_url
            values = self.edits.person(rows.get(person.id), person.id, values, self.summary.notes)
            self._upsert("people", rows, Person, pid, person.id, values)
        self.s.flush()
        return rows

    def _escalation(self, people: dict[str, Person]) -> None:
        p = self.roster.program
        contact = people.get(p.escalate_to) if p.escalate_to else None
        row = self.s.get(Program, p.id)
        assert row is not None
        if assign(row, {"escalate_to_id": contact.id if contact else None,
                         "escalate_after_minutes": p.escalate_after_minutes,
                         "emergency_line": p.emergency_line}):
            row.updated_at = self.now
            counts = self.summary.counts["program"]
            if counts.unchanged:
                counts.unchanged, counts.updated = counts.unchanged - 1, counts.updated + 1
        self.s.flush()

    def _accounts(self, people: dict[str, Person]) -> None:
        for person in self.roster.people:
            row = people[person.id]
            wanted = {(a.platform, a.workspace, a.user) for a in person.accounts}
            for ident in roster_repo.accounts_of(self.s, [row.id]):  # type: ignore[list-item]
                if (ident.platform, ident.workspace, ident.user_id) not in wanted:
                    self.s.delete(ident)
                    self.summary.counts["accounts"].removed += 1
            self.s.flush()
            for platform, workspace, user in sorted(wanted):
                ident = roster_repo.account(self.s, platform, workspace, user)
                if ident is None:
                    self.s.add(Identity(person_id=row.id, platform=platform, workspace=workspace,
                                        user_id=user))
                    self._count("accounts", True, True)
                else:  # possibly moved from another person of this program
                    self._count("accounts", False, assign(ident, {"person_id": row.id}))
                self.s.flush()

    def _matches(self, people: dict[str, Person]) -> dict[str, Match]:
        """Each match with its members and channels (``MatchWriter``, also used by the matching step),
        then the channels no listed match keeps are switched off."""
        rows = roster_repo.matches_by_key(self.s, self.roster.program.id)
        writer = MatchWriter(self.s, self.roster.program.id, now=self.now, count=self._count,
                             removed=self._removed)
        listed: set[tuple[str, str, str]] = set()
        for match in self.roster.matches:
            kept = self.edits.match(rows.get(match.id), match, people, self.summary.notes)
            writer.upsert(kept, people, rows)
            listed |= {(ch.platform, ch.workspace, ch.channel) for ch in match.channels}
        ids = [rows[m.id].id for m in self.roster.matches]
        keys = {row.id: key for key, row in rows.items()}
        for found in roster_repo.channels_of(self.s, ids):
            if found.active and (found.platform, found.workspace, found.channel) not in listed:
                if self.edits.keeps_linked(found, keys[found.match_id], self.summary.notes):
                    continue
                found.active = False
                self.summary.counts["channels"].removed += 1
                self.summary.notes.append(f"channel '{found.channel}' ({found.platform}) is no longer "
                                          "supervised; its log is kept")
        self.s.flush()
        return rows

    def _note_left_alone(self, people: dict[str, Person], matches: dict[str, Match]) -> None:
        in_file = {p.id for p in self.roster.people}
        kept = sorted(k for k in people if k not in in_file)
        if kept:
            self.summary.notes.append(f"{len(kept)} person(s) not in the file were kept as they are: "
                                      + ", ".join(kept))
        listed = {m.id for m in self.roster.matches}
        for key, row in sorted(matches.items()):
            if key not in listed:
                self.summary.notes.append(f"match '{key}' is not in the file and was kept as it is "
                                          f"(status: {row.status}); to stop it, list it with status: ended")
