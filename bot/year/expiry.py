"""Reminders to the coordinator before anything expires: permission forms, required training,
mentor clearance. One alert when an item comes within the program's warning window (30 days by
default) and one when it has expired, never more (``expiry_reminder`` is unique per item and
stage; a renewal is a new item, or a new date for clearance, so it is watched afresh).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.year.settings import Year, load_year
from bot.year.standing import form_label, platforms_of
from storage import repo, year_repo
from storage.models import Person, Program
from storage.models_year import ExpiryReminder


@dataclass(frozen=True, slots=True)
class Due:
    """Something that expires, as the coordinator is told about it."""

    kind: str  # consent | training | clearance
    item_id: int
    expires_on: date
    person: Person
    what: str  # "permission form (WBL Travel and Media Consent Form signed by ...)"
    after: str  # what happens when it runs out


def remind_expiring(engine: Engine, now: datetime) -> int:
    """Raise the reminders that are due in every program; returns how many were raised."""
    raised = 0
    with Session(engine) as session:
        for program in repo.programs(session):
            year = load_year(session, program)
            today = year.today(now)
            for due in watched(session, program):
                raised += _remind(session, program, year, due, today, now)
        session.commit()
    return raised


def watched(session: Session, program: Program) -> list[Due]:
    """Every current expiring record of the program's active people."""
    people = {p.id: p for p in repo.people(session, program.id) if p.active}
    found: list[Due] = []
    newest_form: dict[int, object] = {}
    for form in year_repo.program_consent_forms(session, program.id):  # newest first
        if form.person_id in people and form.person_id not in newest_form:
            newest_form[form.person_id] = form
            if form.expires_on is not None and form.withdrawn_on is None:
                found.append(
                    Due(
                        "consent",
                        form.id,
                        form.expires_on,
                        people[form.person_id],  # type: ignore[arg-type]
                        f"permission form ({form_label(form)}, covering {', '.join(platforms_of(form))})",
                        "their messages will be held like with no form",
                    )
                )
    modules = {m.id: m for m in year_repo.training_modules(session, program.id) if m.required}
    latest: dict[tuple[int, int], object] = {}
    for record in year_repo.program_training(session, program.id):  # oldest first: the newest wins
        latest[(record.person_id, record.module_id)] = record
    for (person_id, module_id), record in latest.items():
        if person_id in people and module_id in modules and record.expires_on is not None:  # type: ignore[attr-defined]
            found.append(
                Due(
                    "training",
                    record.id,
                    record.expires_on,
                    people[person_id],  # type: ignore[attr-defined]
                    f"training '{modules[module_id].title}'",
                    "their messages will be held until it is renewed",
                )
            )
    for person in people.values():
        if person.role == "mentor" and person.clearance_expires is not None:
            found.append(
                Due(
                    "clearance",
                    person.id,
                    person.clearance_expires,
                    person,
                    "clearance",  # type: ignore[arg-type]
                    "their messages will be held until it is renewed",
                )
            )
    return found


def _remind(session: Session, program: Program, year: Year, due: Due, today: date, now: datetime) -> int:
    if today > due.expires_on:
        stage = "expired"
        text = (
            f"{due.person.display_name}'s {due.what} expired on {due.expires_on:%d %b %Y}: "
            f"{due.after} until a new one is recorded."
        )
    elif today >= due.expires_on - timedelta(days=year.expiry_warning_days):
        stage = "soon"
        days = (due.expires_on - today).days
        text = (
            f"{due.person.display_name}'s {due.what} expires on {due.expires_on:%d %b %Y} "
            f"(in {days} day{'s' if days != 1 else ''}): renew it in time, or {due.after}."
        )
    else:
        return 0
    key = f"{stage}:{due.expires_on}" if due.kind == "clearance" else stage
    new_id = year_repo.insert_once(
        session,
        ExpiryReminder,
        ["item_kind", "item_id", "stage"],
        {
            "program_id": program.id,
            "item_kind": due.kind,
            "item_id": due.item_id,
            "stage": key,
            "created_at": now,
        },
    )
    if new_id is None:
        return 0
    alert = raise_alert(session, program=program, kind="expiry", urgent=False, summary=text, now=now)
    session.get(ExpiryReminder, new_id).alert_id = alert.id  # type: ignore[union-attr]
    return 1
