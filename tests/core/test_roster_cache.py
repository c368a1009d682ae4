"""The relay's cached roster facts are never stale (issue 16): a change made by another process —
the desk pausing a match, a coordinator recording a withdrawn permission form, an operator in psql
— takes effect with the very next message, on SQLite and PostgreSQL.

"Another process" here is a second engine on the same database (its own connections, nothing
shared in memory with the relay's process); the relay's cache is warm before each change.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from bot.relay.roster_facts import RosterCache
from bot.roster.pausing import set_paused
from bot.year.records import record_consent, withdraw_consent
from storage import repo, roster_generation
from storage.db import make_engine, upgrade
from storage.models import MessageLog


@pytest.fixture
def other_process(engine: Engine):  # type: ignore[no-untyped-def]
    """A second process's engine on the same database."""
    other = make_engine(engine.url.render_as_string(hide_password=False))
    yield other
    other.dispose()


def last_row(engine: Engine) -> MessageLog:
    with Session(engine) as session:
        return session.exec(select(MessageLog).order_by(MessageLog.id.desc())).first()  # type: ignore[union-attr]


def rules_of(row: MessageLog) -> list[str]:
    return [hit["rule"] for hit in json.loads(row.hits_json)]


def cache_of(h) -> RosterCache:  # type: ignore[no-untyped-def]
    return h.app.core.relay._roster


async def warm(h, user: str, channel: str) -> None:  # type: ignore[no-untyped-def]
    """Two messages: the first reads the roster, the second is served from the cache."""
    for n in range(2):
        await h.say(user, channel, f"warming up {n}")
    snapshot = cache_of(h).current()
    assert ("console", "demo", channel) in snapshot.channels, "the relay did not cache the channel"


async def test_a_match_paused_by_another_process_holds_the_next_message(make_harness, engine, other_process,
                                                                         clock):
    h = await make_harness()
    await warm(h, "dana", "dana-ana-mentor")
    assert last_row(engine).decision == "allow"
    set_paused(other_process, "dana-ana", paused=True, program_id=None, actor="desk", clock=clock)
    await h.say("dana", "dana-ana-mentor", "Are you free on Thursday?")
    row = last_row(engine)
    assert (row.text, row.decision) == ("Are you free on Thursday?", "hold")
    assert "match.paused" in rules_of(row)
    assert "Are you free on Thursday?" not in h.seen_in("dana-ana-student")
    set_paused(other_process, "dana-ana", paused=False, program_id=None, actor="desk", clock=clock)
    await h.say("dana", "dana-ana-mentor", "Great, see you then.")
    assert last_row(engine).decision == "allow"
    assert "Great, see you then." in h.seen_in("dana-ana-student")


async def test_a_withdrawn_permission_form_holds_the_students_next_message(make_harness, engine,
                                                                            other_process, clock):
    h = await make_harness()
    with Session(other_process) as session:
        ana = repo.person_by_account(session, "console", "demo", "ana")
        form = record_consent(session, ana, form_type="district form", guardian="R. Okafor",  # type: ignore[arg-type]
                              signed_on=date(2026, 9, 1), expires_on=None, platforms=["console"],
                              known_platforms=("console",), actor="coordinator", now=clock())
        session.commit()
        form_id = form.id
    await warm(h, "ana", "dana-ana-student")
    assert last_row(engine).decision == "allow"
    with Session(other_process) as session:  # the guardian withdrew it yesterday
        ana = repo.person_by_account(session, "console", "demo", "ana")
        form = session.get(type(form), form_id)
        withdraw_consent(session, form, ana, on=date(2026, 10, 12), actor="coordinator", now=clock())  # type: ignore[arg-type]
        session.commit()
    await h.say("ana", "dana-ana-student", "We placed third at the meet!")
    row = last_row(engine)
    assert row.decision == "hold" and "consent.expired" in rules_of(row)
    assert "We placed third at the meet!" not in h.seen_in("dana-ana-mentor")


async def test_a_member_removed_by_hand_in_the_database_is_a_stranger_at_once(make_harness, engine,
                                                                            other_process):
    h = await make_harness()
    await warm(h, "dana", "dana-ana-mentor")
    with other_process.begin() as conn:  # an operator's psql session, outside mentorbot
        conn.execute(text("DELETE FROM matchmember "
                          "WHERE person_id = (SELECT person_id FROM identity WHERE user_id = 'dana') "
                          "AND match_id = (SELECT id FROM match WHERE key = 'dana-ana')"))
    await h.say("dana", "dana-ana-mentor", "Hello again")
    row = last_row(engine)
    assert row.decision == "hold" and "match.stranger" in rules_of(row)


async def test_without_its_triggers_the_relay_caches_nothing_and_upgrade_restores_them(make_harness, engine,
                                                                                      other_process, clock):
    with engine.begin() as conn:
        assert roster_generation.installed(conn)
        name = "roster_gen_match" if conn.dialect.name == "postgresql" else "roster_gen_match_update"
        on = " ON match" if conn.dialect.name == "postgresql" else ""
        conn.execute(text(f"DROP TRIGGER {name}{on}"))  # as a table rebuild by a later migration would
        assert not roster_generation.installed(conn)
    h = await make_harness()
    for n in range(2):
        await h.say("dana", "dana-ana-mentor", f"hello {n}")
    assert not cache_of(h).enabled and not cache_of(h).current().channels
    set_paused(other_process, "dana-ana", paused=True, program_id=None, actor="desk", clock=clock)
    await h.say("dana", "dana-ana-mentor", "still there?")
    assert "match.paused" in rules_of(last_row(engine))
    upgrade(engine)  # `mentorbot migrate` (and every SQLite start) puts missing triggers back
    with engine.connect() as conn:
        assert roster_generation.installed(conn)


async def test_every_roster_write_moves_the_generation_in_its_own_transaction(make_harness, engine, clock):
    await make_harness()

    def generation() -> int:
        with engine.connect() as conn:
            return conn.execute(text("SELECT value FROM roster_generation")).scalar_one()

    before = generation()
    with Session(engine) as session:  # a change rolled back moves nothing
        match = repo.match_by_key(session, "dana-ana", None)
        match.status = "paused"  # type: ignore[union-attr]
        session.add(match)
        session.flush()
        session.rollback()
    assert generation() == before
    set_paused(engine, "dana-ana", paused=True, program_id=None, actor="desk", clock=clock)
    assert generation() > before
