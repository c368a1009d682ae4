"""The encryption key ring: which keys exist, which one encrypts, and how values are sealed.

Every personal-data column is sealed with AES-256-GCM (``cryptography``'s ``AESGCM``) under the
ring's *current* key; older keys stay readable until ``mentorbot keys rotate`` has moved every row
off them. A sealed value is text, so columns keep their SQL type:

    e1.<key id>.<base64(12-byte nonce | ciphertext | 16-byte tag)>

The header (``e1.<key id>``) is the AEAD's associated data, so it cannot be edited to point at
another key. A key's id is a fingerprint of the key (``k`` + 8 hex digits of SHA-256), the same
whether the key comes from a key file or the environment, so error messages and ``keys list`` can
name it without showing it.

The ring never lives in the database or the repository: ``bot.keys`` builds it from settings (a key
file outside DATA_DIR, or ``ENCRYPTION_KEY``), and a ring read from a file re-reads it when the
file changes, so a running bot follows ``keys rotate`` without a restart.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "e1."
KEY_BYTES = 32
NONCE_BYTES = 12
STATES = ("current", "previous", "retired")
RELOAD_EVERY = 5.0  # seconds between looks at the key file's modification time


class KeyRingError(Exception):
    """A key ring problem an operator must fix (the message says what to do)."""


class MissingKey(KeyRingError):
    """A value was sealed with a key the ring does not have."""


class WrongKey(KeyRingError):
    """A key with the right id does not open the value: the value or the key was altered."""


class NotSealed(KeyRingError):
    """An encrypted column holds a value that was never sealed (written around mentorbot)."""


def key_id(secret: bytes) -> str:
    """The public name of a key: a fingerprint that does not reveal it."""
    return "k" + hashlib.sha256(b"mentorbot key id\x00" + secret).hexdigest()[:8]


def new_secret() -> bytes:
    return os.urandom(KEY_BYTES)


@dataclass(frozen=True, slots=True)
class RingKey:
    """One key of the ring with its state: current (seals), previous (still read), retired."""

    secret: bytes
    state: str
    created: date

    @property
    def id(self) -> str:
        return key_id(self.secret)


def parse_ring(text: str, *, origin: str) -> list[RingKey]:
    """Key-file lines ``<state> <key id> <created YYYY-MM-DD> <base64 key>``; ``#`` starts a comment."""
    keys: list[RingKey] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        where = f"{origin} line {number}"
        if len(parts) != 4 or parts[0] not in STATES:
            raise KeyRingError(f"{where}: expected '<current|previous|retired> <key id> <YYYY-MM-DD> "
                            "<base64 key>' (create a key file with: mentorbot keys init PATH)")
        state, claimed_id, created, encoded = parts
        secret = decode_secret(encoded, where=where)
        if key_id(secret) != claimed_id:
            raise KeyRingError(f"{where}: the key does not match its id {claimed_id} (the line was edited "
                            "or damaged; restore the key file from its backup)")
        try:
            made = date.fromisoformat(created)
        except ValueError as error:
            raise KeyRingError(f"{where}: '{created}' is not a date (YYYY-MM-DD)") from error
        keys.append(RingKey(secret, state, made))
    current = [k for k in keys if k.state == "current"]
    if len(current) != 1:
        raise KeyRingError(f"{origin}: needs exactly one 'current' key, found {len(current)}")
    return keys


def decode_secret(encoded: str, *, where: str) -> bytes:
    try:
        secret = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise KeyRingError(f"{where}: the key is not valid base64") from error
    if len(secret) != KEY_BYTES:
        raise KeyRingError(f"{where}: a key must be {KEY_BYTES} random bytes in base64 "
                        f"(this one is {len(secret)} bytes; make one with: mentorbot keys new)")
    return secret


def format_ring(keys: list[RingKey]) -> str:
    lines = ["# mentorbot encryption keys (ENCRYPTION_KEY_FILE). Keep this file owner-only, OUTSIDE",
             "# DATA_DIR, and backed up apart from the database backups: without it no encrypted",
             "# column can be read. 'mentorbot keys rotate' edits it; do not reorder or edit lines."]
    for key in keys:
        encoded = base64.b64encode(key.secret).decode("ascii")
        lines.append(f"{key.state} {key.id} {key.created.isoformat()} {encoded}")
    return "\n".join(lines) + "\n"


