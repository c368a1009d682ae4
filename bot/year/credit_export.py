"""One audited way to produce the credit report for the desk and the CLI: the read is recorded in
the access log (chained) in the same transaction that reads, before anything is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.web.exports import ExportMeta, verification_head
from bot.web.pages import local_time
from bot.year import credit, credit_files
from bot.year.settings import YearError
from storage import audit, repo

FORMATS = ("csv", "pdf")
MEDIA = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}


@dataclass(frozen=True, slots=True)
class ReportFile:
    filename: str
    media_type: str
    body: bytes | str


def read_report(
    session: Session,
    program_id: str,
    period: credit.Period,
    *,
    actor: str,
    now: datetime,
    purpose: str,
    person_key: str | None = None,
) -> tuple[credit.ProgramCredit | credit.StudentDetail, ExportMeta]:
    """The report (a program's, or one student's detail) and its export header; audited first."""
    program = repo.program(session, program_id)
    if program is None:
        raise YearError(f"there is no program '{program_id}'")
    person = None
    if person_key is not None:
        person = repo.person_by_key(session, program_id, person_key)
        if person is None or person.role != "student":
            raise YearError(f"there is no student '{person_key}' in {program.name}")
    target = f"person:{person.key}" if person else f"program:{program_id}"
    report: credit.ProgramCredit | credit.StudentDetail
    if person is not None:
        report = credit.student_detail(session, program, person, period, now)
        rows, subject = 1, f"student {person.display_name} ({person.key})"
    else:
        report = credit.program_report(session, program, period, now)
        rows, subject = len(report.students), "every student"
    audit.record(
        session,
        program_id=program_id,
        actor=actor,
        action=purpose,
        target=target,
        rows=rows,
        at=now,
        detail={"period": period.label},
    )
    session.commit()
    entries, head = verification_head(session, program_id)
    meta = ExportMeta(
        program_id=program_id,
        program_name=program.name,
        subject=subject,
        period=period.label,
        exported_at=local_time(now, program.timezone),
        exported_by=actor,
        log_entries=entries,
        log_hash=head,
    )
    return report, meta


def export(
    engine: Engine,
    program_id: str,
    fmt: str,
    period: credit.Period,
    *,
    actor: str,
    now: datetime,
    person_key: str | None = None,
) -> ReportFile:
    """The report as a CSV or PDF file, its name carrying program, subject and day."""
    if fmt not in FORMATS:
        raise YearError(f"the credit report comes as {' or '.join(FORMATS)}, not '{fmt}'")
    with Session(engine) as session:
        report, meta = read_report(
            session,
            program_id,
            period,
            actor=actor,
            now=now,
            person_key=person_key,
            purpose=f"report.export.{fmt}",
        )
    if isinstance(report, credit.StudentDetail):
        body = (
            credit_files.student_csv(meta, report) if fmt == "csv" else credit_files.student_pdf(meta, report)
        )
    else:
        body = (
            credit_files.program_csv(meta, report) if fmt == "csv" else credit_files.program_pdf(meta, report)
        )
    name = f"{program_id}-credit-{person_key or 'program'}-{now:%Y%m%d}.{fmt}"
    return ReportFile(name, MEDIA[fmt], body)
