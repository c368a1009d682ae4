"""Encryption at rest, at the storage layer: a column type that seals on write and opens on read.

Declare a personal-data column with ``encrypted()``; every path that writes or reads it through
SQLAlchemy — ORM rows, ``select(Model.column)``, the bulk inserts of ``storage.bulk`` (they use the
column's bind processor) — seals and opens it, so the relay, the prompt fan-out, the desk, exports
and the CLI need no change::

    from storage.encryption import encrypted

    class Reflection(SQLModel, table=True):
        body: str = encrypted()                    # TEXT NOT NULL, sealed
        note: str | None = encrypted(nullable=True)

The stored value is ciphertext text (``storage.keyring``); sealing is randomized, so an encrypted
column cannot be compared, searched or sorted in SQL — load the rows and compare in Python
(``==``, ``LIKE`` and friends on it raise at once instead of silently matching nothing). Only
``IS NULL`` / ``IS NOT NULL`` work (NULL is stored as NULL). Search goes through the blind index
(``storage.blind_index``).

The key ring comes from the engine (``attach_keyring``, done by ``storage.db.open_database``) or,
failing that, the process-wide ring (``install_keyring``); with neither, the first sealed value
raises ``NoKeyRing`` naming the settings to set.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Engine, Text
from sqlalchemy.sql import ClauseElement, operators
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field

from storage.keyring import KeyRing, KeyRingError
from storage.safe_text import escape, unescape

_RING_ATTRIBUTE = "mentorbot_keyring"
_process_ring: KeyRing | None = None
_ALLOWED_OPERATORS = {operators.is_, operators.is_not}


class NoKeyRing(KeyRingError):
    """No key ring is configured for this process or engine."""


def install_keyring(ring: KeyRing | None) -> None:
    """Set (or clear) the process-wide ring used by engines that have none of their own."""
    global _process_ring
    _process_ring = ring


def attach_keyring(engine: Engine, ring: KeyRing) -> None:
    """Give one engine its own ring (each engine has its own dialect object)."""
    setattr(engine.dialect, _RING_ATTRIBUTE, ring)


def keyring_of(dialect_or_engine: Any) -> KeyRing:
    """The ring that seals and opens values on this dialect (or engine)."""
    dialect = getattr(dialect_or_engine, "dialect", dialect_or_engine)
    ring = getattr(dialect, _RING_ATTRIBUTE, None) or _process_ring
    if ring is None:
        raise NoKeyRing("no encryption key is configured: set ENCRYPTION_KEY_FILE to a key file outside "
                        "DATA_DIR (create one with: mentorbot keys init /etc/mentorbot/keys), or "
                        "ENCRYPTION_KEY (see .env.example and docs/data-protection.md)")
    return ring


class _SealedComparator(TypeDecorator.Comparator, Text.Comparator):  # type: ignore[misc,name-defined]
    def operate(self, op, *other, **kwargs):  # type: ignore[no-untyped-def]
        # SQLAlchemy itself compares column objects with == (result maps); only a comparison with a
        # Python value would silently compare plaintext against ciphertext
        against_value = any(o is not None and not isinstance(o, ClauseElement) for o in other)
        equality = op in (operators.eq, operators.ne)
        if op not in _ALLOWED_OPERATORS and (against_value or not equality):
            raise TypeError(f"{self.expr} is encrypted: it cannot be compared, searched or sorted in SQL "
                            "(load the rows and compare in Python; search uses storage.blind_index)")
        return super().operate(op, *other, **kwargs)


class EncryptedText(TypeDecorator[str]):
    """TEXT in the database, sealed with the ring's current key; opened with whichever key sealed it."""

    impl = Text
    cache_ok = True
    comparator_factory = _SealedComparator

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        # any string a platform sends (NUL, lone surrogates) is sealed losslessly: storage.safe_text
        return keyring_of(dialect).seal(escape(value))

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return unescape(keyring_of(dialect).open(value))


def encrypted(*, nullable: bool = False, default: Any = ...) -> Any:
    """A SQLModel field whose column is sealed at rest (see the module docstring)."""
    column = Column(EncryptedText(), nullable=nullable)
    if default is ...:
        return Field(default=None, sa_column=column) if nullable else Field(sa_column=column)
    return Field(default=default, sa_column=column)


def encrypted_columns(metadata: Any) -> list[tuple[str, str]]:
    """(table, column) of every sealed column, for rotation, migration and the raw-file checks."""
    return sorted((table.name, column.name) for table in metadata.tables.values()
                  for column in table.columns if isinstance(column.type, EncryptedText))
