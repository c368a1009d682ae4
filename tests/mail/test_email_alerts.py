"""Issue 12 item 3: urgent alerts reach a person by e-mail too, through a real SMTP server on
127.0.0.1 (aiosmtpd), and an alert nobody acknowledged goes to the program's second contact.
A failing SMTP server delays an e-mail but never loses it; the due e-mail is computed from the
database, so a restart loses nothing either."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from adapters.email import SmtpMailer
from bot.mail.worker import MailWorker
from fakes.smtp_server import FakeSmtp, self_signed_cert
from storage.models import Alert
from storage.models_mail import MailMessage

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"
DESK = "https://desk.riverside.example"


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    server = FakeSmtp().start()
    yield server
    server.stop()


def worker(engine, clock, port: int, **kw) -> MailWorker:  # type: ignore[no-untyped-def]
    mailer = SmtpMailer(host="127.0.0.1", port=port, sender="mentorbot@riverside.example", security="none",
                        timeout=5, **kw)
    return MailWorker(engine=engine, sender=mailer, clock=clock, desk_url=DESK)


def escalating_roster(tmp_path: Path, minutes: int = 30) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "  review_channel: {platform: console, workspace: demo, channel: coordinators}\n",
        "  review_channel: {platform: console, workspace: demo, channel: coordinators}\n"
        f"  escalate_to: reyes\n  escalate_after_minutes: {minutes}\n")
    path = tmp_path / "escalating.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # PostgreSQL: the escalation test
async def test_an_urgent_alert_is_emailed_to_the_match_coordinator_once(make_harness, engine, clock, smtp):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    mail = worker(engine, clock, smtp.port)
    assert await mail.run_once() == 1
    [message] = smtp.mailbox.received
    assert message["X-Envelope-To"] == "g.okafor@example.org"  # dana-ana's coordinator
    assert "URGENT safeguarding alert" in message["Subject"] and "dana-ana" in message["Subject"]
    body = message.get_payload()
    assert f"{DESK}/alerts" in body and "Ana R." in body
    assert await mail.run_once() == 0 and len(smtp.mailbox.received) == 1  # never twice


async def test_an_unacknowledged_alert_escalates_to_the_second_contact_even_after_a_restart(
        make_harness, engine, clock, smtp, tmp_path):
    h = await make_harness(roster=escalating_roster(tmp_path))
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    await worker(engine, clock, smtp.port).run_once()
    clock.advance(minutes=20)
    await h.say("ben", "raj-group-student", "i want to hurt myself")
    assert await worker(engine, clock, smtp.port).run_once() == 1  # ben's alert; nothing escalates yet
    with Session(engine) as session:  # the coordinator acknowledged ben's alert at the desk
        [ben_alert] = [a for a in session.exec(select(Alert)) if "Ben" in a.summary]  # sealed: compared here
        ben_alert.acknowledged_at, ben_alert.acknowledged_by = clock.now, "web:okafor"
        session.add(ben_alert)
        session.commit()
    clock.advance(minutes=11)  # ana's alert: 31 minutes, nobody acknowledged it
    restarted = worker(engine, clock, smtp.port)  # a new process: the due escalation comes from the database
    assert await restarted.run_once() == 1
    [escalated] = smtp.mailbox.to("l.reyes@example.org")
    assert "ESCALATED" in escalated["Subject"] and "Grace Okafor" in escalated.get_payload()
    clock.advance(hours=2)
    assert await restarted.run_once() == 0 and len(smtp.mailbox.to("l.reyes@example.org")) == 1


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # PostgreSQL: the escalation test
async def test_a_failing_smtp_server_delays_the_alert_but_never_loses_it(make_harness, engine, clock, smtp):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    smtp.mailbox.refuse = 2
    mail = worker(engine, clock, smtp.port)
    assert await mail.run_once() == 0
    with Session(engine) as session:
        row = session.exec(select(MailMessage)).one()
    assert (row.state, row.attempts) == ("pending", 1) and "451" in row.last_error
    assert await mail.run_once() == 0  # backing off: not retried at once
    clock.advance(minutes=1)
    assert await mail.run_once() == 0
    clock.advance(minutes=2)
    assert await mail.run_once() == 1 and smtp.mailbox.refused == 2
    assert len(smtp.mailbox.received) == 1


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # PostgreSQL: the escalation test
async def test_a_server_that_never_answers_ends_in_a_visible_alert_not_a_loop(make_harness, engine, clock):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    down = worker(engine, clock, 1)  # nothing listens on port 1
    for _ in range(12):
        await down.run_once()
        clock.advance(minutes=31)
    with Session(engine) as session:
        row = session.exec(select(MailMessage)).one()
        failures = session.exec(select(Alert).where(Alert.kind == "mail_failure")).all()
    assert row.state == "failed" and row.attempts == 10
    assert len(failures) == 1 and "g.okafor@example.org" in failures[0].summary and failures[0].urgent
    with Session(engine) as session:  # the failure alert itself is not e-mailed (no loop)
        assert session.exec(select(MailMessage).where(MailMessage.alert_id == failures[0].id)).all() == []


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # PostgreSQL: the escalation test
async def test_starttls_and_login_like_a_school_relay(make_harness, engine, clock, tmp_path):
    import ssl

    cert, key = self_signed_cert(tmp_path)
    server = FakeSmtp(tls_cert=(cert, key), login=("mentorbot", "s3cret")).start()
    try:
        h = await make_harness()
        await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
        trust = ssl.create_default_context(cafile=str(cert))
        right = SmtpMailer(host="127.0.0.1", port=server.port, sender="mentorbot@riverside.example",
                           security="starttls", user="mentorbot", password="s3cret", ssl_context=trust,
                           timeout=5)
        assert await MailWorker(engine=engine, sender=right, clock=clock, desk_url=DESK).run_once() == 1
        assert len(server.mailbox.received) == 1
    finally:
        server.stop()
