"""Keys: a missing or wrong key is refused at start-up with what to do; a key file must be private
and outside DATA_DIR; an altered sealed value is refused; rotation — interrupted and resumed — moves
every row to the new key without touching the chain, and search works halfway through."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from bot.keys import begin_rotation, keyring_from_settings, retire_previous
from bot.settings import Settings
from storage import rotation
from storage.chain import verify
from storage.db import open_database
from storage.encryption import NoKeyRing, attach_keyring, install_keyring, keyring_of
from storage.keyring import KeyRing, KeyRingError, MissingKey, WrongKey, new_secret
from storage.models import MessageLog, Person
from storage.models_keys import EncryptionKey
from storage.search import SearchFilters, search_messages
from support.cli import mentorbot
from support.roster_helpers import import_roster

SAMPLE = Path(__file__).parents[2] / "examples" / "sample-program.yml"

PROGRAM = "riverside-ptech"
MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


async def test_a_wrong_or_missing_key_is_refused_at_start_naming_the_keys(make_harness, engine):
    await make_harness()
    written_with = keyring_of(engine).current_id
    stranger = KeyRing.single(new_secret())
    with pytest.raises(MissingKey) as refused:
        open_database(_url(engine), keyring=stranger)
    assert written_with in str(refused.value) and stranger.current_id in str(refused.value)
    assert "ENCRYPTION_KEY_FILE" in str(refused.value)
    from storage import encryption

    saved = encryption._process_ring
    install_keyring(None)
    try:
        with pytest.raises(NoKeyRing, match="mentorbot keys init"):
            open_database(_url(engine))
    finally:
        install_keyring(saved)


async def test_an_altered_sealed_value_does_not_open(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hello Ana")
    with engine.begin() as conn:
        sealed = conn.execute(text("SELECT text FROM message_log WHERE kind = 'message'")).scalar_one()
        body = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
        conn.execute(text("UPDATE message_log SET text = :t WHERE kind = 'message'"), {"t": body})
    with Session(engine) as session, pytest.raises(WrongKey, match="altered"):
        session.exec(select(MessageLog).where(MessageLog.kind == "message")).all()


def test_the_key_file_must_be_private_outside_data_dir_and_well_formed(tmp_path: Path):
    data = tmp_path / "var"
    inside = data / "keys"
    data.mkdir()
    shutil.copy(os.environ["ENCRYPTION_KEY_FILE"], inside)
    with pytest.raises(KeyRingError, match="inside DATA_DIR"):
        keyring_from_settings(Settings(_env_file=None, data_dir=data, encryption_key_file=inside))
    outside = tmp_path / "etc" / "keys"
    outside.parent.mkdir()
    shutil.copy(inside, outside)
    outside.chmod(0o644)
    with pytest.raises(KeyRingError, match="chmod 600"):
        keyring_from_settings(Settings(_env_file=None, data_dir=data, encryption_key_file=outside))
    outside.chmod(0o600)
    assert keyring_from_settings(Settings(_env_file=None, data_dir=data, encryption_key_file=outside)).keys
    outside.write_text(outside.read_text().replace("current k", "current kX", 1))
    with pytest.raises(KeyRingError, match="line 4: the key does not match its id"):
        keyring_from_settings(Settings(_env_file=None, data_dir=data, encryption_key_file=outside))
    with pytest.raises(KeyRingError, match="mentorbot keys init"):
        keyring_from_settings(Settings(_env_file=None, data_dir=data, encryption_key_file=tmp_path / "nope"))


def test_the_command_line_stops_with_one_clear_line_when_the_key_is_wrong(sqlite_engine, tmp_path: Path):
    import_roster(sqlite_engine, SAMPLE)  # a database written with the test key
    sqlite_engine.dispose()
    other = tmp_path / "etc" / "other-keys"
    created = mentorbot("keys", "init", str(other), env={"DATA_DIR": str(tmp_path / "var")})
    assert created.exit_code == 0 and oct(other.stat().st_mode & 0o777) == "0o600", created.output
    wrong = mentorbot("review", env={"DATA_DIR": str(tmp_path / "var"), "ENCRYPTION_KEY_FILE": str(other),
                                     "DATABASE_URL": sqlite_engine.url.render_as_string()})
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("error: this database has data sealed with key k"), wrong.output


def test_the_demo_runs_without_any_key_configured(tmp_path: Path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_", "ENCRYPTION_"))}
    env.update(DATA_DIR=str(tmp_path / "var"))
    demo = subprocess.run([MENTORBOT, "run"], env=env, input="ana: hello\n/quit\n", capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "throwaway key" in demo.stdout and "[dana-ana-mentor] Ana R.: hello" in demo.stdout


async def test_rotation_interrupted_then_resumed_moves_every_row_and_keeps_the_chain(
        make_harness, engine, tmp_path):
    key_file = tmp_path / "keys"
    shutil.copy(os.environ["ENCRYPTION_KEY_FILE"], key_file)  # this test's own ring, same first key
    ring = KeyRing.from_file(key_file)
    attach_keyring(engine, ring)
    h = await make_harness()
    for n in range(6):
        await h.say("dana" if n % 2 else "ana", "dana-ana-mentor" if n % 2 else "dana-ana-student",
                    f"kayak trip number {n}")
    old = ring.current_id
    with Session(engine) as session:
        hashes = dict(session.exec(select(MessageLog.id, MessageLog.row_hash)).all())
    new = begin_rotation(ring)
    assert new and new != old and ring.current_id == new and begin_rotation(ring) is None  # one at a time

    class Interrupted(Exception):
        pass

    def crash_after_first_batch(table: str, count: int) -> None:
        if table == "message_log":
            raise Interrupted

    with pytest.raises(Interrupted):
        rotation.move_rows(engine, batch=3, progress=crash_after_first_batch)
    per_key = rotation.rows_per_key(engine)
    assert per_key.get(new) and per_key.get(old)  # halfway: both keys hold rows
    with Session(engine) as session:  # search and reads work halfway through
        assert len(search_messages(session, PROGRAM, SearchFilters(text="kayak"))) == 6
        assert session.exec(select(Person).where(Person.key == "ana")).one().display_name == "Ana R."
    assert rotation.remaining(engine) > 0

    result = rotation.rotate(engine, batch=3)
    assert result.remaining == 0 and result.retired == [old]
    assert retire_previous(ring) == [old]
    assert set(rotation.rows_per_key(engine)) == {new}
    assert "retired" in key_file.read_text() and old in key_file.read_text()  # kept for older backups
    with Session(engine) as session:
        assert dict(session.exec(select(MessageLog.id, MessageLog.row_hash)).all()) == hashes
        assert verify(session, PROGRAM) == []
        found = search_messages(session, PROGRAM, SearchFilters(text="kayak number 4"))
        assert [hit.text for hit in found] == ["kayak trip number 4"]
        states = {k.key_id: k.state for k in session.exec(select(EncryptionKey))}
    assert states == {old: "retired", new: "active"}
    # a ring without the retired key still opens the database (no row needs it any more)
    newest_only = KeyRing([k for k in ring.keys if k.id == new])
    open_database(_url(engine), keyring=newest_only).dispose()
