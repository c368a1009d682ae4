"""Writes the roster's issue-14 parts inside the import's transaction: the program's choosing
settings and channels, people's profiles (with the employer, now stored) and matches' commitments.

What the file lists follows the file; what it does not list is kept. A person without a
'profile:' block keeps the profile entered on the desk; a changed bio goes back to "unchecked"
until the program's policy has checked it (the desk's Bios page, ``mentorbot bios check``, and
always before bios are posted).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.handover.commitment import CommitmentRule, committed_until
from bot.roster.schema import Roster, RosterPerson, RosterProblem
from storage import choosing_repo, handover_repo, repo
from storage.models import Match, Person
from storage.models_choosing import ChoosingSettings, ProgramChannel
from storage.models_choosing import Profile as ProfileRow
from storage.models_handover import Commitment

Count = Callable[[str, bool, bool], None]
LISTS = ("interests", "languages", "availability", "hobbies", "pathways")


def dump(values: Any) -> str:
    """Canonical JSON text for a list or mapping column."""
    return json.dumps(values, ensure_ascii=False, sort_keys=isinstance(values, dict))


def check_year_against_database(session: Session, roster: Roster) -> list[RosterProblem]:
    """A choosing channel may not be another program's, nor any match's supervised channel."""
    problems = []
    for place in roster.program.year.channels:
        held = choosing_repo.program_channel(session, place)
        supervised = repo.supervised_channel(session, place, active_only=False)
        if held is not None and held.program_id != roster.program.id:
            problems.append(
                RosterProblem(
                    place.line,
                    f"channel '{place.channel}' is already the choosing "
                    f"channel of program '{held.program_id}'",
                )
            )
        elif supervised is not None:
            problems.append(
                RosterProblem(
                    place.line,
                    f"channel '{place.channel}' is a supervised channel of "
                    "a match; the choosing channel needs its own channel",
                )
            )
    return problems


class YearWriter:
    """Upserts settings, choosing channels, profiles and commitments (counted under 'profiles')."""

    def __init__(
        self, session: Session, roster: Roster, *, now: datetime, count: Count, notes: list[str]
    ) -> None:
        self.s, self.roster, self.now, self.count, self.notes = session, roster, now, count, notes

    def write(self, people: dict[str, Person], matches: dict[str, Match]) -> None:
        self._settings()
        self._channels()
        for person in self.roster.people:
            if person.profile is not None or person.employer is not None:
                self._profile(person, people[person.id])
        self._commitments(people, matches)
        self.s.flush()

    def _settings(self) -> None:
        year, pid = self.roster.program.year, self.roster.program.id
        row = self.s.get(ChoosingSettings, pid)
        if row is None and not year.given:
            return
        values = {
            "optional_fields_json": dump(year.optional_fields),
            "genders_json": dump(year.genders),
            "max_choices": year.max_choices,
            "models_json": dump(year.models),
            "max_group_size_json": dump(year.max_group_size),
            "after_meet_and_greet": year.after_meet_and_greet,
            "commitment_months": year.commitment_months,
            "to_graduation": year.to_graduation,
            "final_grade": year.final_grade,
            "renewal_notice_days": year.renewal_notice_days,
        }
        if row is None:
            self.s.add(ChoosingSettings(program_id=pid, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)

    def _channels(self) -> None:
        pid = self.roster.program.id
        listed = set()
        for place in self.roster.program.year.channels:
            listed.add((place.platform, place.workspace, place.channel))
            row = choosing_repo.program_channel(self.s, place)
            if row is None:
                self.s.add(
                    ProgramChannel(
                        program_id=pid,
                        side=place.side,
                        platform=place.platform,
                        workspace=place.workspace,
                        channel=place.channel,
                    )
                )
            else:
                row.side, row.active = place.side, True
        for row in choosing_repo.program_channels(self.s, pid):
            if (row.platform, row.workspace, row.channel) not in listed:
                row.active = False
                self.notes.append(f"choosing channel '{row.channel}' ({row.platform}) is no longer used")

    def _profile(self, person: RosterPerson, row: Person) -> None:
        values: dict[str, Any] = {}
        if person.employer is not None:
            values["employer"] = person.employer
        p = person.profile
        if p is not None:
            values |= {
                "bio_text": p.bio,
                "job_title": p.title,
                "pathway": p.pathway,
                "gender": p.gender and p.gender.casefold(),
                "gender_preference": p.gender_preference and p.gender_preference.casefold(),
                "capacity": p.capacity,
                "team": p.team,
                "models_json": dump(p.models),
                "grades_json": dump(p.grades),
            }
            values |= {f"{name}_json": dump(getattr(p, name)) for name in LISTS}
        stored = choosing_repo.profile(self.s, row.id)  # type: ignore[arg-type]
        if stored is None:
            stored = ProfileRow(
                person_id=row.id,
                program_id=row.program_id,
                updated_at=self.now,  # type: ignore[arg-type]
                updated_by="roster import",
                **values,
            )
            self.s.add(stored)
            self.count("profiles", True, True)
            return
        changed = {k: v for k, v in values.items() if getattr(stored, k) != v}
        if "bio_text" in changed:
            stored.bio_state, stored.bio_check_json, stored.bio_approved_by = "unchecked", "[]", None
        for name, value in changed.items():
            setattr(stored, name, value)
        if changed:
            stored.updated_at, stored.updated_by = self.now, "roster import"
        self.count("profiles", False, bool(changed))

    def _commitments(self, people: dict[str, Person], matches: dict[str, Match]) -> None:
        year = self.roster.program.year
        rule = CommitmentRule(
            months=year.commitment_months, to_graduation=year.to_graduation, final_grade=year.final_grade
        )
        for match in self.roster.matches:
            if match.started is None:
                continue
            row = matches[match.id]
            stored = handover_repo.commitment(self.s, row.id)  # type: ignore[arg-type]
            if match.committed_until is not None:
                until, basis = match.committed_until, "set"
            elif stored is not None and stored.started_on == match.started:
                continue  # keep what was computed, set or renewed before
            else:
                grades = [people[k].grade for k in match.students if k in people]
                until, basis = committed_until(match.started, rule, grades)
            if stored is None:
                self.s.add(
                    Commitment(
                        match_id=row.id,
                        program_id=row.program_id,
                        started_on=match.started,  # type: ignore[arg-type]
                        committed_until=until,
                        basis=basis,
                    )
                )
            else:
                stored.started_on, stored.committed_until, stored.basis = match.started, until, basis
