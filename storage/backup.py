"""Backups of the database: SQLite's online backup API or ``pg_dump``, owner-only, aged out by date.

A backup is one file plus a manifest beside it (``<file>.json``): when it was taken, the file's
SHA-256, each program's chain heads at that moment, and the keys its sealed values need. The
manifest lets ``restore`` refuse a damaged file, lets ``audit verify`` after a restore be compared
with the heads the backup was taken at, and lets ``keys forget`` refuse to drop a key a kept backup
still needs. Backups hold sealed values only (the key is never in them). Old backups are deleted by
age (``prune``), which is how retention reaches backups: see docs/data-protection.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from storage.clock import as_utc
from storage.models import ChainHead
from storage.models_keys import EncryptionKey
from storage.private_files import open_private, private_dir

PREFIX = "mentorbot-"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}


class BackupError(Exception):
    """A backup or restore could not be done; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Manifest:
    file: str
    kind: str  # sqlite | postgresql
    taken_at: str  # ISO 8601 UTC
    sha256: str
    bytes: int
    keys: list[str]  # key ids the sealed values may be under
    chain_heads: dict[str, dict[str, list[object]]]  # program -> stream -> [seq, hash]

    @property
    def taken(self) -> datetime:
        return as_utc(datetime.fromisoformat(self.taken_at))


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def read_manifest(backup: Path) -> Manifest:
    try:
        return Manifest(**json.loads(manifest_path(backup).read_text(encoding="utf-8")))
    except FileNotFoundError as error:
        raise BackupError(f"{backup} has no manifest ({manifest_path(backup).name}) beside it: it was not "
                          "made by 'mentorbot backup', or the manifest was separated from it") from error
    except (ValueError, TypeError) as error:
        raise BackupError(f"the manifest of {backup} is damaged: {error}") from error


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- taking a backup -------------------------------------------------------------------------------


def take_backup(engine: Engine, directory: Path, *, now: datetime, pg_bin: Path | None = None) -> Manifest:
    """Back the database up into ``directory`` (created owner-only); returns the manifest written."""
    kind = engine.dialect.name
    if kind not in SUFFIXES:
        raise BackupError(f"backups of {kind} databases are not supported (SQLite and PostgreSQL are)")
    private_dir(directory)
    target = directory / f"{PREFIX}{as_utc(now):%Y%m%dT%H%M%SZ}{SUFFIXES[kind]}"
    if target.exists() or manifest_path(target).exists():
        raise BackupError(f"{target} already exists (two backups in the same second?): try again")
    keys, heads = _state(engine)  # before the copy: a key added during it is then also listed
    try:
        if kind == "sqlite":
            _sqlite_backup(engine, target)
        else:
            _pg_dump(engine, target, pg_bin)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    manifest = Manifest(file=target.name, kind=kind, taken_at=as_utc(now).isoformat(),
                        sha256=file_sha256(target), bytes=target.stat().st_size, keys=keys, chain_heads=heads)
    with open_private(manifest_path(target), "w") as handle:
        handle.write(json.dumps(asdict(manifest), indent=2, sort_keys=True))
    return manifest


def _state(engine: Engine) -> tuple[list[str], dict[str, dict[str, list[object]]]]:
    with Session(engine) as session:
        active = select(EncryptionKey).where(EncryptionKey.state == "active")
        keys = sorted(k.key_id for k in session.exec(active))
        heads: dict[str, dict[str, list[object]]] = {}
        for head in session.exec(select(ChainHead)):
            heads.setdefault(head.program_id, {})[head.stream] = [head.last_seq, head.last_hash]
    return keys, heads


def sqlite_path(engine: Engine) -> Path:
    database = make_url(str(engine.url)).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return Path(database)


def _sqlite_backup(engine: Engine, target: Path) -> None:
    """The online backup API: a consistent copy while the bot keeps writing (WAL readers never block)."""
    with open_private(target, "wb"):  # the file exists, 0600, before SQLite writes a byte into it
        pass
    source = sqlite3.connect(sqlite_path(engine))
    copy = sqlite3.connect(target)
    try:
        copy.execute("PRAGMA journal_mode=MEMORY")  # no side journal file beside the backup
        source.backup(copy, pages=4096)
        copy.execute("PRAGMA journal_mode=DELETE")  # a self-contained file (the source is WAL)
    finally:
        copy.close()
        source.close()


def pg_args(engine: Engine) -> tuple[list[str], dict[str, str]]:
    """libpq options for pg_dump/psql: the URL as a connection string (host, port, user, database
    and query options such as ``sslmode``), the password through the environment only."""
    url = engine.url
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return [f"--dbname={conninfo}"], env


def pg_tool(name: str, pg_bin: Path | None) -> str:
    """``pg_dump``/``pg_restore`` from PG_BIN_DIR (match the server's major version), else from PATH."""
    return str(pg_bin / name) if pg_bin else name


def _pg_dump(engine: Engine, target: Path, pg_bin: Path | None) -> None:
    args, env = pg_args(engine)
    with open_private(target, "wb") as handle:
        done = subprocess.run([pg_tool("pg_dump", pg_bin), "--format=custom", "--no-owner", "--no-privileges",
                               *args], stdout=handle, stderr=subprocess.PIPE, env=env, timeout=6 * 3600,
                              check=False)
    if done.returncode:
        raise BackupError(f"pg_dump failed: {done.stderr.decode(errors='replace').strip()}")


# -- ageing out ------------------------------------------------------------------------------------


def kept_backups(directory: Path) -> list[tuple[Path, Manifest]]:
    """Every backup in ``directory`` with its manifest, oldest first (files without one are skipped)."""
    if not directory.is_dir():
        return []
    found = []
    for path in directory.glob(f"{PREFIX}*"):
        if path.suffix in SUFFIXES.values() and manifest_path(path).exists():
            found.append((path, read_manifest(path)))
    return sorted(found, key=lambda item: item[1].taken)


def prune(directory: Path, *, keep_days: int, now: datetime) -> list[Path]:
    """Delete backups (and manifests) older than ``keep_days``; the newest backup is always kept."""
    backups = kept_backups(directory)
    cutoff = as_utc(now) - timedelta(days=keep_days)
    removed = []
    for path, manifest in backups[:-1]:
        if manifest.taken < cutoff:
            path.unlink(missing_ok=True)
            manifest_path(path).unlink(missing_ok=True)
            removed.append(path)
    return removed


def backups_needing(directory: Path, key_id: str) -> list[Path]:
    """Kept backups whose sealed values may be under ``key_id`` (oldest first)."""
    return [path for path, manifest in kept_backups(directory) if key_id in manifest.keys]
