"""An existing database written before encryption is sealed by its upgrade (enc_0001): afterwards the
raw file holds none of its text, the app reads every row, the chain still verifies and the desk
search finds the old words through the new blind index. SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, MetaData, text
from sqlmodel import Session, select

import storage.all_models  # noqa: F401
from storage.chain import verify
from storage.chain_format import GENESIS, V1_FIELDS, v1_row_hash
from storage.db import make_engine, sqlite_url, upgrade
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
    name = f"mb_plain_{os.getpid()}_{next(_numbers)}"  # (tests/governance/test_migration.py uses mb_old_)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine = make_engine(cluster.url(name))
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def _plain_tables(engine: Engine) -> MetaData:
    """The tables as the old schema has them (reflected): sealed columns are plain TEXT there."""
    plain = MetaData()
    plain.reflect(bind=engine)
    return plain


def _format_1(row: MessageLog | AuditEvent, stream: str) -> dict[str, object]:
    """The columns a chain-format-1 database had (before issue 15's salts, commitments and tokens)."""
    return {name: getattr(row, name) for name in ("id", *V1_FIELDS[stream], "row_hash")}


def _write_plaintext_program(engine: Engine) -> None:
    tables = _plain_tables(engine).tables
    logs, previous = [], GENESIS
    for seq, body in enumerate(OLD_TEXTS, start=1):
        row = MessageLog(id=seq, program_id="old", seq=seq, kind="message", match_id=1, platform="console",
                         workspace="demo", channel="m1-student", platform_message_id=f"p{seq}",
                         sender_person_id=2, sender_platform_id="lena", sender_name="Lena Moreau", text=body,
                         sent_at=NOW + timedelta(minutes=seq), received_at=NOW + timedelta(minutes=seq),
                         decision="allow", hits_json="[]", prev_hash=previous, row_hash="")
        values = row.model_dump()
        row.row_hash = previous = v1_row_hash("message", values)
        logs.append(_format_1(row, "message"))
    audit = AuditEvent(id=1, program_id="old", seq=1, actor="okafor", action="transcript.read",
                       target="match:m1", detail_json='{"q": "Marimbafox"}', at=NOW,
                       prev_hash=GENESIS, row_hash="")
    audit.row_hash = v1_row_hash("audit", audit.model_dump())
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
        conn.execute(tables["audit_event"].insert(), [_format_1(audit, "audit")])
        conn.execute(tables["alert"].insert(), [{"program_id": "old", "kind": "concern", "urgent": True,
                                                 "summary": "Lena Moreau mentioned Marimbafox",
                                                 "created_at": NOW}])
        conn.execute(tables["chainhead"].insert(), [
            {"program_id": "old", "stream": "message", "last_seq": 3, "last_hash": previous},
            {"program_id": "old", "stream": "audit", "last_seq": 1, "last_hash": audit.row_hash}])
        if engine.dialect.name == "postgresql":  # ids were given: move the sequences past them
            for table in ("person", "match", "message_log", "audit_event"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))


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
        read = select(AuditEvent).where(AuditEvent.action == "transcript.read")  # (+ gov_0001's re-anchor)
        assert session.exec(read).one().detail_json == '{"q": "Marimbafox"}'
        found = search_messages(session, "old", SearchFilters(text="marimbafox"))
        assert [hit.text for hit in found] == [OLD_TEXTS[2], OLD_TEXTS[0]]
