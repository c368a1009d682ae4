"""Personal data is sealed at rest: a copy of the SQLite file or a pg_dump shows none of it, while the
relay, the search, the transcript and the desk read it as before; sealed columns refuse SQL compares."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from bot.transcript import read_transcript
from storage.chain import verify
from storage.models import Alert, MessageLog, Person
from storage.search import SearchFilters, search_messages

PROGRAM = "riverside-ptech"
SECRET_WORDS = ["Quasarbloom", "circuits", "Whitfield"]  # message words and a person's name


async def _conversation(make_harness):  # type: ignore[no-untyped-def]
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana, tell me about the Quasarbloom project")
    await h.say("ana", "dana-ana-student", "We wire circuits for Quasarbloom on Tuesdays")
    await h.say("ana", "dana-ana-student", "it's our secret that I want to be an engineer")  # held
    return h


def raw_sqlite_bytes(engine: Engine) -> bytes:
    """Every byte SQLite keeps for this database: the file, its WAL and shared memory."""
    database = Path(engine.url.database or "")
    return b"".join(Path(f"{database}{suffix}").read_bytes() for suffix in ("", "-wal", "-shm")
                    if Path(f"{database}{suffix}").exists())


def pg_dump_text(engine: Engine, pg_cluster) -> bytes:  # type: ignore[no-untyped-def]
    cluster, _admin = pg_cluster
    url = engine.url
    return subprocess.run([str(cluster.bin_dir / "pg_dump"), "--format=plain", f"--dbname={url.database}",
                           f"--host={url.host}", f"--port={url.port}", f"--username={url.username}"],
                          capture_output=True, check=True, timeout=60).stdout


def raw_copy(engine: Engine, request: pytest.FixtureRequest) -> bytes:
    if engine.dialect.name == "sqlite":
        return raw_sqlite_bytes(engine)
    return pg_dump_text(engine, request.getfixturevalue("pg_cluster"))


async def test_a_raw_copy_shows_no_message_or_name_but_the_app_reads_them(make_harness, engine, request):
    h = await _conversation(make_harness)
    raw = raw_copy(engine, request)
    for word in SECRET_WORDS:
        for form in (word, word.lower(), word.upper()):
            assert form.encode() not in raw, f"{form!r} is readable in the raw database"
    assert b"e1.k" in raw  # the sealed values are there
    # ...and everything reads as before through the app
    assert "We wire circuits for Quasarbloom on Tuesdays" in h.seen_in("dana-ana-mentor")
    with Session(engine) as session:
        hits = search_messages(session, PROGRAM, SearchFilters(text="quasarbloom"))
        assert [hit.text for hit in hits] == ["We wire circuits for Quasarbloom on Tuesdays",
                                              "Hi Ana, tell me about the Quasarbloom project"]
        both_words = search_messages(session, PROGRAM, SearchFilters(text="Quasarbloom TUESDAYS"))
        assert [hit.sender for hit in both_words] == ["Ana R."]
        assert session.exec(select(Person).where(Person.key == "dana")).one().display_name == "Dana Whitfield"
        assert verify(session, PROGRAM) == []
    _match, lines = read_transcript(engine, "dana-ana", actor="test", clock=h.clock)
    assert "Quasarbloom" in "\n".join(str(line) for line in lines)


async def test_sealed_columns_refuse_sql_comparisons_that_would_silently_match_nothing(make_harness, engine):
    await make_harness()
    with Session(engine) as session:
        for clause in (lambda: MessageLog.text == "hello", lambda: Person.display_name.contains("Dana"),  # type: ignore[attr-defined]
                       lambda: Alert.summary.in_(["x"]), lambda: Person.display_name.desc()):  # type: ignore[attr-defined]
            with pytest.raises(TypeError, match="is encrypted"):
                clause()
        assert session.exec(select(Alert).where(Alert.action_taken == None)).all() == []  # noqa: E711  (IS NULL works)


async def test_the_index_holds_keyed_tokens_not_words(make_harness, engine):
    await _conversation(make_harness)
    with Session(engine) as session:
        row = session.exec(select(MessageLog).where(MessageLog.kind == "message")
                           .order_by(MessageLog.id.desc())).first()  # type: ignore[union-attr]
        tokens = row.search_tokens.split()  # type: ignore[union-attr]
        assert tokens == sorted(set(tokens)) and all(len(t) == 12 and int(t, 16) >= 0 for t in tokens)
        if engine.dialect.name == "sqlite":
            indexed = session.execute(text("SELECT count(*) FROM message_fts WHERE message_fts MATCH :q"),
                                      {"q": 'body:"engineer"'}).scalar_one()
            assert indexed == 0  # the plain word is nowhere in the FTS5 index
        else:
            lexemes = session.execute(text("SELECT search_doc::text FROM message_log WHERE id = :id"),
                                      {"id": row.id}).scalar_one()
            assert "engineer" not in lexemes and tokens[0] in lexemes
