"""An existing database written before encryption is sealed by its upgrade (enc_0001): afterwards the
raw file holds none of its text, the app reads every row, the chain still verifies and the desk
search finds the old words through the new blind index. SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, MetaData, Text, text
from sqlmodel import Session, SQLModel, select

import storage.all_models  # noqa: F401
from storage.chain import GENESIS, row_digest, verify
from storage.db import make_engine, sqlite_url, upgrade
from storage.encryption import EncryptedText
from storage.models import Alert, AuditEvent, MessageLog, Person
from storage.search import SearchFilters, search_messages

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
OLD_TEXTS = ["Our Marimbafox robot won", "Great job Lena", "Marimbafox photos tomorrow"]
_numbers = itertools.count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_engine(request, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    """An empty database (no schema yet) on each backend."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url(tmp_path / "old.db"))
        yield engine
        engine.dispose()
        return
    cluster, admin = request.getfixturevalue("pg_cluster")
    name = f"mb_old_{os.getpid()}_{next(_numbers)}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine = make_engine(cluster.url(name))
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def _plain_tables() -> MetaData:
    """The models' tables with sealed columns as plain TEXT: what a pre-encryption mentorbot wrote."""
    plain = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        copy = table.to_metadata(plain)
        for column in copy.columns:
            if isinstance(column.type, EncryptedText):
                column.type = Text()
    return plain


def _write_plaintext_program(engine: Engine) -> None:
    tables = _plain_tables().tables
    logs, previous = [], GENESIS
    for seq, body in enumerate(OLD_TEXTS, start=1):
        row = MessageLog(id=seq, program_id="old", seq=seq, kind="message", match_id=1, platform="console",
                         workspace="demo", channel="m1-student", platform_message_id=f"p{seq}",
                         sender_person_id=2, sender_platform_id="lena", sender_name="Lena Moreau", text=body,
                         sent_at=NOW + timedelta(minutes=seq), received_at=NOW + timedelta(minutes=seq),
                         decision="allow", hits_json="[]", prev_hash=previous, row_hash="")
        row.row_hash = previous = row_digest(row)
        logs.append({k: v for k, v in row.model_dump().items() if k != "search_tokens"})
    audit = AuditEvent(id=1, program_id="old", seq=1, actor="okafor", action="transcript.read",
                       target="match:m1", detail_json='{"q": "Marimbafox"}', at=NOW,
                       prev_hash=GENESIS, row_hash="")
    audit.row_hash = row_digest(audit)
    with engine.begin() as conn:
        conn.execute(tables["program"].insert(), [{"id": "old", "name": "Old", "timezone": "America/New_York",
                                                   "created_at": NOW, "updated_at": NOW}])
        conn.execute(tables["person"].insert(), [
            {"id": 1, "program_id": "old", "key": "m1", "role": "mentor", "display_name": "Theo Vasquez",
             "email": "theo@example.org", "active": True},
            {"id": 2, "program_id": "old", "key": "s1", "role": "student", "display_name": "Lena Moreau",
             "email": None, "active": True}])
        conn.execute(tables["match"].insert(), [{"id": 1, "program_id": "old", "key": "m1",
                                                 "model": "one-to-one", "status": "active",
                                                 "prompts_paused": False}])
        conn.execute(tables["message_log"].insert(), logs)
        conn.execute(tables["audit_event"].insert(), [audit.model_dump()])
        conn.execute(tables["alert"].insert(), [{"program_id": "old", "kind": "concern", "urgent": True,
                                                 "summary": "Lena Moreau mentioned Marimbafox",
                                                 "created_at": NOW}])
        conn.execute(tables["chainhead"].insert(), [
            {"program_id": "old", "stream": "message", "last_seq": 3, "last_hash": previous},
            {"program_id": "old", "stream": "audit", "last_seq": 1, "last_hash": audit.row_hash}])


def _raw(engine: Engine) -> bytes:
    if engine.dialect.name == "sqlite":
        path = engine.url.database or ""
        return b"".join(open(f"{path}{s}", "rb").read() for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
    with engine.connect() as conn:  # every live row as PostgreSQL returns it, sealed columns unopened
        return "\n".join(str(tuple(r)) for table in ("person", "message_log", "alert", "audit_event")
                         for r in conn.execute(text(f"SELECT * FROM {table}"))).encode()


def test_an_old_plaintext_database_is_sealed_by_its_upgrade(empty_engine: Engine) -> None:
    upgrade(empty_engine, "web_0002")
    upgrade(empty_engine, "prompts_0001")
    _write_plaintext_program(empty_engine)
    assert b"Marimbafox" in _raw(empty_engine)  # (the starting point really is plaintext)

    assert upgrade(empty_engine)  # enc_0001 and whatever comes after it
    empty_engine.dispose()
    raw = _raw(empty_engine)
    for word in (b"Marimbafox", b"Lena Moreau", b"Theo Vasquez", b"theo@example.org"):
        assert word not in raw, word
    with Session(empty_engine) as session:
        assert verify(session, "old") == []
        assert [m.text for m in session.exec(select(MessageLog).order_by(MessageLog.id))] == OLD_TEXTS
        assert {p.display_name for p in session.exec(select(Person))} == {"Theo Vasquez", "Lena Moreau"}
        assert session.exec(select(Alert)).one().summary == "Lena Moreau mentioned Marimbafox"
        assert session.exec(select(AuditEvent)).one().detail_json == '{"q": "Marimbafox"}'
        found = search_messages(session, "old", SearchFilters(text="marimbafox"))
        assert [hit.text for hit in found] == [OLD_TEXTS[2], OLD_TEXTS[0]]
