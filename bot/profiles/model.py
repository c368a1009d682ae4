"""A person's profile as the core reads it: the person's row and their profile row, lists decoded.

Everyone with the role mentor or student has a profile view, with or without a stored profile
(then every field is empty), so the desk, the bios and the matching step read one shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from storage import choosing_repo, repo
from storage.models import Person
from storage.models_choosing import ChoosingSettings
from storage.models_choosing import Profile as ProfileRow

PUBLISHABLE = ("ok", "approved")


def tags(text: str) -> tuple[str, ...]:
    """A JSON list column as a tuple."""
    return tuple(json.loads(text or "[]"))


@dataclass(frozen=True, slots=True)
class ProfileView:
    """What a bio shows and what the matching step reads about one person."""

    person: Person
    bio: str = ""
    title: str = ""
    employer: str = ""
    interests: tuple[str, ...] = ()
    pathway: str = ""
    languages: tuple[str, ...] = ()
    availability: tuple[str, ...] = ()
    hobbies: tuple[str, ...] = ()
    gender: str | None = None
    gender_preference: str | None = None
    capacity: int | None = None
    models: tuple[str, ...] = ()
    grades: tuple[int, ...] = ()
    pathways: tuple[str, ...] = ()
    team: str | None = None
    bio_state: str = "unchecked"
    bio_reasons: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    bio_checked_at: datetime | None = None
    bio_approved_by: str | None = None
    stored: bool = False

    @property
    def key(self) -> str:
        return self.person.key

    @property
    def name(self) -> str:
        return self.person.display_name

    @property
    def publishable(self) -> bool:
        """The bio passed the policy (or a coordinator approved a flagged one) and is not empty."""
        return bool(self.bio.strip()) and self.bio_state in PUBLISHABLE

    @property
    def headline(self) -> str:
        """ "Electrical engineer, Example Power & Light" (mentors) or the pathway (students)."""
        parts = (
            [p for p in (self.title, self.employer) if p]
            if self.person.role == "mentor"
            else [p for p in (self.pathway, f"grade {self.person.grade}" if self.person.grade else "") if p]
        )
        return ", ".join(parts)


def view_of(person: Person, row: ProfileRow | None) -> ProfileView:
    if row is None:
        return ProfileView(person=person)
    checks = json.loads(row.bio_check_json or "[]")
    return ProfileView(
        person=person,
        bio=row.bio_text,
        title=row.job_title or "",
        employer=row.employer or "",
        interests=tags(row.interests_json),
        pathway=row.pathway or "",
        languages=tags(row.languages_json),
        availability=tags(row.availability_json),
        hobbies=tags(row.hobbies_json),
        gender=row.gender,
        gender_preference=row.gender_preference,
        capacity=row.capacity,
        models=tags(row.models_json),
        grades=tuple(int(g) for g in tags(row.grades_json)),
        pathways=tags(row.pathways_json),
        team=row.team,
        bio_state=row.bio_state,
        bio_reasons=tuple((c["rule"], c["reason"]) for c in checks),
        bio_checked_at=row.bio_checked_at,
        bio_approved_by=row.bio_approved_by,
        stored=True,
    )


def load_profiles(
    session: Session, program_id: str, role: str | None = None, *, active_only: bool = True
) -> list[ProfileView]:
    """The program's mentors and students (one role when given) with their profiles, by name."""
    rows = choosing_repo.profiles(session, program_id)
    roles = (role,) if role else ("mentor", "student")
    people = [p for r in roles for p in repo.people(session, program_id, role=r)]
    if active_only:
        people = [p for p in people if p.active]
    return sorted(
        (view_of(p, rows.get(p.id)) for p in people),  # type: ignore[arg-type]
        key=lambda v: (v.person.role, v.name.casefold()),
    )


def load_profile(session: Session, person: Person) -> ProfileView:
    return view_of(person, choosing_repo.profile(session, person.id))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ChoosingOptions:
    """The program's choosing settings, decoded."""

    optional_fields: tuple[str, ...]
    genders: tuple[str, ...]
    max_choices: int
    models: tuple[str, ...]
    max_group_size: dict[str, int]
    after_meet_and_greet: bool
    commitment_months: int
    to_graduation: bool
    final_grade: int
    renewal_notice_days: int

    @property
    def asks_gender(self) -> bool:
        return "gender" in self.optional_fields

    @property
    def asks_gender_preference(self) -> bool:
        return "gender_preference" in self.optional_fields


def choosing_options(session: Session, program_id: str) -> ChoosingOptions:
    row: ChoosingSettings = choosing_repo.settings(session, program_id)
    return ChoosingOptions(
        optional_fields=tags(row.optional_fields_json),
        genders=tags(row.genders_json),
        max_choices=row.max_choices,
        models=tags(row.models_json),
        max_group_size=json.loads(row.max_group_size_json or "{}"),
        after_meet_and_greet=row.after_meet_and_greet,
        commitment_months=row.commitment_months,
        to_graduation=row.to_graduation,
        final_grade=row.final_grade,
        renewal_notice_days=row.renewal_notice_days,
    )
