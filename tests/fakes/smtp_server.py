"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it received, can refuse mail for a
while (as a server under maintenance does: 451, try again later), and can require STARTTLS and
a login like a school's relay does."""

from __future__ import annotations

import socket
import subprocess
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Mailbox:
    """The handler: every accepted message, parsed; ``refuse`` > 0 answers 451 that many times."""

    received: list[Message] = field(default_factory=list)
    refuse: int = 0
    refused: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            self.refused += 1
            return "451 4.3.0 Mail server temporarily unavailable, try again later"
        message = message_from_bytes(envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.received.append(message)
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.received if address in m["X-Envelope-To"]]


class FakeSmtp:
    """Start with ``start()``; ``port`` and ``mailbox`` for the test; ``stop()`` at the end."""

    def __init__(self, *, tls_cert: tuple[Path, Path] | None = None, login: tuple[str, str] | None = None):
        self.mailbox = Mailbox()
        self.port = free_port()
        kwargs: dict[str, Any] = {}
        if tls_cert is not None:
            import ssl

            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls_cert[0]), str(tls_cert[1]))
            kwargs.update(tls_context=context, require_starttls=True)
        if login is not None:
            def authenticate(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
                ok = isinstance(auth_data, LoginPassword) and (
                    auth_data.login.decode(), auth_data.password.decode()) == login
                return AuthResult(success=ok)
            kwargs.update(authenticator=authenticate, auth_required=True)
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port, **kwargs)

    def start(self) -> FakeSmtp:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 made with the openssl command."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key
