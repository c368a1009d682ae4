"""Shared pieces of the program-year tests (tests/year): the Northside roster and small readers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.models import AuditEvent, Person
from storage.models_choosing import Choice

YEAR_ROSTER = Path(__file__).resolve().parents[1] / "year" / "year-program.yml"
PROGRAM = "northside-ptech"


def audit_actions(engine: Engine, *, target: str | None = None) -> list[str]:
    """The program's audit actions in order (of one target, e.g. "person:lee")."""
    with Session(engine) as session:
        query = select(AuditEvent).where(AuditEvent.program_id == PROGRAM).order_by(AuditEvent.id)
        return [e.action for e in session.exec(query) if target is None or e.target == target]


def choices_of(engine: Engine, student: str) -> list[str]:
    """A student's chosen mentors, 1st first."""
    with Session(engine) as session:
        people = {p.id: p.key for p in session.exec(select(Person).where(Person.program_id == PROGRAM))}
        rows = session.exec(select(Choice).order_by(Choice.rank))
        return [people[c.mentor_id] for c in rows if people[c.student_id] == student]
