"""The desk's program-year pages (issue 14): expectations and check-ins, training and consent
records with the everyday edits, a student's year and the credit report — scoped to the signed-in
coordinator's program, CSRF-checked, every read in the access log before it is shown."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import unquote

import pypdf
import pytest
from sqlmodel import Session, select

from storage.models import AuditEvent, Match


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    """The routes' SQL is the year's repository, tested on PostgreSQL in tests/program_year."""
    return sqlite_engine


async def post(client, page_url: str, action: str, data: dict) -> str:  # type: ignore[no-untyped-def]
    """Fill a form on ``page_url`` and submit it; returns the message the page comes back with."""
    page = await client.get(page_url)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    response = await client.post(action, data={"csrf": csrf, **data})
    assert response.status_code == 303, response.text
    return unquote(response.headers["location"].split("done=", 1)[1])


async def test_expectations_and_check_ins_at_the_desk(desk, engine) -> None:
    client = await desk.signed_in("okafor")
    said = await post(client, "/year", "/year/expectations", {"body": "We write every week.\nWe stay here."})
    assert said == "Expectations version 1 saved. Posted to 3 active matches that had none."
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("dana-ana-student")[-1].startswith("Expectations for your mentoring match")
    page = (await client.get("/year")).text
    assert "version 1" in page and "11 not yet" in page
    said = await post(client, "/year", "/year/ack", {"match": "dana-ana", "person": "ana"})
    assert said == "Ana R.'s acknowledgement recorded."
    said = await post(
        client,
        "/year",
        "/year/term",
        {"name": "Fall 2026", "starts_on": "2026-09-08", "ends_on": "2026-08-01"},
    )
    assert said == "Not saved: the term ends (2026-08-01) before it starts (2026-09-08)."
    said = await post(
        client,
        "/year",
        "/year/settings",
        {"reflection_mode": "channel", "remind_days": "21", "skills": "teamwork\ncommunication"},
    )
    assert said.startswith("Reflections are channel; skills: teamwork, communication")
    forged = await client.post("/year/expectations", data={"csrf": "forged", "body": "x"})
    assert forged.status_code in (400, 403)


async def test_records_forms_and_everyday_edits(desk, engine) -> None:
    client = await desk.signed_in("okafor")
    said = await post(
        client,
        "/records",
        "/records/person",
        {"key": "zed", "name": "Zed Q.", "role": "student", "grade": "9", "accounts": "console:demo:zed"},
    )
    assert said.startswith("Zed Q. (zed, student) added.")
    said = await post(
        client,
        "/records",
        "/records/consent",
        {
            "student": "zed",
            "form_type": "WBL Travel and Media Consent Form",
            "guardian": "Pat Q.",
            "signed_on": "2026-09-10",
            "expires_on": "2026-10-30",
            "platforms": "console",
        },
    )
    assert "for Zed Q. recorded (signed by Pat Q. on 10 Sep 2026, valid until 30 Oct 2026" in said
    assert (
        await post(
            client,
            "/records",
            "/records/consent",
            {"student": "zed", "guardian": "P", "signed_on": "soon", "platforms": "console"},
        )
    ) == "Not saved: the day it was signed: 'soon' is not a date (YYYY-MM-DD)."
    await post(
        client,
        "/records",
        "/records/module",
        {"key": "orientation", "title": "Mentor orientation", "required": "yes"},
    )
    said = await post(
        client,
        "/records",
        "/records/training",
        {"person": "dana", "module": "orientation", "completed_on": "2026-09-01"},
    )
    assert said == "Dana Whitfield completed 'Mentor orientation' on 01 Sep 2026."
    page = (await client.get("/records")).text
    assert "Expiring soon" in page and "expires 30 Oct 2026 (in 17 days)" in page
    assert "Mentor orientation: missing" in page  # Raj, Lee, Sam and Kim have not done it
    said = await post(client, "/matches/raj-group", "/matches/raj-group/end", {"reason": "Raj relocated"})
    assert said == "Match raj-group has ended; both sides were told."
    with Session(engine) as session:
        assert session.exec(select(Match).where(Match.key == "raj-group")).one().status == "ended"


async def test_a_students_year_and_the_credit_report(desk, engine) -> None:
    client = await desk.signed_in("okafor")
    url = "/people/ana/year"
    assert (
        await post(
            client, url, f"{url}/reflection", {"text": "I want to visit a power plant", "source": "written"}
        )
        == "Written reflection of Ana R. recorded."
    )
    assert (
        await post(client, url, f"{url}/skills", {"ratings": "teamwork 3"})
        == "1 skill rating recorded for Ana R."
    )
    assert (
        await post(client, url, f"{url}/feedback", {"mentor": "dana", "text": "Great questions"})
        == "Dana Whitfield's feedback on Ana R. recorded."
    )
    assert (await post(client, url, f"{url}/skills", {"ratings": "teamwork 7"})).startswith("Not saved: rate")
    page = (await client.get(url)).text
    assert "I want to visit a power plant" in page and "written (paper form)" in page
    assert "Great questions" in page and "Dana Whitfield" in page
    assert (
        await post(
            client,
            "/credit",
            "/credit/activity",
            {
                "title": "Career fair",
                "kind": "school event",
                "held_on": "2026-10-09",
                "hours": "1.5",
                "people": "ana ben",
            },
        )
        == "Activity 'Career fair' on 09 Oct 2026 logged for 2 people."
    )
    report = (await client.get("/credit")).text
    assert "Ana R." in report and "1.5" in report
    exported = await client.get("/credit/export.csv")
    assert exported.headers["content-disposition"].startswith('attachment; filename="riverside-ptech-credit-')
    rows = list(csv.reader(io.StringIO(exported.text)))
    ana = dict(zip(rows[3], next(r for r in rows[4:] if r[1] == "ana"), strict=True))
    assert (ana["reflections"], ana["hours"], ana["skills_profile"]) == ("1", "1.5", "teamwork 3")
    pdf = await client.get("/credit/export.pdf?student=ana")
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Participation and credit report of Ana R. (ana)" in text
    assert (await client.get("/credit/export.csv?student=zoe")).status_code == 404  # another program's
    assert (await client.get("/people/zoe/year")).status_code == 404
    with Session(engine) as session:
        reads = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.actor == "web:okafor"))]
    assert {"year.student.view", "report.view", "report.export.csv", "report.export.pdf"} <= set(reads)


async def test_at_a_glance_flags_a_form_that_has_expired(desk, engine) -> None:
    client = await desk.signed_in("okafor")
    await post(client, "/records", "/records/consent", {
        "student": "ana", "guardian": "Maria R.", "signed_on": "2026-09-01", "expires_on": "2026-10-01",
        "platforms": "console"})
    page = (await client.get("/")).text
    row = page.split('href="/matches/dana-ana"')[1].split("</tr>")[0]
    assert "missing: Ana R. (consent.expired)" in row and "cleared" in row
