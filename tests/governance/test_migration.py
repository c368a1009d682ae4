"""An existing database (chain format 1) migrates with Alembic: its chains are re-anchored in format 2
and still verify; a break the old chain had is kept and still reported (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from storage import chain_format
from storage.chain_format import GENESIS
from storage.chain_verify import verify_program
from storage.db import MIGRATIONS_DIR, make_engine, sqlite_url, upgrade
from storage.models import AuditEvent

BEFORE = ("prompts_0001", "web_0002")  # the heads before issue 15
T0 = datetime(2026, 10, 1, 15, 0, tzinfo=UTC)
_names = itertools.count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    """An empty database migrated only up to the revisions before issue 15."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url(tmp_path / "old.db"))
    else:
        cluster, admin = request.getfixturevalue("pg_cluster")
        name = f"mb_old_{os.getpid()}_{next(_names)}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        engine = make_engine(cluster.url(name))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        for revision in BEFORE:
            command.upgrade(config, revision)
    yield engine
    engine.dispose()


def _write_format_1(engine: Engine, *, messages: int) -> None:
    """A program as the pre-issue-15 code wrote it: format-1 hashes, a decided review, an alert."""
    meta = sa.MetaData()
    t = {
        n: sa.Table(n, meta, autoload_with=engine)
        for n in (
            "program",
            "person",
            "match",
            "message_log",
            "audit_event",
            "chainhead",
            "reviewitem",
            "alert",
        )
    }
    with engine.begin() as db:
        db.execute(
            t["program"]
            .insert()
            .values(id="p1", name="Old program", timezone="America/New_York", created_at=T0, updated_at=T0)
        )
        db.execute(
            t["person"]
            .insert()
            .values(id=1, program_id="p1", key="ana", role="student", display_name="Ana", active=True)
        )
        db.execute(
            t["match"]
            .insert()
            .values(id=1, program_id="p1", key="m1", model="one-to-one", status="ended", prompts_paused=False)
        )
        previous = GENESIS
        for seq in range(1, messages + 1):
            row = {
                "program_id": "p1",
                "seq": seq,
                "kind": "message",
                "match_id": 1,
                "channel_id": None,
                "platform": "console",
                "workspace": "demo",
                "channel": "c",
                "platform_message_id": str(seq),
                "thread_id": None,
                "dedupe_key": f"d{seq}",
                "original_id": None,
                "sender_person_id": 1,
                "sender_platform_id": "ana",
                "sender_name": "Ana",
                "sender_role": "student",
                "text": f"message {seq} ✓",
                "attachment_count": 0,
                "sent_at": T0 + timedelta(minutes=seq),
                "received_at": T0 + timedelta(minutes=seq),
                "decision": "hold" if seq == 2 else "allow",
                "alert": seq == 3,
                "hits_json": "[]",
                "notice": None,
                "prev_hash": previous,
            }
            row["row_hash"] = previous = chain_format.v1_row_hash("message", row)
            db.execute(t["message_log"].insert().values(id=seq, **row))
        db.execute(
            t["chainhead"]
            .insert()
            .values(program_id="p1", stream="message", last_seq=messages, last_hash=previous)
        )
        event = {
            "program_id": "p1",
            "seq": 1,
            "actor": "okafor",
            "action": "review.rejected",
            "target": "review:1",
            "rows": 0,
            "detail_json": "{}",
            "at": T0,
            "prev_hash": GENESIS,
        }
        event["row_hash"] = chain_format.v1_row_hash("audit", event)
        db.execute(t["audit_event"].insert().values(id=1, **event))
        db.execute(
            t["chainhead"]
            .insert()
            .values(program_id="p1", stream="audit", last_seq=1, last_hash=event["row_hash"])
        )
        db.execute(
            t["reviewitem"]
            .insert()
            .values(
                id=1,
                program_id="p1",
                message_id=2,
                match_id=1,
                reason="x",
                state="rejected",
                created_at=T0,
                decided_at=T0,
                decided_by="Grace Okafor",
                note="not here",
            )
        )
        db.execute(
            t["alert"]
            .insert()
            .values(
                id=1,
                program_id="p1",
                kind="concern",
                urgent=True,
                message_id=3,
                match_id=1,
                summary="Ana may need help",
                created_at=T0,
            )
        )
        if engine.dialect.name == "postgresql":  # ids given by hand above: move the sequences past them
            for name in t:
                if name not in ("program", "chainhead"):
                    db.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT max(id) FROM {name}))"
                        )
                    )


def test_an_old_database_migrates_and_its_chains_still_verify(old_engine):
    _write_format_1(old_engine, messages=30)
    upgrade(old_engine)
    with Session(old_engine) as session:
        report = verify_program(session, "p1")
        assert report.breaks == []
        assert report.heads["message"][0] == 30
        reanchor = session.exec(select(AuditEvent).where(AuditEvent.action == "chain.reanchor")).one()
        assert '"format_1_break_count": 0' in reanchor.detail_json
        anchors = session.exec(select(AuditEvent.subject).where(AuditEvent.action == "chain.anchor")).all()
        assert sorted(anchors) == ["alert:1", "reviewitem:1"]
        ended_on = session.execute(text("SELECT ended_on FROM match WHERE id = 1")).scalar_one()
        assert str(ended_on)[:10] == "2026-10-01"  # the day of the match's newest message


def test_a_break_in_the_old_chain_survives_the_migration(old_engine):
    _write_format_1(old_engine, messages=5)
    with old_engine.begin() as db:  # tampered before the upgrade: must not be laundered by it
        db.execute(text("UPDATE message_log SET text = 'forged' WHERE seq = 4"))
    upgrade(old_engine)
    with Session(old_engine) as session:
        problems = [b.problem for b in verify_program(session, "p1").breaks]
    assert any("before the chain was re-anchored" in p and "seq 4" in p and "altered" in p for p in problems)
