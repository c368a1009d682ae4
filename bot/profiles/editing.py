"""Entering and editing a profile on the desk: the same rules as the roster file, field by field.

Lists are typed comma-separated ("engineering, energy"). A changed bio goes back to "unchecked"
and is checked by the program's policy when it is saved. Every save is audited with the names of
the fields that changed (not their values: the audit trail is not a second copy of the bio).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.profiles.bio_check import check_bio
from bot.profiles.bios import PolicyFor, bio_text
from bot.profiles.model import ProfileView, choosing_options, load_profile, view_of
from bot.roster.schema import CHOOSING_MODELS
from bot.roster.validate_profiles import BIO_LIMIT, MENTOR_ONLY, STUDENT_ONLY, TAG_LIMIT
from storage import audit, choosing_repo, repo
from storage.models import Person
from storage.models_choosing import Profile as ProfileRow

TEXT_FIELDS = ("bio", "title", "employer", "pathway", "gender", "gender_preference", "team")
LIST_FIELDS = ("interests", "languages", "availability", "hobbies", "pathways", "models", "grades")
COLUMN = {
    "bio": "bio_text",
    "title": "job_title",
    "capacity": "capacity",
    **{name: name for name in ("employer", "pathway", "gender", "gender_preference", "team")},
    **{name: f"{name}_json" for name in LIST_FIELDS},
}

# The columns the bio post shows students (``bios.bio_text``): a change to any is checked again.
POSTED_COLUMNS = {COLUMN[name] for name in ("bio", "title", "employer", "pathway", "interests",
                                            "languages", "models")}


class ProfileError(Exception):
    """The form has problems; nothing was saved. ``errors`` maps each field to what to fix."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


def split_list(text: str) -> list[str]:
    """ "engineering, energy" -> ["engineering", "energy"] (blank entries and repeats dropped)."""
    out: list[str] = []
    for part in text.replace("\n", ",").split(","):
        part = " ".join(part.split())
        if part and part.casefold() not in (p.casefold() for p in out):
            out.append(part)
    return out


def parse_form(
    form: Mapping[str, str],
    *,
    role: str,
    settings_genders: tuple[str, ...],
    optional: tuple[str, ...],
    program_models: tuple[str, ...],
) -> dict[str, object]:
    """The form's values as column values; raises ProfileError naming every field to fix."""
    errors: dict[str, str] = {}
    wrong = MENTOR_ONLY if role == "student" else STUDENT_ONLY
    values: dict[str, object] = {}
    for name in TEXT_FIELDS + LIST_FIELDS + ("capacity",):
        raw = (form.get(name) or "").strip()
        if name in wrong or (name == "employer" and role == "student"):
            if raw:
                errors[name] = f"not asked of a {role}"
            continue
        if name in ("gender", "gender_preference") and name not in optional:
            if raw:
                errors[name] = "this program does not ask for it (profiles.optional_fields in the roster)"
            continue
        values[COLUMN[name]] = _value(name, raw, errors, settings_genders, program_models)
    if errors:
        raise ProfileError(errors)
    return values


def _value(
    name: str, raw: str, errors: dict[str, str], genders: tuple[str, ...], models: tuple[str, ...]
) -> object:
    if name == "bio":
        if len(raw) > BIO_LIMIT:
            errors[name] = f"{len(raw)} characters; at most {BIO_LIMIT}"
        return raw
    if name == "capacity":
        if not raw:
            return None
        if not raw.isdigit() or not 0 <= int(raw) <= 20:
            errors[name] = "a whole number from 0 to 20 (how many matches)"
            return None
        return int(raw)
    if name in ("gender", "gender_preference"):
        value = raw.casefold() or None
        allowed = genders + (("same", "any") if name == "gender_preference" else ())
        if value is not None and value not in allowed:
            errors[name] = "one of: " + ", ".join(allowed)
        return value
    if name in TEXT_FIELDS:
        return raw or None
    entries = split_list(raw)
    if name == "grades":
        if any(not e.isdigit() or not 1 <= int(e) <= 14 for e in entries):
            errors[name] = "grades 1 to 14, separated by commas"
            return "[]"
        return json.dumps(sorted({int(e) for e in entries}))
    if name == "models":
        unknown = [e for e in entries if e not in CHOOSING_MODELS or e not in models]
        if unknown:
            errors[name] = f"'{unknown[0]}' is not a model of this program; use " + ", ".join(models)
    if any(len(e) > TAG_LIMIT for e in entries):
        errors[name] = f"keep each entry under {TAG_LIMIT} characters"
    return json.dumps(entries, ensure_ascii=False)


def profile_row(session: Session, person: Person, now: datetime) -> ProfileRow:
    """The person's stored profile, or a new empty one (added when changes are stored)."""
    row = choosing_repo.profile(session, person.id)  # type: ignore[arg-type]
    return row or ProfileRow(person_id=person.id, program_id=person.program_id, updated_at=now)  # type: ignore[arg-type]


def store_changes(session: Session, row: ProfileRow, person: Person, values: Mapping[str, object], *,
                  now: datetime, actor: str, detail: Mapping[str, object],
                  before: object = None) -> list[str]:
    """Set the columns that differ and audit the change (field names only, never their values).

    ``before`` is called with the changed column names before the audit row is written (the bio's
    check, say)."""
    changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
    for name in changed:
        setattr(row, name, values[name])
    if callable(before):
        before(changed)
    row.updated_at, row.updated_by = now, actor
    session.add(row)
    said = {"fields": changed, **detail, **({"bio_state": row.bio_state} if "bio_text" in values else {})}
    audit.record(session, program_id=person.program_id, actor=actor, action="profile.update", at=now,
                 target=f"person:{person.key}", detail=said)
    return changed


def save_profile(
    engine: Engine,
    policy_for: PolicyFor,
    program_id: str,
    person_key: str,
    form: Mapping[str, str],
    *,
    now: datetime,
    actor: str,
) -> ProfileView:
    """Create or update a profile from the desk's form; the bio is checked at once."""
    with Session(engine) as session:
        person = repo.person_by_key(session, program_id, person_key)
        if person is None or person.role not in ("mentor", "student"):
            raise ProfileError({"person": f"no mentor or student '{person_key}' in this program"})
        year = choosing_options(session, program_id)
        values = parse_form(form, role=person.role, settings_genders=year.genders,
                            optional=year.optional_fields, program_models=year.models)
        row = profile_row(session, person, now)

        def check(changed: list[str]) -> None:
            if set(changed) & POSTED_COLUMNS or row.bio_state == "unchecked":
                program = repo.program(session, program_id)
                posted = bio_text(view_of(person, row)) if row.bio_text.strip() else ""
                verdict = check_bio(policy_for(program.policy_file if program else None), posted,
                                    role=person.role, timezone=program.timezone if program else "UTC")
                row.bio_state, row.bio_checked_at, row.bio_approved_by = verdict.state, now, None
                row.bio_check_json = json.dumps(verdict.as_json_rows(), ensure_ascii=False)

        store_changes(session, row, person, values, now=now, actor=actor, detail={"via": "desk"},
                      before=check)
        session.commit()
        return load_profile(session, person)
