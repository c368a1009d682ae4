"""Key rotation in the database: move every sealed value onto the ring's current key, in batches.

Each batch is its own transaction (read rows not under the current key, open, seal, write, commit),
so an interrupted rotation keeps what it did and the next run carries on from the rows still under
an older key. message_log's blind-index tokens move with the text. The chain never changes: it
hashes plaintext. An old key is marked retired in ``encryption_key`` only after a full pass finds no
value left under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel, select

import storage.all_models  # noqa: F401  (every sealed column is on the metadata)
from storage import reseal
from storage.clock import utcnow
from storage.encryption import encrypted_columns, keyring_of
from storage.key_check import register_current
from storage.models_keys import EncryptionKey

Progress = Callable[[str, int], None]


def sealed_tables() -> dict[str, list[str]]:
    """table -> its sealed columns, from the models (tables other branches add are included)."""
    tables: dict[str, list[str]] = {}
    for table, column in encrypted_columns(SQLModel.metadata):
        tables.setdefault(table, []).append(column)
    return tables


@dataclass
class RotationResult:
    moved: dict[str, int] = field(default_factory=dict)
    remaining: int = 0
    retired: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.moved.values())


def move_rows(engine: Engine, *, batch: int = reseal.BATCH, progress: Progress | None = None
              ) -> dict[str, int]:
    """Reseal every value not under the current key; one transaction per batch. Returns rows moved."""
    ring = keyring_of(engine)
    with Session(engine) as session:
        register_current(session, ring)
        session.commit()
    moved: dict[str, int] = {}
    for table, columns in sealed_tables().items():
        extra = list(reseal.INDEX_INPUTS) if table == "message_log" else []
        key = reseal.row_key(table)
        last, count = 0, 0
        while True:
            with engine.begin() as connection:
                where, params = reseal.not_under(connection, columns, ring.current_id)
                rows = next(reseal.batches(connection, table, columns + extra, where=where, params=params,
                                           size=batch, after=last, key=key), [])
                if not rows:
                    break
                reseal.write(connection, table, reseal.resealed(rows, columns, opener=ring.open, ring=ring,
                                                                table=table), key=key)
            last, count = rows[-1]["id"], count + len(rows)
            if progress:
                progress(table, count)
        moved[table] = count
    return moved


def remaining(engine: Engine) -> int:
    """Values still sealed under any key but the current one (a full scan of the sealed columns)."""
    ring = keyring_of(engine)
    total = 0
    with engine.connect() as connection:
        quote = connection.dialect.identifier_preparer.quote
        for table, columns in sealed_tables().items():
            where, params = reseal.not_under(connection, columns, ring.current_id)
            total += connection.execute(text(f"SELECT count(*) FROM {quote(table)} WHERE {where}"),
                                        params).scalar_one()
    return total


def pending_keys(engine: Engine) -> list[str]:
    """Keys other than the current one that rows may still be under (an unfinished rotation, or a
    restored backup written before the last rotation)."""
    current = keyring_of(engine).current_id
    with Session(engine) as session:
        return sorted(session.exec(select(EncryptionKey.key_id).where(EncryptionKey.state == "active",
                                                                     EncryptionKey.key_id != current)))


def retire_old_keys(engine: Engine) -> list[str]:
    """Mark every active key but the current one retired; call only when ``remaining`` is 0."""
    ring = keyring_of(engine)
    now = utcnow()
    retired = []
    with Session(engine) as session:
        for row in session.exec(select(EncryptionKey).where(EncryptionKey.state == "active",
                                                            EncryptionKey.key_id != ring.current_id)):
            row.state, row.retired_at = "retired", now
            session.add(row)
            retired.append(row.key_id)
        session.commit()
    return sorted(retired)


def rotate(engine: Engine, *, batch: int = reseal.BATCH, progress: Progress | None = None,
           passes: int = 3, between: Callable[[], None] | None = None) -> RotationResult:
    """Move every row onto the current key, then retire the old keys if none is left under them.

    A process that has not yet re-read the key file may still seal a few rows with the old key;
    up to ``passes`` passes pick those up (``between`` runs before each extra pass: a short wait).
    """
    result = RotationResult()
    for number in range(passes):
        if number and between:
            between()
        for table, count in move_rows(engine, batch=batch, progress=progress).items():
            result.moved[table] = result.moved.get(table, 0) + count
        result.remaining = remaining(engine)
        if not result.remaining:
            result.retired = retire_old_keys(engine)
            break
    return result


def rows_per_key(engine: Engine) -> dict[str, int]:
    """How many sealed values each key holds (``keys status``)."""
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        quote = connection.dialect.identifier_preparer.quote
        for table, columns in sealed_tables().items():
            for column in columns:
                c = quote(column)
                # e1.<kid>.<body>: the key id sits between the first and second dot
                query = text(f"SELECT substr({c}, 4, 9), count(*) FROM {quote(table)} "
                             f"WHERE {c} IS NOT NULL GROUP BY substr({c}, 4, 9)")
                for kid, count in connection.execute(query):
                    counts[kid] = counts.get(kid, 0) + count
    return counts
