"""SMTP with the standard library, run off the event loop: STARTTLS (port 587), implicit TLS
("ssl", port 465) or plain (a relay on the same host), with optional login.

A refused recipient or bad credentials are ``permanent`` (retrying will not help); a server that
cannot be reached, a timeout or a 4xx answer are retried by the core's mail queue.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import Literal

from bot.messages import OutboundMail
from bot.ports import DeliveryError
from bot.settings import Settings

logger = logging.getLogger(__name__)

Security = Literal["starttls", "ssl", "none"]


class SmtpMailer:
    """Sends one e-mail per call through an SMTP server (a new connection each time: alerts are rare)."""

    def __init__(self, *, host: str, port: int, sender: str, security: Security = "starttls",
                 user: str | None = None, password: str | None = None, timeout: float = 20.0,
                 ssl_context: ssl.SSLContext | None = None):
        self.host, self.port, self.sender, self.security = host, port, sender, security
        self.user, self.password, self.timeout = user, password, timeout
        self.ssl_context = ssl_context or ssl.create_default_context()

    async def send(self, mail: OutboundMail) -> None:
        await asyncio.to_thread(self._send, self._message(mail))
        logger.info("=> e-mail %r to %s", mail.subject, mail.to_address)

    def _message(self, mail: OutboundMail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = formataddr((mail.to_name, mail.to_address)) if mail.to_name else mail.to_address
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=False)
        domain = self.sender.rpartition("@")[2].strip(">") or "mentorbot.invalid"
        message["Message-ID"] = make_msgid(idstring=mail.message_id.replace(":", "."), domain=domain)
        message.set_content(mail.body)
        return message

    def _send(self, message: EmailMessage) -> None:
        try:
            with self._connect() as smtp:
                if self.security == "starttls":
                    smtp.starttls(context=self.ssl_context)
                if self.user:
                    smtp.login(self.user, self.password or "")
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"the server refused the address: {exc.recipients}", permanent=True) from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"SMTP login failed ({exc.smtp_code}): check SMTP_USER and SMTP_PASSWORD",
                                permanent=True) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self.ssl_context)
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)


def build(settings: Settings) -> SmtpMailer:
    """The mailer from SMTP_* settings (``settings.email_configured`` must be true)."""
    assert settings.smtp_host and settings.smtp_from
    return SmtpMailer(host=settings.smtp_host, port=settings.smtp_port, sender=settings.smtp_from,
                      security=settings.smtp_security, user=settings.smtp_user,
                      password=settings.smtp_password, timeout=settings.smtp_timeout_seconds)
