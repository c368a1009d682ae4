"""The e-mail worker: plans what is due, then sends it through the mail sender, with retries.

Like the delivery worker it drains a durable queue (``mail_message``): a row is claimed with a
short lease before the send (a process killed mid-send lets another retry after the lease), an
SMTP failure backs off (1, 2, 4 … 30 minutes) and after ``MAX_ATTEMPTS`` the row is ``failed``
and an urgent ``mail_failure`` alert tells the coordinators in the desk and the review channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.mail.plan import plan_due_mail
from bot.messages import OutboundMail
from bot.ports import DeliveryError, MailSender
from storage import mail_repo
from storage.models import Program
from storage.models_mail import MailMessage
from storage.safe_text import without_lone_surrogates

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=30), timedelta(minutes=2 ** max(0, attempts - 1)))


class MailWorker:
    """Plans and sends due e-mail; ``run_forever`` in ``mentorbot run``, ``run_once`` in tests."""

    def __init__(self, *, engine: Engine, sender: MailSender, clock: Callable[[], datetime], desk_url: str,
                 poll_seconds: float = 15.0):
        self._engine, self._sender, self._clock = engine, sender, clock
        self._desk_url = desk_url.rstrip("/")
        self._poll = poll_seconds
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def run_forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_once()
            except Exception:  # a bad pass must not end the worker; the rows stay due
                logger.exception("e-mail pass failed")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)

    async def run_once(self) -> int:
        """Plan, then send what is due; returns how many e-mails were sent."""
        now = self._clock()
        due = await asyncio.to_thread(self._plan_and_claim, now)
        sent = 0
        for mail in due:
            try:
                await self._sender.send(OutboundMail(  # what UTF-8 cannot carry is shown as U+FFFD
                    mail.to_address, mail.to_name, without_lone_surrogates(mail.subject).replace("\x00", ""),
                    without_lone_surrogates(mail.body).replace("\x00", "\ufffd"), message_id=mail.key))
            except DeliveryError as error:
                await asyncio.to_thread(self._failed, mail.id, str(error), error.permanent)  # type: ignore[arg-type]
            else:
                await asyncio.to_thread(self._sent, mail.id)  # type: ignore[arg-type]
                sent += 1
        return sent

    def _plan_and_claim(self, now: datetime) -> list[MailMessage]:
        with Session(self._engine, expire_on_commit=False) as session:
            plan_due_mail(session, now, desk_url=self._desk_url)
            session.commit()
            claimed = [m for m in mail_repo.due(session, now) if mail_repo.claim(session, m.id, now, LEASE)]  # type: ignore[arg-type]
            session.commit()
            return claimed

    def _sent(self, mail_id: int) -> None:
        with Session(self._engine) as session:
            mail = session.get(MailMessage, mail_id)
            assert mail is not None
            mail.state, mail.sent_at, mail.last_error = "sent", self._clock(), None
            session.add(mail)
            session.commit()

    def _failed(self, mail_id: int, error: str, permanent: bool) -> None:
        now = self._clock()
        with Session(self._engine) as session:
            mail = session.get(MailMessage, mail_id)
            assert mail is not None
            mail.last_error = error[:500]
            if permanent or mail.attempts >= MAX_ATTEMPTS:
                mail.state = "failed"
                program = session.get(Program, mail.program_id)
                assert program is not None
                raise_alert(session, program=program, kind="mail_failure", urgent=True, now=now,
                            summary=(f"Could not e-mail {mail.to_name} <{mail.to_address}> ({mail.purpose}) "
                                     f"after {mail.attempts} tries: {error}. Check the SMTP_* settings and "
                                     "the address in the roster."))
            else:
                mail.next_attempt_at = now + backoff(mail.attempts)
            session.add(mail)
            logger.warning("=> e-mail to %s failed (try %s): %s", mail.to_address, mail.attempts, error)
            session.commit()
