"""Restore a backup, then prove it before anyone uses it: keys open it, chains verify, heads match.

Order matters (docs/data-protection.md, "Backups"): the file's checksum is checked against its
manifest; the restored database is migrated to the current schema; the key ring must open it; the
``before_use`` step re-applies what happened since the backup was taken (retention and tombstones:
content destroyed after the backup must not come back); then every program's chains are verified and
each chain must contain the head the manifest recorded. On SQLite all of this happens on a staging
copy and the live file is replaced only when it passed; on PostgreSQL ``pg_restore`` replaces the
schema in one transaction and the checks follow (a failure is reported, exit code 1).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage import chain, roster_generation
from storage.backup import BackupError, Manifest, file_sha256, pg_args, pg_tool, read_manifest
from storage.db import open_database, sqlite_url
from storage.keyring import KeyRing
from storage.models import AuditEvent, MessageLog, Program
from storage.private_files import open_private

BeforeUse = Callable[[Engine], Any]  # may return what it did (``destroyed_again``: programs it removed)


@dataclass
class RestoreReport:
    manifest: Manifest
    programs: int = 0
    breaks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks


def checked_manifest(backup: Path, ring: KeyRing) -> Manifest:
    """The backup's manifest, after checking the file is intact and the ring has every key it needs."""
    manifest = read_manifest(backup)
    if file_sha256(backup) != manifest.sha256:
        raise BackupError(f"{backup} does not match the checksum in its manifest: the file is damaged or "
                          "was altered. Use another backup")
    missing = [kid for kid in manifest.keys if kid not in ring.readable_ids]
    if missing:
        raise BackupError(f"{backup.name} holds data sealed with key(s) {', '.join(missing)}, which the key "
                          "ring does not have (was it removed with 'mentorbot keys forget'?): it cannot "
                          "be read")
    return manifest


def verify_restored(engine: Engine, manifest: Manifest, *, destroyed_again: set[str] | None = None
                    ) -> tuple[int, list[str]]:
    """Chains of every program intact, and each contains the head the backup was taken at.

    ``destroyed_again``: programs ``before_use`` destroyed (they were destroyed after the backup);
    any other program of the manifest that is missing is reported."""
    problems: list[str] = []
    with Session(engine) as session:
        programs = [p.id for p in session.exec(select(Program))]
        for program_id in programs:
            for b in chain.verify(session, program_id):
                where = f"row id {b.row_id}" if b.row_id is not None else "end of chain"
                problems.append(f"{b.program_id} {b.stream} log, seq {b.seq} ({where}): {b.problem}")
        for program_id, streams in manifest.chain_heads.items():
            if program_id in (destroyed_again or set()):
                continue
            if program_id not in programs:
                problems.append(f"{program_id}: in the backup's manifest but not in the restored database")
                continue
            for stream, (seq, row_hash) in streams.items():
                if seq and not _has_head(session, program_id, stream, int(seq), str(row_hash)):  # type: ignore[call-overload]
                    problems.append(f"{program_id} {stream} log: the head the backup was taken at "
                                    f"(seq {seq}) is not in the restored chain")
    return len(programs), problems


def _has_head(session: Session, program_id: str, stream: str, seq: int, row_hash: str) -> bool:
    model = MessageLog if stream == "message" else AuditEvent
    found = session.exec(select(model.row_hash).where(model.program_id == program_id,  # type: ignore[attr-defined]
                                                      model.seq == seq)).first()  # type: ignore[attr-defined]
    return found == row_hash


def restore_sqlite(backup: Path, target: Path, *, ring: KeyRing, before_use: BeforeUse | None = None
                   ) -> RestoreReport:
    """Restore into a staging copy beside ``target``, check it, then replace ``target``.

    Stop every mentorbot process first: the live file's WAL is removed with it.
    """
    manifest = checked_manifest(backup, ring)
    if manifest.kind != "sqlite":
        raise BackupError(f"{backup.name} is a {manifest.kind} backup; the database is SQLite")
    staging = target.with_name(target.name + ".restoring")
    _remove_sqlite_files(staging)
    target.parent.mkdir(parents=True, exist_ok=True)
    with backup.open("rb") as source, open_private(staging, "wb") as copy:
        shutil.copyfileobj(source, copy)
    report = _check(sqlite_url(staging), manifest, ring, before_use)
    if not report.ok:
        return report  # the staging copy stays for inspection; the live database is untouched
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    staging.replace(target)
    return report


def _check(url: str, manifest: Manifest, ring: KeyRing, before_use: BeforeUse | None) -> RestoreReport:
    # migrates an older backup (PostgreSQL too: nothing runs on it yet); refuses keys that do not open it
    engine = open_database(url, migrate=True, keyring=ring)
    try:
        with engine.begin() as connection:  # processes that cached roster facts read them again
            roster_generation.leap(connection)
        gone = set(getattr(before_use(engine), "destroyed_again", ())) if before_use else set()
        programs, problems = verify_restored(engine, manifest, destroyed_again=gone)
    finally:
        engine.dispose()  # SQLite: the last close folds the WAL back into the file
    return RestoreReport(manifest, programs, problems)


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def restore_postgres(backup: Path, engine: Engine, *, ring: KeyRing, pg_bin: Path | None = None,
                     before_use: BeforeUse | None = None) -> RestoreReport:
    """Replace the database's schema with the backup's in one transaction, then check it.

    ``pg_restore --clean`` would leave objects the backup lacks (tables of a newer schema), so the
    schema is emptied first — in the same transaction: pg_restore's SQL goes through ``psql
    --single-transaction`` after the DROP, and a failure anywhere leaves the database as it was.
    """
    manifest = checked_manifest(backup, ring)
    if manifest.kind != "postgresql":
        raise BackupError(f"{backup.name} is a {manifest.kind} backup; the database is PostgreSQL")
    args, env = pg_args(engine)
    engine.dispose()
    dump = subprocess.Popen([pg_tool("pg_restore", pg_bin), "--no-owner", "--no-privileges", "--file=-",
                             str(backup)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    psql = subprocess.Popen([pg_tool("psql", pg_bin), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                             "--single-transaction", *args, "--file=-"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert dump.stdout is not None and psql.stdin is not None
    try:
        psql.stdin.write(b"DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n")
        shutil.copyfileobj(dump.stdout, psql.stdin)
    except BrokenPipeError:
        pass  # psql stopped on an error: reported below
    finally:
        psql.stdin.close()
    dump_error = dump.stderr.read() if dump.stderr else b""
    dump.wait(timeout=6 * 3600)
    psql_error = psql.stderr.read() if psql.stderr else b""
    psql.wait(timeout=6 * 3600)
    if dump.returncode or psql.returncode:
        message = (dump_error + psql_error).decode(errors="replace").strip()
        raise BackupError(f"restoring {backup.name} failed and nothing was changed: {message}")
    return _check(engine.url.render_as_string(hide_password=False), manifest, ring, before_use)


