"""Backups: owner-only files with a manifest; restore brings back exactly the backed-up state and
proves it (checksum, keys, chains, the recorded heads) before the database is used; old backups age
out; a key a kept backup needs cannot be forgotten. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import asdict, replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.backup import (
    BackupError,
    backups_needing,
    file_sha256,
    kept_backups,
    manifest_path,
    prune,
    read_manifest,
    take_backup,
)
from storage.chain import verify
from storage.db import make_engine
from storage.encryption import keyring_of
from storage.models import MessageLog
from storage.restore import restore_postgres, restore_sqlite
from support.cli import mentorbot

PROGRAM = "riverside-ptech"


def _texts(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(MessageLog.text).where(MessageLog.kind == "message")
                                 .order_by(MessageLog.id)))  # type: ignore[arg-type]


def _pg_bin(engine: Engine, request: pytest.FixtureRequest) -> Path | None:
    return request.getfixturevalue("pg_cluster")[0].bin_dir if engine.dialect.name == "postgresql" else None


async def test_backup_then_restore_brings_back_that_state_and_verifies_it(make_harness, engine, request,
                                                                          tmp_path):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Before the backup: bring your Zephyrine notes")
    folder = tmp_path / "backups"
    pg_bin = _pg_bin(engine, request)
    manifest = take_backup(engine, folder, now=h.clock.now, pg_bin=pg_bin)
    backup = folder / manifest.file
    for path in (backup, manifest_path(backup)):
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert folder.stat().st_mode & 0o777 == 0o700
    assert manifest.keys == [keyring_of(engine).current_id]
    assert manifest.chain_heads[PROGRAM]["message"][0] >= 1
    if engine.dialect.name == "sqlite":
        assert b"Zephyrine" not in backup.read_bytes()  # sealed in the backup too
    h.clock.advance(hours=1)
    await h.say("ana", "dana-ana-student", "After the backup")
    assert _texts(engine)[-1] == "After the backup"

    ring = keyring_of(engine)
    if engine.dialect.name == "sqlite":
        target = Path(engine.url.database or "")
        engine.dispose()
        report = restore_sqlite(backup, target, ring=ring)
        restored = make_engine(engine.url.render_as_string(), keyring=ring)
    else:
        report = restore_postgres(backup, engine, ring=ring, pg_bin=pg_bin)
        restored = engine
    try:
        assert report.ok and report.programs == 1, report.breaks
        assert _texts(restored)[-1] == "Before the backup: bring your Zephyrine notes"
        with Session(restored) as session:
            assert verify(session, PROGRAM) == []
    finally:
        restored.dispose()


async def test_a_damaged_or_tampered_backup_is_refused_and_the_live_file_kept(make_harness, engine, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("the staging copy is SQLite's; PostgreSQL restores in one transaction (tested above)")
    sqlite_engine = engine
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "A message to keep")
    await h.say("ana", "dana-ana-student", "And its answer")
    ring = keyring_of(sqlite_engine)
    manifest = take_backup(sqlite_engine, tmp_path / "b", now=h.clock.now)
    backup = tmp_path / "b" / manifest.file
    target = Path(sqlite_engine.url.database or "")
    sqlite_engine.dispose()

    damaged = tmp_path / "b" / ("mentorbot-damaged" + backup.suffix)
    shutil.copy(backup, damaged)
    shutil.copy(manifest_path(backup), manifest_path(damaged))
    with damaged.open("r+b") as handle:
        handle.seek(200)
        handle.write(b"\x00\x01")
    with pytest.raises(BackupError, match="checksum"):
        restore_sqlite(damaged, target, ring=ring)

    # an insider edits the backup and fixes its checksum: the chain gives it away
    tampered = tmp_path / "b" / ("mentorbot-tampered" + backup.suffix)
    shutil.copy(backup, tampered)
    with sqlite3.connect(tampered) as raw:
        first, second = raw.execute("SELECT id, text FROM message_log ORDER BY id LIMIT 2").fetchall()
        raw.executemany("UPDATE message_log SET text = ? WHERE id = ?",
                        [(second[1], first[0]), (first[1], second[0])])
    raw.close()
    fixed = replace(read_manifest(backup), file=tampered.name, sha256=file_sha256(tampered))
    manifest_path(tampered).write_text(json.dumps(asdict(fixed)))
    before = target.read_bytes()
    report = restore_sqlite(tampered, target, ring=ring)
    assert not report.ok and any("altered" in problem for problem in report.breaks)
    assert target.read_bytes() == before  # the live database was not replaced


def test_old_backups_age_out_and_a_key_they_need_cannot_be_forgotten(sqlite_engine, clock, tmp_path):
    folder = tmp_path / "backups"
    taken = []
    for days_ago in (50, 40, 20, 1):
        taken.append(take_backup(sqlite_engine, folder, now=clock.now - timedelta(days=days_ago)))
    kid = keyring_of(sqlite_engine).current_id
    assert [p.name for p in backups_needing(folder, kid)] == [m.file for m in taken]
    removed = prune(folder, keep_days=35, now=clock.now)
    assert sorted(p.name for p in removed) == sorted(m.file for m in taken[:2])
    assert [p.name for p, _m in kept_backups(folder)] == [m.file for m in taken[2:]]
    assert not any(p.name.endswith(".json") and not p.with_suffix("").exists() for p in folder.iterdir())
    # the newest backup stays even when it is old (a stopped bot does not end with no backup at all)
    assert prune(folder, keep_days=1, now=clock.now + timedelta(days=90)) == [folder / taken[2].file]
    assert [p.name for p, _m in kept_backups(folder)] == [taken[3].file]


def test_the_commands_back_up_rotate_and_restore_a_database(tmp_path: Path):
    keys = tmp_path / "etc" / "keys"
    keys.parent.mkdir()
    shutil.copy(os.environ["ENCRYPTION_KEY_FILE"], keys)  # rotated below: never the shared test ring
    env = {"DATA_DIR": str(tmp_path / "var"), "ENCRYPTION_KEY_FILE": str(keys),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'demo.db'}"}
    assert mentorbot("demo", env=env, input="dana: Hello Ana, see you Tuesday\n/quit\n").exit_code == 0
    backed = mentorbot("backup", env=env)
    assert backed.exit_code == 0 and "backup " in backed.stdout, backed.output
    backup = next((tmp_path / "var" / "backups").glob("mentorbot-*.sqlite3"))
    rotated = mentorbot("keys", "rotate", env=env)
    assert rotated.exit_code == 0 and "retired" in rotated.stdout, rotated.output
    old = rotated.stdout.split("retired ")[1].split(":")[0]
    refused = mentorbot("keys", "forget", old, env=env)
    assert refused.exit_code == 2 and "kept backup(s) still need" in refused.stderr
    assert mentorbot("restore", str(backup), env=env).exit_code == 2  # not without --yes
    restored = mentorbot("restore", str(backup), "--yes", env=env)
    assert restored.exit_code == 0 and "chains intact" in restored.stdout, restored.output
    transcript = mentorbot("transcript", "dana-ana", env=env)
    assert "Hello Ana, see you Tuesday" in transcript.stdout, transcript.output


def test_a_restore_destroys_again_a_program_destroyed_after_the_backup(tmp_path: Path):
    """i15a's hook runs before the restored database is used: the head file says the program was
    destroyed after this backup was taken, so the restore destroys it again and still verifies."""
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"
    heads = tmp_path / "heads" / "heads.log"
    heads.parent.mkdir()
    env = {"DATA_DIR": str(tmp_path / "var"), "ENCRYPTION_KEY_FILE": os.environ["ENCRYPTION_KEY_FILE"],
           "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'mentorbot.db'}", "CHAIN_HEAD_FILE": str(heads)}
    assert mentorbot("program", "import", str(sample), env=env).exit_code == 0
    backed = mentorbot("backup", env=env)
    assert backed.exit_code == 0, backed.output
    backup = next((tmp_path / "var" / "backups").glob("mentorbot-*.sqlite3"))
    destroyed = mentorbot("program", "destroy", "--certificate", str(tmp_path / "certificate.json"),
                          "--by", "Grace Okafor, coordinator", "--reason", "end of contract",
                          "--confirm", PROGRAM, env=env)
    assert destroyed.exit_code == 0, destroyed.output
    assert f"# destroyed {PROGRAM}" in heads.read_text()
    restored = mentorbot("restore", str(backup), "--yes", env=env)
    assert restored.exit_code == 0, restored.output
    assert f"program {PROGRAM} was destroyed after this backup was taken: destroyed again" in restored.stdout
    shown = mentorbot("program", "show", env=env)
    assert "Riverside" not in shown.stdout, shown.output  # the backup did not bring the program back
    verified = mentorbot("audit", "verify", PROGRAM, env=env)
    assert verified.exit_code == 0 and "was destroyed on" in verified.stdout, verified.output


async def test_the_running_bot_backs_up_daily_when_asked(make_harness, engine, request, tmp_path):
    from bot.scheduler import attach_scheduler, backup

    h = await make_harness()
    settings = h.app.core.settings
    settings.backup_daily_at, settings.backup_dir = "02:30", tmp_path / "daily"
    settings.pg_bin_dir = _pg_bin(engine, request)
    jobs = {job.id: job for job in attach_scheduler(h.app.core).scheduler.get_jobs()}
    assert str(jobs["backup"].trigger) == "cron[hour='2', minute='30']"
    old = take_backup(engine, settings.backup_dir, now=h.clock.now - timedelta(days=40),
                      pg_bin=settings.pg_bin_dir)
    await backup(h.app.core)
    kept = [path.name for path, _manifest in kept_backups(settings.backup_dir)]
    assert len(kept) == 1 and kept != [old.file]  # today's backup taken, the 40-day-old one aged out
