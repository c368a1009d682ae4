"""What the desk's program-year pages show (issue 14). Each read is written to the access log in
the transaction that reads it, before the page is rendered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.web.scope import NotFound, ProgramScope
from bot.year import checkins, credit, expectations
from bot.year.settings import Year, load_year
from bot.year.views import RecordsView, records_view
from storage import desk_repo, year_repo
from storage.models import Person
from storage.models_year import ExpectationsTemplate, ProgramTerm


@dataclass(frozen=True, slots=True)
class YearPage:
    year: Year
    template: ExpectationsTemplate | None
    acks: list[expectations.AckLine]
    terms: list[ProgramTerm]
    checkins: list[checkins.CheckinLine]

    @property
    def waiting(self) -> int:
        return sum(1 for a in self.acks if a.acknowledged_at is None)


def year_page(program: ProgramScope) -> YearPage:
    with program.session() as session:
        page = YearPage(
            load_year(session, program.program(session)),
            year_repo.latest_template(session, program.program_id),
            expectations.status(session, program.program_id),
            year_repo.terms(session, program.program_id),
            checkins.answers(session, program.program_id),
        )
        program.audit(
            session,
            action="year.view",
            target=f"program:{program.program_id}",
            rows=len(page.acks) + len(page.checkins),
        )
        session.commit()
    return page


@dataclass(frozen=True, slots=True)
class RecordsPage:
    records: RecordsView
    students: list[Person]
    mentors: list[Person]
    match_keys: list[str]


def records_page(program: ProgramScope) -> RecordsPage:
    view = records_view(program.engine, program.program_id, program.now())
    with program.session() as session:
        people = desk_repo.people(session, program.program_id)
        keys = sorted(desk_repo.match_keys(session, program.program_id).values())
        program.audit(
            session,
            action="records.view",
            target=f"program:{program.program_id}",
            rows=len(view.mentors) + len(view.students),
        )
        session.commit()
    return RecordsPage(
        view, [p for p in people if p.role == "student"], [p for p in people if p.role == "mentor"], keys
    )


@dataclass(frozen=True, slots=True)
class StudentYearPage:
    person: Person
    detail: credit.StudentDetail
    year: Year


def student_year(program: ProgramScope, key: str) -> StudentYearPage:
    with program.session() as session:
        person = program.person(session, key)
        if person.role != "student":
            raise NotFound("That student")
        prog = program.program(session)
        detail = credit.student_detail(session, prog, person, credit.Period(), program.now())
        program.audit(
            session,
            action="year.student.view",
            target=f"person:{person.key}",
            rows=len(detail.reflections) + len(detail.feedback),
        )
        session.commit()
        return StudentYearPage(person, detail, load_year(session, prog))


def credit_page(program: ProgramScope, since: date | None, until: date | None) -> credit.ProgramCredit:
    with program.session() as session:
        report = credit.program_report(
            session, program.program(session), credit.Period(since, until), program.now()
        )
        program.audit(
            session, action="report.view", target=f"program:{program.program_id}", rows=len(report.students)
        )
        session.commit()
    return report
