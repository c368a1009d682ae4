"""Recording the program's records: permission forms, mentor training modules and completions,
clearance. Each is a coordinator action written to the audit trail (so it is chained), and each
may clear a gate: ``bot.year.actions`` releases the messages it held once the record is committed.

A form is a real record (which form, the guardian who signed, signed and expiry dates, the
platforms it covers); a new form never overwrites an old one, so the history stays.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session

from bot.year.settings import YearError
from storage import audit, year_repo
from storage.models import Person
from storage.models_year import ConsentForm, TrainingModule, TrainingRecord

DEFAULT_FORM = "WBL Travel and Media Consent Form"


def _platforms(platforms: list[str], known: tuple[str, ...]) -> str:
    cleaned = sorted({p.strip().lower() for p in platforms if p.strip()})
    if not cleaned:
        raise YearError(
            "say which platforms the form covers (e.g. discord, slack): a form that does not "
            "cover the platform a student uses counts as no form"
        )
    unknown = [p for p in cleaned if p not in known]
    if unknown:
        raise YearError(f"unknown platform {', '.join(unknown)}; use {', '.join(known)}")
    return ",".join(cleaned)


def record_consent(
    session: Session,
    student: Person,
    *,
    form_type: str,
    guardian: str,
    signed_on: date,
    expires_on: date | None,
    platforms: list[str],
    known_platforms: tuple[str, ...],
    actor: str,
    now: datetime,
    note: str = "",
) -> ConsentForm:
    """File a permission form for a student (the caller commits)."""
    if student.role != "student":
        raise YearError(f"{student.display_name} is a {student.role}; permission forms are for students")
    guardian, form_type = guardian.strip(), (form_type.strip() or DEFAULT_FORM)
    if not guardian:
        raise YearError("write the name of the parent or guardian who signed the form")
    if expires_on is not None and expires_on <= signed_on:
        raise YearError(f"the form expires ({expires_on}) before it was signed ({signed_on})")
    if signed_on > now.date() + timedelta(days=1):
        raise YearError(f"the form is dated {signed_on}, in the future; check the date")
    form = ConsentForm(
        program_id=student.program_id,
        person_id=student.id,
        form_type=form_type[:200],  # type: ignore[arg-type]
        guardian_name=guardian[:200],
        signed_on=signed_on,
        expires_on=expires_on,
        platforms=_platforms(platforms, known_platforms),
        recorded_by=actor,
        recorded_at=now,
        note_text=note.strip() or None,
    )
    session.add(form)
    if student.consent_received is None or student.consent_received < signed_on:
        student.consent_received, student.consent_recorded_by = signed_on, actor  # older readers' field
        session.add(student)
    session.flush()
    audit.record(
        session,
        program_id=student.program_id,
        actor=actor,
        action="consent.record",
        at=now,
        target=f"person:{student.key}",
        detail={
            "form": form.form_type,
            "signed_on": str(signed_on),
            "platforms": form.platforms,
            "expires_on": str(expires_on) if expires_on else None,
        },
    )
    return form


def withdraw_consent(
    session: Session, form: ConsentForm, student: Person, *, on: date, actor: str, now: datetime
) -> None:
    """A guardian withdrew a form: from ``on`` the student's messages are held like with no form."""
    form.withdrawn_on = on
    session.add(form)
    audit.record(
        session,
        program_id=student.program_id,
        actor=actor,
        action="consent.withdraw",
        at=now,
        target=f"person:{student.key}",
        detail={"form_id": form.id, "withdrawn_on": str(on)},
    )


def add_module(
    session: Session,
    program_id: str,
    *,
    key: str,
    title: str,
    required: bool,
    valid_days: int | None,
    actor: str,
    now: datetime,
) -> TrainingModule:
    """Add or change a training module (required modules gate mentors like clearance does)."""
    key = key.strip().lower()
    if not key or len(key) > 64 or not key.replace("-", "").isalnum():
        raise YearError("a module key is a short word such as 'orientation' or 'confidentiality'")
    if valid_days is not None and valid_days < 1:
        raise YearError("a module stays valid for at least one day (or leave it out: for good)")
    module = year_repo.training_module(session, program_id, key) or TrainingModule(
        program_id=program_id, key=key, title=title, created_at=now
    )
    module.title, module.required, module.valid_days = (title.strip() or key)[:200], required, valid_days
    session.add(module)
    audit.record(
        session,
        program_id=program_id,
        actor=actor,
        action="training.module",
        at=now,
        target=f"module:{key}",
        detail={"required": required, "valid_days": valid_days},
    )
    session.flush()
    return module


def record_training(
    session: Session,
    mentor: Person,
    module: TrainingModule,
    *,
    completed_on: date,
    actor: str,
    now: datetime,
    note: str = "",
) -> TrainingRecord:
    """A mentor completed a module (the caller commits)."""
    if mentor.role not in ("mentor", "coordinator", "teacher"):
        raise YearError(
            f"{mentor.display_name} is a {mentor.role}; training records are for mentors and staff"
        )
    if completed_on > now.date() + timedelta(days=1):
        raise YearError(f"the completion date {completed_on} is in the future; check the date")
    expires = completed_on + timedelta(days=module.valid_days) if module.valid_days else None
    record = TrainingRecord(
        program_id=mentor.program_id,
        person_id=mentor.id,
        module_id=module.id,  # type: ignore[arg-type]
        completed_on=completed_on,
        expires_on=expires,
        recorded_by=actor,
        recorded_at=now,
        note_text=note.strip() or None,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        program_id=mentor.program_id,
        actor=actor,
        action="training.record",
        at=now,
        target=f"person:{mentor.key}",
        detail={"module": module.key, "completed_on": str(completed_on)},
    )
    return record


def record_clearance(
    session: Session, mentor: Person, *, cleared_on: date, expires_on: date | None, actor: str, now: datetime
) -> None:
    """A mentor's clearance (background check) recorded or renewed (the caller commits)."""
    if mentor.role != "mentor":
        raise YearError(f"{mentor.display_name} is a {mentor.role}; clearance is recorded for mentors")
    if expires_on is not None and expires_on <= cleared_on:
        raise YearError(f"the clearance expires ({expires_on}) before it was given ({cleared_on})")
    mentor.cleared_on, mentor.clearance_expires = cleared_on, expires_on
    session.add(mentor)
    session.flush()
    audit.record(
        session,
        program_id=mentor.program_id,
        actor=actor,
        action="clearance.record",
        at=now,
        target=f"person:{mentor.key}",
        detail={"cleared_on": str(cleared_on), "expires_on": str(expires_on) if expires_on else None},
    )
