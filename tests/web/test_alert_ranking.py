"""Issue 12 item 3 at the desk: an urgent disclosure ranks above routine holds on the review queue
and the glance page, and what happened to each alert's e-mail is shown (a failing server is visible)."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session

from adapters.email import SmtpMailer
from bot.alerts import raise_alert
from bot.mail.worker import MailWorker
from storage import repo
from storage.models import Program

# The SQL here is exercised on PostgreSQL by tests/core and tests/mail; SQLite alone keeps the suite fast.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def order_of(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


async def test_the_review_queue_puts_a_held_disclosure_above_routine_holds(desk, engine):  # type: ignore[no-untyped-def]
    await desk.h.say("ben", "raj-group-student", "can I tell you a secret")  # routine, older
    await desk.h.say("eli", "software-team-student", "another secret plan")
    await desk.h.say("ana", "dana-ana-student", "a secret: sometimes I want to hurt myself")  # held, urgent
    client = await desk.signed_in("okafor")
    page = await client.get("/review")
    cards = order_of(page.text, r'<article class="card hold[^"]*" id="hold-(\d+)"')
    assert cards[0] == "3" and sorted(cards) == ["1", "2", "3"]
    assert [h.review_id for h in desk.h.app.core.review.open_holds()][0] == 3  # CLI and /holds too
    assert "urgent" in page.text.split('id="hold-3"')[1].split("</article>")[0].lower()


async def test_the_glance_page_puts_an_urgent_disclosure_above_routine_holds_and_alerts(desk, engine):  # type: ignore[no-untyped-def]
    for _ in range(3):
        await desk.h.say("ben", "raj-group-student", "can I tell you a secret")
    with Session(engine) as session:
        program = session.get(Program, "riverside-ptech")
        team = repo.match_by_key(session, "software-team", "riverside-ptech")
        for n in range(2):
            raise_alert(session, program=program, kind="quiet_match", urgent=False, now=desk.h.clock(),
                        match_id=team.id, summary=f"quiet {n}")
        session.commit()
    await desk.h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    client = await desk.signed_in("okafor")
    page = await client.get("/")
    rows = order_of(page.text, r'<td><a href="/matches/([^"]+)"><b>')
    assert rows[:3] == ["dana-ana", "software-team", "raj-group"]


async def test_the_alerts_page_shows_each_email_and_a_failing_server(desk, engine):  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    down = SmtpMailer(host="127.0.0.1", port=1, sender="mentorbot@riverside.example", security="none",
                      timeout=2)
    await MailWorker(engine=engine, sender=down, clock=desk.h.clock, desk_url="http://desk").run_once()
    client = await desk.signed_in("okafor")
    page = await client.get("/alerts")
    assert "g.okafor@example.org" in page.text and "not sent yet" in page.text
    assert "ConnectionRefusedError" in page.text
