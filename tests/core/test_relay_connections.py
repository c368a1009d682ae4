"""The relay keeps its connections between messages (no pool check-out and, on PostgreSQL, no
ping round trip per message); a kept connection the server dropped in the meantime (a restart, a
fail-over, an idle-session timeout) costs one retry on a fresh connection, never a lost or
doubled message."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, select

from storage import chain
from storage.models import Delivery, MessageLog


def kill_kept_connections(relay, engine) -> int:  # type: ignore[no-untyped-def]
    """End the relay's kept connections from outside, as a database restart would."""
    kept = list(relay._held._idle)
    for connection in kept:
        if engine.dialect.name == "postgresql":
            pid = connection.connection.dbapi_connection.info.backend_pid
            with engine.connect() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        else:
            connection.connection.dbapi_connection.close()
    return len(kept)


async def test_a_message_after_the_database_dropped_the_relays_connection_is_recorded_once(
        make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Before the restart")
    assert kill_kept_connections(h.app.core.relay, engine) >= 1
    await h.say("dana", "dana-ana-mentor", "After the restart")
    await h.say("dana", "dana-ana-mentor", "And once more")
    assert h.seen_in("dana-ana-student") == ["Before the restart", "After the restart", "And once more"]
    with Session(engine) as session:
        rows = list(session.exec(select(MessageLog).order_by(MessageLog.id)))
        assert [r.text for r in rows] == ["Before the restart", "After the restart", "And once more"]
        assert [r.seq for r in rows] == [1, 2, 3]
        assert chain.verify(session, rows[0].program_id) == []
        assert len(session.exec(select(Delivery).where(Delivery.kind == "relay")).all()) == 3
