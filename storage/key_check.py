"""At start-up: the key ring can open this database, and the key that seals new data is registered.

A database remembers which keys its data is sealed with (``encryption_key``), so a missing or wrong
key is refused when the process starts, with the key ids named, instead of on the first read of a
student's message in the middle of a shift.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.clock import utcnow
from storage.encryption import keyring_of
from storage.keyring import KeyRing, MissingKey, WrongKey
from storage.models_keys import EncryptionKey

CANARY = "mentorbot key check {kid}"


def check_keys(engine: Engine) -> None:
    """Raise ``MissingKey``/``WrongKey`` unless every key the data may be sealed with opens it;
    then register the ring's current key as in use."""
    ring = keyring_of(engine)
    with Session(engine) as session:
        known = {row.key_id: row for row in session.exec(select(EncryptionKey))}
        for row in known.values():
            if row.state == "active":
                _check_one(ring, row)
        register_current(session, ring, known)
        session.commit()


def _check_one(ring: KeyRing, row: EncryptionKey) -> None:
    if row.key_id not in ring.readable_ids:
        ring.reload(force=True)
    if row.key_id not in ring.readable_ids:
        have = ", ".join(ring.readable_ids)
        raise MissingKey(f"this database has data sealed with key {row.key_id}, but the configured key ring "
                         f"has only {have}: set ENCRYPTION_KEY_FILE to the key file this database was "
                         "written with (or add the key to ENCRYPTION_OLD_KEYS); see docs/data-protection.md")
    try:
        ok = ring.open(row.canary) == CANARY.format(kid=row.key_id)
    except WrongKey:
        ok = False
    if not ok:
        raise WrongKey(f"key {row.key_id} of the configured key ring does not open this database's "
                       "check value: the key file or the encryption_key table was altered")


def register_current(session: Session, ring: KeyRing, known: dict[str, EncryptionKey] | None = None) -> None:
    """Record that data may now be sealed with the ring's current key (idempotent)."""
    if known is None:
        known = {row.key_id: row for row in session.exec(select(EncryptionKey))}
    kid = ring.current_id
    row = known.get(kid)
    if row is None:
        canary = ring.seal_with(kid, CANARY.format(kid=kid))
        session.add(EncryptionKey(key_id=kid, state="active", canary=canary, first_used_at=utcnow()))
    elif row.state != "active":
        row.state, row.retired_at = "active", None
        session.add(row)
