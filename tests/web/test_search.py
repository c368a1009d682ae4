"""Search answers the right messages on SQLite (FTS5) and PostgreSQL (tsvector): words, the match,
person, decision and date filters, newest first, one program only, and no query-syntax injection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from bot.messages import ChannelRef, Inbound, InboundKind
from storage.models import Match, Person
from storage.search import SearchFilters, search_messages

PROGRAM = "riverside-ptech"


@pytest.fixture
async def talk(desk):  # type: ignore[no-untyped-def]
    h = desk.h
    await h.say("dana", "dana-ana-mentor", "Welcome Ana! Tell me about your robotics project")
    await h.say("ana", "dana-ana-student", "The robotics club meets Tuesday")
    h.clock.advance(days=3)
    await h.say("ana", "dana-ana-student", "Our robotics secret weapon is a servo")  # held
    await h.say("raj", "raj-group-mentor", "Robotics is great, Ben")
    await h.say("ben", "raj-group-student", "Robótica en español también")
    harbor = ChannelRef("console", "harbor", "max-zoe-mentor")
    await h.app.core.handle(Inbound(kind=InboundKind.MESSAGE, channel=harbor, message_id="h1",
                               event_key="msg:h1", author_id="max", text="robotics in another program",
                               sent_at=h.clock.now))
    return desk


def ids_of(engine):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        matches = {m.key: m.id for m in session.exec(select(Match))}
        people = {p.key: p.id for p in session.exec(select(Person))}
    return matches, people


def texts(engine, filters: SearchFilters, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return [h.text for h in search_messages(session, PROGRAM, filters, **kw)]


async def test_words_and_filters(talk, engine) -> None:  # type: ignore[no-untyped-def]
    matches, people = ids_of(engine)
    assert texts(engine, SearchFilters(text="robotics")) == [
        "Robotics is great, Ben", "Our robotics secret weapon is a servo",
        "The robotics club meets Tuesday", "Welcome Ana! Tell me about your robotics project"]
    assert texts(engine, SearchFilters(text="ROBOTICS club")) == ["The robotics club meets Tuesday"]
    assert texts(engine, SearchFilters(text="robotics", match_id=matches["raj-group"])) == [
        "Robotics is great, Ben"]
    assert texts(engine, SearchFilters(text="robotics", person_id=people["ana"])) == [
        "Our robotics secret weapon is a servo", "The robotics club meets Tuesday"]
    assert texts(engine, SearchFilters(text="robotics", decision="hold")) == [
        "Our robotics secret weapon is a servo"]
    assert texts(engine, SearchFilters(person_id=people["ana"], decision="allow")) == [
        "The robotics club meets Tuesday"]
    since = datetime(2026, 10, 14, tzinfo=UTC)
    assert len(texts(engine, SearchFilters(text="robotics", since=since))) == 2
    assert texts(engine, SearchFilters(text="robotics", until=since)) == [
        "The robotics club meets Tuesday", "Welcome Ana! Tell me about your robotics project"]
    assert texts(engine, SearchFilters(text="nothing-like-this")) == []


async def test_one_program_only_and_no_injection(talk, engine) -> None:  # type: ignore[no-untyped-def]
    assert "robotics in another program" not in texts(engine, SearchFilters(text="robotics"))
    with Session(engine) as session:
        other = search_messages(session, "harbor-ptech", SearchFilters(text="robotics"))
    assert [h.text for h in other] == ["robotics in another program"]
    for hostile in ('robotics" OR scope:m1', "scope:g*", "robotics' | '", "NOT robotics", "*", '"'):
        found = texts(engine, SearchFilters(text=hostile))
        assert "robotics in another program" not in found


async def test_paging_older_results_and_the_wide_windows(desk, engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("storage.search.WINDOWS", (10, 40))  # small windows: every PostgreSQL shape runs
    h = desk.h
    for n in range(90):  # a rare word among many messages exercises every query shape
        h.clock.advance(minutes=1)
        word = "kayak" if n % 30 == 0 else "hello"
        await h.console.say("dana", "dana-ana-mentor", f"{word} number {n}")
    await h.app.delivery.run_once()
    matches, _people = ids_of(engine)
    assert texts(engine, SearchFilters(text="kayak")) == [f"kayak number {n}" for n in (60, 30, 0)]
    expected = [f"hello number {n}" for n in reversed(range(90)) if n % 30]
    assert texts(engine, SearchFilters(text="hello", match_id=matches["dana-ana"])) == expected[:50]
    with Session(engine) as session:
        page = search_messages(session, PROGRAM, SearchFilters(text="hello"), limit=50)
        older = search_messages(session, PROGRAM, SearchFilters(text="hello"), limit=50,
                                before_id=page[-1].id)
    assert [x.text for x in page] == expected[:50] and [x.text for x in older] == expected[50:]
    assert texts(engine, SearchFilters(text="number", since=h.clock.now - timedelta(minutes=5))) == [
        f"hello number {n}" for n in (89, 88, 87, 86, 85, 84)]


async def test_the_search_page_filters_and_refuses_other_programs_ids(talk) -> None:  # type: ignore[no-untyped-def]
    client = await talk.signed_in("okafor")
    page = (await client.get("/search?q=robotics&person=ana&decision=hold")).text
    assert "Our robotics secret weapon" in page and "club meets" not in page
    assert (await client.get("/search?q=robotics&match=max-zoe")).status_code == 404
    assert (await client.get("/search?q=robotics&person=zoe")).status_code == 404
    assert (await client.get("/search?q=x&since=yesterday")).status_code == 400


async def test_long_messages_are_found_in_one_match_and_from_one_sender(desk, engine) -> None:  # type: ignore[no-untyped-def]
    # PostgreSQL keeps only small tsvectors in the covering indexes (web_0002); a long message must
    # neither fail to be stored nor drop out of a match's or a sender's results, and both kinds
    # must come back interleaved newest first.
    h = desk.h
    long_text = "kayak " + " ".join(f"filler{n}" for n in range(3000))
    for who, channel, body in [("dana", "dana-ana-mentor", "kayak short one"),
                               ("ana", "dana-ana-student", long_text),
                               ("dana", "dana-ana-mentor", "kayak short two"),
                               ("ana", "dana-ana-student", "kayak short three " + "word " * 400)]:
        h.clock.advance(minutes=1)
        await h.say(who, channel, body)
    matches, people = ids_of(engine)
    newest_first = ["kayak short three " + "word " * 400, "kayak short two", long_text, "kayak short one"]
    assert [t.rstrip() for t in texts(engine, SearchFilters(text="kayak", match_id=matches["dana-ana"]))] == [
        t.rstrip() for t in newest_first]
    assert texts(engine, SearchFilters(text="kayak filler2999", person_id=people["ana"])) == [long_text]
    with Session(engine) as session:
        page = search_messages(session, PROGRAM, SearchFilters(text="kayak", match_id=matches["dana-ana"]),
                               limit=2)
        older = search_messages(session, PROGRAM, SearchFilters(text="kayak", match_id=matches["dana-ana"]),
                                limit=2, before_id=page[-1].id)
    assert [x.text.rstrip() for x in page + older] == [t.rstrip() for t in newest_first]


async def test_postgres_reads_one_match_index_only(talk, engine) -> None:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "postgresql":
        pytest.skip("FTS5 answers the match filter inside its own index (see the SQLite tests above)")
    from storage.search import _narrow_sql

    matches, _people = ids_of(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE) message_log"))
        conn.execute(text("SET enable_seqscan = off"))
        conn.execute(text("SET enable_bitmapscan = off"))
        plan = "\n".join(r[0] for r in conn.execute(
            text("EXPLAIN " + _narrow_sql("match_id = :match")),
            {"match": matches["raj-group"], "tsq": "'robotics'", "limit": 50}))
    assert "Index Only Scan using ix_message_log_cover_match " in plan, plan
