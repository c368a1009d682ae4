"""The relay's rows written on the DBAPI cursor equal the rows SQLAlchemy's Core writes (issue 16).

The same conversation (allowed, blocked, held and alerting messages, an edit, a deletion, both
sides of a match) is relayed twice with the same clock: once as the relay runs (its hot
statements on the driver's cursor, prepared on PostgreSQL) and once with that path switched off
(every statement through Core, as before round 4). Every stored column must come out the same,
except the per-row random salt and what hashes it; both hash chains must verify and every sealed
column must be sealed on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from storage import chain, driver_statements
from storage.db import make_engine
from storage.models import Delivery, MessageLog

RANDOM = {"content_salt", "commitment", "row_hash", "prev_hash"}  # a fresh salt per row, and its hashes
SEALED_ON_DISK = ("text", "sender_name")  # stored sealed: never the plaintext


async def relay_a_conversation(engine: Engine, clock, roster: Path) -> None:  # type: ignore[no-untyped-def]
    """The sample program on ``engine``, a started core over the console adapter, one conversation."""
    from adapters.console import ConsoleAdapter
    from bot.app import build_app
    from bot.relay.policy_cache import PolicyBook
    from bot.settings import Settings
    from support.fake_policy import FakePolicy
    from support.roster_helpers import import_roster

    import_roster(engine, roster)
    console = ConsoleAdapter(workspace="demo", clock=clock)
    app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine, clock=clock,
                    policies=PolicyBook(loader=lambda _path: FakePolicy()))
    await console.start(app.core)
    said = [("dana", "dana-ana-mentor", "Hi Ana, how did the robotics meet go?"),
            ("ana", "dana-ana-student", "We placed third! Call me at 555-123-4567"),
            ("dana", "dana-ana-mentor", "Great. Let's keep it our secret for now"),
            ("ana", "dana-ana-student", "Sometimes I want to hurt myself before tests"),
            ("dana", "dana-ana-mentor", "Your coordinator and I are here for you."),
            ("dana", "dana-ana-mentor", "See you Thursday.")]
    sent = []
    for user, channel, words in said:
        clock.advance(seconds=30)
        sent.append(await console.say(user, channel, words))
        await app.delivery.run_once()  # one copy at a time: the console numbers its posts in order
    await console.edit_own("dana", "dana-ana-mentor", sent[0], "Hi Ana, how did the meet go?")
    await app.delivery.run_once()
    await console.delete_own("dana", "dana-ana-mentor", sent[4])
    await app.delivery.run_once()
    app.core.relay.close()


def stored(engine: Engine) -> tuple[list[dict], list[dict]]:
    with Session(engine) as session:
        logs = [row.model_dump() for row in session.exec(select(MessageLog).order_by(MessageLog.id))]
        copies = [row.model_dump() for row in session.exec(select(Delivery).order_by(Delivery.id))]
        program = logs[0]["program_id"]
        assert chain.verify(session, program) == []
        for column in SEALED_ON_DISK:
            raw = session.execute(text(f"SELECT {column} FROM message_log ORDER BY id")).scalars().all()
            assert all(value != row[column] for value, row in zip(raw, logs, strict=True) if row[column])
    return logs, copies


def comparable(rows: list[dict], leave_out: set[str]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in leave_out} for row in rows]


@pytest.fixture
def twin(engine: Engine, request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A second fresh database on the same engine kind (the Core-written copy)."""
    if engine.dialect.name == "postgresql":
        cluster, admin = request.getfixturevalue("pg_cluster")
        name = f"mb_twin_{tmp_path.name[-20:].replace('-', '_').lower()}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE mb_template"))
        url = cluster.url(name)
    else:
        import shutil

        shutil.copy(request.getfixturevalue("sqlite_template"), tmp_path / "twin.db")
        url = f"sqlite:///{tmp_path / 'twin.db'}"
    yield url
    if engine.dialect.name == "postgresql":
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


async def test_the_cursor_path_stores_what_core_stores(engine, twin, clock, monkeypatch,
                                                        sample_roster_path) -> None:
    start = clock.now
    await relay_a_conversation(engine, clock, sample_roster_path)
    cursor_logs, cursor_copies = stored(engine)

    clock.now = start
    core = make_engine(twin)
    monkeypatch.setattr(driver_statements, "usable", lambda _connection: False)
    try:
        await relay_a_conversation(core, clock, sample_roster_path)
        core_logs, core_copies = stored(core)
    finally:
        core.dispose()
    assert len(cursor_logs) >= 8 and {"allow", "block", "hold"} <= {r["decision"] for r in cursor_logs}
    assert any(c["kind"] == "relay" for c in cursor_copies)
    assert differences(comparable(cursor_logs, RANDOM), comparable(core_logs, RANDOM)) == []
    # Copies for different channels go out concurrently in one delivery pass, so which of two
    # gets the console's next post number varies from run to run: compare those numbers as a set.
    posted = {"platform_message_id"}
    assert differences(comparable(cursor_copies, posted), comparable(core_copies, posted)) == []
    assert sorted(str(c["platform_message_id"]) for c in cursor_copies) == \
        sorted(str(c["platform_message_id"]) for c in core_copies)


def differences(ours: list[dict], theirs: list[dict]) -> list[tuple]:
    """(row, column, ours, theirs) for every cell that differs (and the row counts)."""
    found = [("rows", len(ours), len(theirs))] if len(ours) != len(theirs) else []
    for n, (mine, other) in enumerate(zip(ours, theirs, strict=False)):
        found += [(n, key, mine[key], other.get(key)) for key in mine if mine[key] != other.get(key)]
    return found
