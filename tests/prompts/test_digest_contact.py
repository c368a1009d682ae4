"""Issue 12 item 5: "last contact" in the digest and on the glance page is the last DELIVERED
message (held and blocked ones are not contact), and a match that never talked needs attention
even when `mentorbot run`'s nudges never ran."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from bot.prompts.digest import build_digest, render
from bot.prompts.nudges import quiet_periods
from bot.prompts.plan import load_matches
from bot.prompts.schedule import load_schedule
from storage.models import Program
from support.prompt_helpers import PROGRAM, ny

MONDAY = date(2026, 10, 19)


async def test_held_and_blocked_messages_are_not_contact_and_silence_needs_attention(
        make_harness, setup_program, engine, clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(MONDAY, time(16))
    await h.say("ana", "dana-ana-student", "call me 555-123-4567")  # blocked
    await h.say("dana", "dana-ana-mentor", "this is our secret")  # held, never approved
    await h.say("ben", "raj-group-student", "Mr. Patel, do nurses work nights?")  # delivered
    delivered_at = clock.now
    clock.now = ny(MONDAY + timedelta(days=4), time(15, 1))
    digest = build_digest(engine, PROGRAM, clock.now)
    lines = {m.key: m for m in digest.matches}
    assert lines["dana-ana"].last_contact is None
    assert lines["raj-group"].last_contact == delivered_at
    text = render(digest)
    assert "Nothing needs attention" not in text
    assert any(a.startswith("dana-ana: no message delivered yet") for a in digest.attention)
    assert any(a.startswith("software-team: no message delivered yet") for a in digest.attention)
    assert not any(a.startswith("raj-group: no message") for a in digest.attention)
    # the nudges judge silence by the same measure
    from sqlmodel import Session

    with Session(engine) as session:
        program = session.get(Program, PROGRAM)
        schedule = load_schedule(session, program)
        quiet = quiet_periods(session, schedule, load_matches(session, PROGRAM))
    ids = {m.key: m.id for m in load_matches(Session(engine), PROGRAM)}
    assert quiet[ids["raj-group"]] == delivered_at and quiet[ids["dana-ana"]] != clock.now


async def test_a_long_silence_after_talking_needs_attention_without_nudges(
        make_harness, setup_program, engine, clock) -> None:
    h = await make_harness()
    setup_program(roster=False)
    clock.now = ny(date(2026, 9, 21), time(16))
    await h.say("ana", "dana-ana-student", "Hi Dana!")
    clock.now = ny(MONDAY + timedelta(days=4), time(15, 1))
    digest = build_digest(engine, PROGRAM, clock.now)
    assert any(a.startswith("dana-ana: quiet for 31 days") for a in digest.attention), digest.attention


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # planner SQL: tests/mail on PostgreSQL
async def test_the_weekly_digest_is_emailed_to_every_coordinator(make_harness, setup_program, engine,
                                                                clock) -> None:
    """Issue 12 item 3: the digest by e-mail too (real SMTP on 127.0.0.1)."""
    from adapters.email import SmtpMailer
    from bot.mail.worker import MailWorker
    from bot.prompts.digest import post_due_digests
    from fakes.smtp_server import FakeSmtp

    await make_harness()
    setup_program(roster=False)
    clock.now = ny(MONDAY + timedelta(days=4), time(15, 1))
    assert post_due_digests(engine, clock.now) == [PROGRAM]
    server = FakeSmtp().start()
    try:
        mailer = SmtpMailer(host="127.0.0.1", port=server.port, sender="mentorbot@riverside.example",
                            security="none", timeout=5)
        worker = MailWorker(engine=engine, sender=mailer, clock=clock, desk_url="http://127.0.0.1:8080")
        assert await worker.run_once() == 2
        assert sorted(m["X-Envelope-To"] for m in server.mailbox.received) == [
            "g.okafor@example.org", "m.bell@example.org"]
        assert all("Weekly digest" in m["Subject"] for m in server.mailbox.received)
        assert "dana-ana" in server.mailbox.received[0].get_payload()
        assert await worker.run_once() == 0
    finally:
        server.stop()
