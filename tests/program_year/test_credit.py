"""The participation and credit report per student and per program, in CSV and PDF, with the desk's
export rules (formula-neutral cells, invisible characters shown, the read in the access log)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlmodel import Session, select

from bot.prompts.topics import import_topics
from bot.year import credit, credit_export
from storage import repo
from storage.models import AuditEvent
from support.prompt_helpers import ny

CALENDAR = Path(__file__).with_name("topics-reflections.csv")
PROGRAM = "riverside-ptech"


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine


@pytest.fixture
async def two_weeks(year):  # type: ignore[no-untyped-def]
    """Two prompt weeks of the sample program: Ana answers the first and reflects; Ben answers neither."""
    h = year.h
    import_topics(h.app.engine, CALENDAR, clock=h.clock, actor="test", program_id=PROGRAM)
    await year.do("set_expectations", "We write every week.", actor="okafor")
    await year.command("ana", "dana-ana-student", "agree")
    h.clock.now = ny(date(2026, 10, 19))
    await year.core.send_prompt_now(PROGRAM)
    h.clock.advance(hours=2)
    await h.say("ana", "dana-ana-student", "A Tuesday at the plant sounds busy!")
    await year.command("ana", "dana-ana-student", 'reflect =HYPERLINK("http://x") shifts \u202eevil')
    await year.command("ana", "dana-ana-student", "skills teamwork 2")
    await year.command("dana", "dana-ana-mentor", "feedback Ana =1+1 asks sharp questions")
    await year.do(
        "log_activity",
        title="Visit to the control room",
        kind="workplace visit",
        held_on=date(2026, 10, 23),
        hours=2.5,
        match_key="dana-ana",
        person_keys=[],
        actor="okafor",
    )
    h.clock.now = ny(date(2026, 10, 26))
    await year.core.send_prompt_now(PROGRAM)
    await year.command("ana", "dana-ana-student", "skills teamwork 3")
    await h.app.delivery.run_once()
    return year


async def test_the_report_counts_what_each_student_did(two_weeks) -> None:
    with Session(two_weeks.h.app.engine) as session:
        program = repo.program(session, PROGRAM)
        report = credit.program_report(session, program, credit.Period(), two_weeks.h.clock())
    rows = {r.key: r for r in report.students}
    ana, ben = rows["ana"], rows["ben"]
    assert (ana.prompt_weeks, ana.prompt_weeks_answered, ana.messages) == (2, 1, 1)
    assert (ana.reflections_asked, ana.reflections, ana.reflection_weeks_answered) == (2, 1, 1)
    assert (ana.skills, ana.skill_ratings, ana.feedback) == ("teamwork 2 → 3", 2, 1)
    assert (ana.activities, ana.hours, ana.mentors) == (1, 2.5, ["Dana Whitfield", "Ivy N."])  # Ivy: peer
    assert ana.expectations_acknowledged is not None
    assert ana.permission_form == "on file since 08 Sep 2026 (details not recorded)"
    assert (ben.prompt_weeks, ben.prompt_weeks_answered, ben.reflections, ben.hours) == (2, 0, 0, 0.0)
    assert rows["hal"].permission_form == "none in force" and rows["hal"].matches == [
        "kim-hal (one-to-one, proposed)"
    ]
    with Session(two_weeks.h.app.engine) as session:
        program = repo.program(session, PROGRAM)
        later = credit.program_report(
            session, program, credit.Period(since=date(2026, 10, 24)), two_weeks.h.clock()
        )
    ana_later = next(r for r in later.students if r.key == "ana")
    assert (ana_later.prompt_weeks, ana_later.reflections, ana_later.hours, ana_later.skills) == (
        1,
        0,
        0.0,
        "teamwork 3",
    )


async def test_the_exports_are_audited_first_and_safe_to_open(two_weeks) -> None:
    h = two_weeks.h
    period = credit.Period(since=date(2026, 9, 1), until=date(2027, 6, 30))
    program_csv = credit_export.export(h.app.engine, PROGRAM, "csv", period, actor="okafor", now=h.clock())
    lines = list(csv.reader(io.StringIO(program_csv.body)))
    assert lines[0] == ["# Riverside P-TECH Career Mentoring — participation and credit report"]
    assert lines[1][0].startswith("# Period: 2026-09-01 to 2027-06-30; exported Mon 26 Oct 2026")
    assert lines[2][0].startswith("# Verification: at export time the message log of program riverside-ptech")
    rows = {r[1]: dict(zip(lines[3], r, strict=True)) for r in lines[4:]}
    assert rows["ana"]["prompt_weeks_answered"] == "1" and rows["ana"]["hours"] == "2.5"
    assert program_csv.filename == "riverside-ptech-credit-program-20261026.csv"

    student_csv = credit_export.export(
        h.app.engine, PROGRAM, "csv", period, actor="okafor", now=h.clock(), person_key="ana"
    )
    evidence = list(csv.reader(io.StringIO(student_csv.body)))[4:]
    [reflection] = [r for r in evidence if r[0] == "reflection"]
    assert reflection[3] == '[chat] =HYPERLINK("http://x") shifts ⟦U+202E⟧evil'  # "[" first: no formula
    assert "\u202e" not in student_csv.body
    assert ["mentor feedback", "2026-10-19", "Dana Whitfield", "'=1+1 asks sharp questions"] in evidence
    assert ["summary", "", "hours", "2.5"] in evidence

    pdf = credit_export.export(
        h.app.engine, PROGRAM, "pdf", period, actor="okafor", now=h.clock(), person_key="ana"
    )
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.body)).pages).split())
    assert "Participation and credit report of Ana R. (ana)" in text and "Visit to the control room" in text
    assert "the school decides the credit" in text and "⟦U+202E⟧" in text
    whole = credit_export.export(h.app.engine, PROGRAM, "pdf", period, actor="okafor", now=h.clock())
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(whole.body)).pages).split())
    assert "Ben T. (ben)" in text and "1 of 2" in text
    with Session(h.app.engine) as session:
        reads = [
            (e.action, e.target)
            for e in session.exec(select(AuditEvent).where(AuditEvent.action.startswith("report.")))
        ]
    assert reads == [
        ("report.export.csv", "program:riverside-ptech"),
        ("report.export.csv", "person:ana"),
        ("report.export.pdf", "person:ana"),
        ("report.export.pdf", "program:riverside-ptech"),
    ]
