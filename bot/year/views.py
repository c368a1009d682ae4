"""The program year as the coordinator reads it: every mentor's clearance and training, every
student's permission form, and what expires soon (the desk's Records page and ``mentorbot
consent list`` / ``training list``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.year.expiry import watched
from bot.year.settings import load_year
from bot.year.standing import (
    clearance_state,
    consent_state,
    current_form,
    form_label,
    module_status,
    training_state,
)
from storage import repo, year_repo
from storage.models import Person, Program
from storage.models_year import TrainingModule


@dataclass(frozen=True, slots=True)
class RecordLine:
    key: str
    name: str
    state: str  # ok | held (a gate holds their messages)
    detail: str  # in one line: the form, or clearance and each module


@dataclass(frozen=True, slots=True)
class Expiring:
    when: date
    days: int  # negative: already expired
    who: str
    what: str


@dataclass(slots=True)
class RecordsView:
    today: date
    modules: list[TrainingModule]
    mentors: list[RecordLine] = field(default_factory=list)
    students: list[RecordLine] = field(default_factory=list)
    expiring: list[Expiring] = field(default_factory=list)


def records_view(engine: Engine, program_id: str, now: datetime) -> RecordsView:
    with Session(engine) as session:
        program = repo.program(session, program_id)
        assert program is not None
        year = load_year(session, program)
        today = year.today(now)
        view = RecordsView(today, year_repo.training_modules(session, program_id))
        for person in repo.people(session, program_id):
            if not person.active:
                continue
            if person.role == "mentor":
                view.mentors.append(_mentor(session, person, view.modules, today))
            elif person.role == "student":
                view.students.append(_student(session, program, person, today))
        for due in watched(session, program):
            days = (due.expires_on - today).days
            if days <= year.expiry_warning_days:
                view.expiring.append(Expiring(due.expires_on, days, due.person.display_name, due.what))
        view.expiring.sort(key=lambda e: e.when)
        return view


def _mentor(session: Session, person: Person, modules: list[TrainingModule], today: date) -> RecordLine:
    clearance, training = clearance_state(person, today), training_state(session, person, today)
    cleared = (
        "not cleared"
        if person.cleared_on is None
        else f"cleared {person.cleared_on:%d %b %Y}"
        + (f" until {person.clearance_expires:%d %b %Y}" if person.clearance_expires else "")
    )
    latest = year_repo.latest_training(session, person.id)  # type: ignore[arg-type]
    parts = [cleared]
    for module in modules:
        record = latest.get(module.id)  # type: ignore[arg-type]
        status = module_status(record, module, today)
        done = f" {record.completed_on:%d %b %Y}" if record is not None and status != "missing" else ""
        parts.append(f"{module.title}: {status}{done}" + ("" if module.required else " (optional)"))
    state = "ok" if clearance.ok and training.ok else "held"
    return RecordLine(person.key, person.display_name, state, "; ".join(parts))


def _student(session: Session, program: Program, person: Person, today: date) -> RecordLine:
    platforms = sorted({a.platform for a in repo.accounts_of(session, person.id)})  # type: ignore[arg-type]
    problems = [consent_state(session, person, p, today) for p in platforms] or [
        consent_state(session, person, "any", today)
    ]
    form = current_form(session, person, today)
    if form is not None:
        until = f" until {form.expires_on:%d %b %Y}" if form.expires_on else ""
        detail = f"{form_label(form)}{until}; covers {form.platforms.replace(',', ', ')}"
    elif person.consent_received is not None and not year_repo.consent_forms(session, person.id):  # type: ignore[arg-type]
        detail = f"on file since {person.consent_received:%d %b %Y} (form details not recorded)"
    else:
        detail = next((s.reason for s in problems if not s.ok), "no form")
    bad = [f"{p}: {s.rule}" for p, s in zip(platforms, problems, strict=False) if not s.ok]
    if bad:
        detail += " — held on " + ", ".join(bad)
    return RecordLine(
        person.key,
        person.display_name,
        "held" if bad or not platforms and not problems[0].ok else "ok",
        detail,
    )