class KeyRing:
    """Seals and opens column values; knows its keys by id.

    ``source``: the key file this ring was read from; its keys are re-read when it changes (checked
    at most every few seconds when sealing, and at once when a value names an unknown key).
    """

    def __init__(self, keys: list[RingKey], *, source: Path | None = None) -> None:
        self.source = source
        self._lock = threading.Lock()
        self._mtime = _mtime(source)
        self._checked = time.monotonic()
        self._install(keys)

    @classmethod
    def from_file(cls, path: Path) -> KeyRing:
        return cls(parse_ring(path.read_text(encoding="utf-8"), origin=str(path)), source=path)

    @classmethod
    def single(cls, secret: bytes, *, previous: tuple[bytes, ...] = ()) -> KeyRing:
        """A ring from bare keys (``ENCRYPTION_KEY`` and ``ENCRYPTION_OLD_KEYS``, or tests)."""
        today = date.today()
        keys = [RingKey(secret, "current", today)] + [RingKey(s, "previous", today) for s in previous]
        return cls(keys)

    def _install(self, keys: list[RingKey]) -> None:
        self.keys = keys
        self._aead = {k.id: AESGCM(k.secret) for k in keys}
        self._secrets = {k.id: k.secret for k in keys}
        self.current_id = next(k.id for k in keys if k.state == "current")
        self._current = self._aead[self.current_id]
        self._header = (PREFIX + self.current_id + ".").encode("ascii")
        self._index_secrets: dict[tuple[str, str], bytes] = {}

    @property
    def readable_ids(self) -> list[str]:
        return [k.id for k in self.keys]

    @property
    def searchable_ids(self) -> list[str]:
        """Keys rows may still be under (current and previous): search looks under each."""
        return [k.id for k in self.keys if k.state != "retired"]

    def secret(self, kid: str) -> bytes:
        self._ensure(kid)
        return self._secrets[kid]

    def index_secret(self, kid: str, program_id: str) -> bytes:
        """The blind-index key of one program under one ring key (derived, kept in memory only)."""
        known = self._index_secrets.get((kid, program_id))
        if known is None:
            label = b"mentorbot blind index v1\x00" + program_id.encode("utf-8")
            known = self._index_secrets[(kid, program_id)] = hmac.new(self.secret(kid), label,
                                                                       hashlib.sha256).digest()
        return known

    # -- sealing -------------------------------------------------------------------------------

    def seal(self, plaintext: str) -> str:
        self._maybe_reload()
        header = self._header
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._current.encrypt(nonce, plaintext.encode("utf-8"), header[:-1])
        return (header + base64.b64encode(nonce + sealed)).decode("ascii")

    def seal_with(self, kid: str, plaintext: str) -> str:
        """Seal under a named key of the ring (the start-up canary of each key)."""
        self._ensure(kid)
        nonce = os.urandom(NONCE_BYTES)
        header = PREFIX + kid
        sealed = self._aead[kid].encrypt(nonce, plaintext.encode("utf-8"), header.encode("ascii"))
        return f"{header}.{base64.b64encode(nonce + sealed).decode('ascii')}"

    def open(self, value: str) -> str:
        kid, body = self.split(value)
        self._ensure(kid)
        try:
            raw = base64.b64decode(body)
            plain = self._aead[kid].decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                            (PREFIX + kid).encode("ascii"))
        except (InvalidTag, binascii.Error, ValueError) as error:
            raise WrongKey(f"a value sealed with key {kid} does not open with that key: the stored value "
                           "was altered, or the key file holds a different key under that id") from error
        return plain.decode("utf-8")

    @staticmethod
    def split(value: str) -> tuple[str, str]:
        """(key id, body) of a sealed value; ``NotSealed`` for anything else."""
        if not value.startswith(PREFIX):
            raise NotSealed("an encrypted column holds a value that is not sealed (it was written "
                            "around mentorbot, e.g. by hand in SQL)")
        kid, dot, body = value[len(PREFIX):].partition(".")
        if not dot:
            raise NotSealed("an encrypted column holds a damaged sealed value")
        return kid, body

    # -- the key file changing under a running process ------------------------------------------

    def _ensure(self, kid: str) -> None:
        if kid in self._aead:
            return
        self.reload(force=True)
        if kid not in self._aead:
            where = f"the key file {self.source}" if self.source else "ENCRYPTION_KEY/ENCRYPTION_OLD_KEYS"
            raise MissingKey(f"data is sealed with key {kid}, which {where} does not have: restore that "
                             "key (see docs/data-protection.md, 'Keys') or point ENCRYPTION_KEY_FILE at "
                             "the key file this database was written with")

    def _maybe_reload(self) -> None:
        if self.source is not None and time.monotonic() - self._checked > RELOAD_EVERY:
            self.reload()

    def reload(self, *, force: bool = False) -> None:
        """Re-read the key file if it changed (``keys rotate`` in another process)."""
        if self.source is None:
            return
        with self._lock:
            self._checked = time.monotonic()
            mtime = _mtime(self.source)
            if mtime == self._mtime and not force:
                return
            self._install(parse_ring(self.source.read_text(encoding="utf-8"), origin=str(self.source)))
            self._mtime = mtime


def _mtime(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime_ns if path else None  # type: ignore[return-value]
    except OSError:
        return None
