"""The e-mail queue's exactly-once key holds no personal data (issue 12 leftover, found in 15b).

``mail_message.key`` is a plain unique column; it used to end in the coordinator's address while
the address columns themselves are sealed. It now names the recipient by person id, and
migration i12r_0001 rewrites older keys without sending anything twice. Real SMTP (aiosmtpd) on
127.0.0.1, a SQLite file read as bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from adapters.email import SmtpMailer
from bot.mail.plan import plan_due_mail
from bot.mail.worker import MailWorker
from fakes.smtp_server import FakeSmtp
from storage import repo
from storage.db import upgrade
from storage.models_mail import MailMessage

ADDRESS = b"g.okafor@example.org"  # dana-ana's coordinator in examples/sample-program.yml


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    server = FakeSmtp().start()
    yield server
    server.stop()


def worker(engine, clock, port: int) -> MailWorker:  # type: ignore[no-untyped-def]
    mailer = SmtpMailer(host="127.0.0.1", port=port, sender="mentorbot@riverside.example", security="none",
                        timeout=5)
    return MailWorker(engine=engine, sender=mailer, clock=clock, desk_url="https://desk.example")


def raw_database(engine: Engine) -> bytes:
    database = Path(engine.url.database or "")
    return b"".join(f.read_bytes() for f in (database, Path(f"{database}-wal")) if f.exists())


def okafor_id(engine: Engine) -> int:
    with Session(engine) as session:
        person = repo.person_by_key(session, "riverside-ptech", "okafor")
        assert person is not None and person.id is not None
        return person.id


def keys(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [m.key for m in session.exec(select(MailMessage).order_by(MailMessage.id))]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # the file read as bytes is SQLite's
async def test_the_raw_database_holds_no_coordinator_address(make_harness, engine, clock, smtp):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    assert await worker(engine, clock, smtp.port).run_once() == 1
    [message] = smtp.mailbox.received
    assert message["X-Envelope-To"] == ADDRESS.decode()  # the e-mail still reaches the coordinator
    assert ADDRESS.decode() not in message["Message-ID"]
    [key] = keys(engine)
    assert key.endswith(f":person-{okafor_id(engine)}")
    assert ADDRESS not in raw_database(engine)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_upgrade_rewrites_older_keys_and_sends_nothing_twice(make_harness, engine, clock, smtp):
    h = await make_harness()
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    assert await worker(engine, clock, smtp.port).run_once() == 1  # sent before the upgrade
    clock.advance(minutes=5)
    await h.say("ana", "dana-ana-student", "i want to hurt myself again")
    with Session(engine) as session:  # queued before the upgrade, not sent yet
        assert plan_due_mail(session, clock(), desk_url="https://desk.example") == 1
        session.commit()
    with engine.begin() as conn:  # the keys as issue 12 wrote them, and the schema before i12r_0001
        for row_id, key in conn.execute(text("SELECT id, key FROM mail_message")).all():
            old = key.rsplit(":", 1)[0] + ":" + ADDRESS.decode()
            conn.execute(text("UPDATE mail_message SET key = :k WHERE id = :i"), {"k": old, "i": row_id})
        conn.execute(text("ALTER TABLE program DROP COLUMN emergency_line"))  # i12r_0002's
        conn.execute(text("UPDATE alembic_version SET version_num = 'enc_0002' "
                          "WHERE version_num = 'i12r_0002'"))
    assert ADDRESS in raw_database(engine)

    assert upgrade(engine)
    person = okafor_id(engine)
    assert all(key.endswith(f":person-{person}") for key in keys(engine)) and len(keys(engine)) == 2
    assert ADDRESS not in raw_database(engine)
    mail = worker(engine, clock, smtp.port)
    assert await mail.run_once() == 1  # the pending one, once
    clock.advance(minutes=5)
    assert await mail.run_once() == 0
    assert len(smtp.mailbox.received) == 2 and len(keys(engine)) == 2  # one e-mail per alert
