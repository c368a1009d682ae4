"""Coordinator sign-in: one-time invite links, server-side sessions, a signed session cookie.

No shared password. ``mentorbot coordinator invite`` makes a random token, stores only its
SHA-256 and prints a link; redeeming it (a POST, so link scanners that GET it don't burn it) marks
it used in the same UPDATE that checks it is unused and unexpired, then opens a session. The
cookie carries a random session token plus an HMAC made with ``settings.web_secret_key`` (or a
key generated once into data_dir); it is HttpOnly and SameSite=Lax. Sessions end after
``SESSION_HOURS`` or ``IDLE_MINUTES`` without a request, or at sign-out.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from bot.settings import Settings
from storage import audit
from storage.clock import as_utc
from storage.models import Person, Program
from storage.models_web import WebInvite, WebSession
from storage.private_files import private_dir, write_private

logger = logging.getLogger(__name__)

COOKIE = "mb_session"
INVITE_HOURS = 72
SESSION_HOURS = 8
IDLE_MINUTES = 60
KEY_FILE = "web_secret_key"


class InviteError(Exception):
    """No such coordinator, or several and the caller must say which program."""


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who is at the browser: their session row's id, their Person row and program."""

    session_id: int
    person_id: int
    person_key: str
    name: str
    program_id: str
    program_name: str
    timezone: str
    csrf_token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class DeskSetupError(RuntimeError):
    """The desk cannot start as configured; the message says which setting to fix."""


def secret_key(settings: Settings) -> bytes:
    """The cookie-signing key: the setting, or (SQLite, one process) a random key generated once into
    data_dir. On PostgreSQL the setting is required: replicas behind a load balancer must all accept
    the cookie any of them signed, so a key each one generated for itself would sign people out."""
    if settings.web_secret_key:
        return settings.web_secret_key.encode("utf-8")
    if not settings.resolved_database_url.startswith("sqlite"):
        raise DeskSetupError(
            "WEB_SECRET_KEY is not set. On PostgreSQL mentorbot may run as several replicas, and each "
            "must sign the desk's cookies with the same key: set WEB_SECRET_KEY to the same random value "
            "on every replica (python -c 'import secrets; print(secrets.token_urlsafe(48))').")
    path = Path(settings.data_dir) / KEY_FILE
    if not path.exists():
        private_dir(path.parent)
        write_private(path, secrets.token_urlsafe(48))  # owner-only from creation
        logger.info("generated a web secret key in %s", path)
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def sign(key: bytes, token: str) -> str:
    return token + "." + hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def unsign(key: bytes, value: str) -> str | None:
    token, _, mac = value.rpartition(".")
    if not token or not hmac.compare_digest(sign(key, token), value):
        return None
    return token


# -- invites ------------------------------------------------------------------------------------


def find_coordinators(session: Session, who: str, program_id: str | None = None) -> list[Person]:
    """Coordinators whose roster id, e-mail or name is ``who`` (case-insensitive)."""
    needle = who.strip().lower()
    query = select(Person).where(Person.role == "coordinator", Person.active == True)  # noqa: E712
    if program_id:
        query = query.where(Person.program_id == program_id)
    return [p for p in session.exec(query)
            if needle in (p.key.lower(), (p.email or "").lower(), p.display_name.lower())]


def create_invite(engine: Engine, who: str, *, program_id: str | None, clock: Callable[[], datetime],
                  created_by: str, hours: int = INVITE_HOURS) -> tuple[str, Person, datetime]:
    """A new single-use token for the coordinator ``who``; returns (token, person, expires_at)."""
    now = clock()
    with Session(engine) as session:
        found = find_coordinators(session, who, program_id)
        if not found:
            raise InviteError(f"no coordinator '{who}'" + (f" in program {program_id}" if program_id else "")
                              + "; check the roster (role: coordinator)")
        if len(found) > 1:
            programs = ", ".join(sorted({p.program_id for p in found}))
            raise InviteError(f"'{who}' is a coordinator of several programs ({programs}); "
                              "say which with --program")
        person = found[0]
        token = secrets.token_urlsafe(32)
        expires = now + timedelta(hours=hours)
        session.add(WebInvite(token_hash=token_hash(token), person_id=person.id,  # type: ignore[arg-type]
                              program_id=person.program_id, created_at=now, expires_at=expires,
                              created_by=created_by))
        audit.record(session, program_id=person.program_id, actor=created_by, action="web.invite",
                     at=now, target=f"person:{person.key}", detail={"expires_at": expires.isoformat()})
        session.commit()
        session.refresh(person)
        return token, person, expires


def redeem_invite(engine: Engine, token: str, *, clock: Callable[[], datetime]) -> str | None:
    """Use an invite once: returns a new session token, or None if unknown, used or expired."""
    now = clock()
    digest = token_hash(token)
    with Session(engine) as session:
        claimed = session.execute(
            update(WebInvite)
            .where(WebInvite.token_hash == digest, col(WebInvite.used_at).is_(None),
                   WebInvite.expires_at > now)
            .values(used_at=now)
        ).rowcount
        if claimed != 1:
            session.rollback()
            return None
        invite = session.exec(select(WebInvite).where(WebInvite.token_hash == digest)).one()
        person = session.get(Person, invite.person_id)
        if person is None or person.role != "coordinator" or not person.active:
            session.rollback()
            return None
        session_token = secrets.token_urlsafe(32)
        session.add(WebSession(token_hash=token_hash(session_token), csrf_token=secrets.token_urlsafe(32),
                               person_id=person.id, program_id=person.program_id,  # type: ignore[arg-type]
                               created_at=now, expires_at=now + timedelta(hours=SESSION_HOURS),
                               last_seen_at=now))
        audit.record(session, program_id=person.program_id, actor=f"web:{person.key}",
                     action="web.signin", at=now, target=f"person:{person.key}",
                     detail={"invite_id": invite.id})
        session.commit()
        logger.info("<= coordinator %s signed in to %s", person.key, person.program_id)
        return session_token


def current(engine: Engine, session_token: str, *, clock: Callable[[], datetime]) -> SignedIn | None:
    """The signed-in coordinator for a session token, if the session is still valid."""
    now = clock()
    with Session(engine) as session:
        row = session.exec(select(WebSession).where(
            WebSession.token_hash == token_hash(session_token))).first()
        if row is None or row.revoked_at is not None or as_utc(row.expires_at) <= now:
            return None
        if as_utc(row.last_seen_at) + timedelta(minutes=IDLE_MINUTES) <= now:
            return None
        person = session.get(Person, row.person_id)
        program = session.get(Program, row.program_id)
        if (person is None or program is None or person.role != "coordinator" or not person.active
                or person.program_id != row.program_id):
            return None
        if now - as_utc(row.last_seen_at) > timedelta(minutes=1):
            row.last_seen_at = now
            session.add(row)
            session.commit()
        return SignedIn(row.id, person.id, person.key, person.display_name, program.id,  # type: ignore[arg-type]
                        program.name, program.timezone, row.csrf_token)


def sign_out(engine: Engine, session_id: int, *, clock: Callable[[], datetime]) -> None:
    with Session(engine) as session:
        row = session.get(WebSession, session_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at = clock()
            session.add(row)
            session.commit()

