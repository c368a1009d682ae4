"""``mentorbot keys`` — create, inspect and rotate the key ring that seals personal data at rest."""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

keys_app = typer.Typer(help="The encryption keys of personal data at rest (docs/data-protection.md).",
                       no_args_is_help=True)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


@keys_app.command("init")
def init(path: Annotated[Path, typer.Argument(help="Where the key file goes: outside DATA_DIR")]) -> None:
    """Create a key file with one new key (owner-only), then point ENCRYPTION_KEY_FILE at it."""
    from bot.keys import init_key_file
    from storage.keyring import KeyRingError

    try:
        kid = init_key_file(path, runtime.settings().data_dir)
    except KeyRingError as error:
        raise _fail(str(error)) from error
    typer.echo(f"created {path.expanduser().resolve()} with key {kid} (mode 0600).\n"
               f"Set ENCRYPTION_KEY_FILE={path.expanduser().resolve()} in .env, and keep a copy of the file "
               "somewhere other than the database backups: without it the data cannot be read.")


@keys_app.command("new")
def new() -> None:
    """Print a new random key (base64) for ENCRYPTION_KEY, for operators who keep keys in a secret store."""
    from storage.keyring import key_id, new_secret

    secret = new_secret()
    typer.echo(f"# key {key_id(secret)}\n{base64.b64encode(secret).decode('ascii')}")


@keys_app.command("status")
def status() -> None:
    """The key ring, which keys the database still uses, and how many sealed values each holds."""
    from sqlmodel import Session, select

    from bot.keys import keyring_from_settings
    from storage.models_keys import EncryptionKey
    from storage.rotation import rows_per_key

    engine = runtime.engine()
    ring = keyring_from_settings(runtime.settings())
    with Session(engine) as session:
        in_db = {row.key_id: row for row in session.exec(select(EncryptionKey))}
    counts = rows_per_key(engine)
    for key in ring.keys:
        row = in_db.get(key.id)
        used = (f"database: {row.state}" + (f" since {row.retired_at:%Y-%m-%d}" if row.retired_at else "")
                if row else "database: never used")
        typer.echo(f"{key.id}  {key.state:<8}  created {key.created}  {used}  "
                   f"values: {counts.get(key.id, 0)}")
    for kid, row in in_db.items():
        if kid not in ring.readable_ids:
            typer.echo(f"{kid}  MISSING from the key ring  database: {row.state}  "
                       f"values: {counts.get(kid, 0)}")


@keys_app.command("rotate")
def rotate(
    batch: Annotated[int, typer.Option(min=1, help="Rows re-sealed per transaction")] = 2000,
) -> None:
    """Seal everything under a new key: add it, re-seal in batches, retire the old key when no row is left.

    Interrupted? Run it again: it carries on with the rows still under an older key (no new key is made
    while rows are left under one).
    """
    from bot.keys import keyring_from_settings, retire_previous
    from storage import rotation
    from storage.db import open_database
    from storage.keyring import RELOAD_EVERY, KeyRingError

    settings = runtime.settings()
    try:
        ring = keyring_from_settings(settings)
        engine = open_database(settings.resolved_database_url, keyring=ring)  # this ring follows the new key
        started = _start_rotation(ring, rotation.pending_keys(engine))
        result = rotation.rotate(engine, batch=batch, progress=_progress,
                                 between=lambda: time.sleep(RELOAD_EVERY + 1))
    except KeyRingError as error:
        raise _fail(str(error)) from error
    typer.echo(f"{'new key ' + started + ': ' if started else ''}{result.total} row(s) re-sealed under "
               f"{ring.current_id}.")
    if result.remaining:
        typer.echo(f"{result.remaining} value(s) are still under an older key (a process that has not "
                   "picked up the new key is still writing with the old one): restart it and run "
                   "'mentorbot keys rotate' again. No key was retired.", err=True)
        raise typer.Exit(1)
    retired = sorted(set(result.retired) | set(retire_previous(ring)))
    if retired:
        how = ("'mentorbot keys forget KEY' removes it" if ring.source is not None
               else "remove it from ENCRYPTION_OLD_KEYS")
        typer.echo(f"retired {', '.join(retired)}: no row uses it any more. It stays in the key ring so "
                   f"older backups can still be restored; once they have aged out "
                   f"(BACKUP_KEEP_DAYS={settings.backup_keep_days}), {how}.")


def _progress(table: str, count: int) -> None:
    typer.echo(f"  {table}: {count} row(s) re-sealed", err=True)


def _start_rotation(ring, pending: list[str]) -> str | None:  # type: ignore[no-untyped-def]
    """A new current key, unless rows are still under an older one (then this run finishes that)."""
    from bot.keys import begin_rotation, rotation_under_way

    if pending or rotation_under_way(ring):
        typer.echo(f"rows may still be under {', '.join(pending) or 'the previous key'}: carrying on with "
                   "those (no new key)", err=True)
        return None
    if ring.source is None:
        typer.echo("ENCRYPTION_KEY is set in the environment, so mentorbot cannot add a key itself: put a "
                   "new key (mentorbot keys new) in ENCRYPTION_KEY, the old one in ENCRYPTION_OLD_KEYS, "
                   "restart mentorbot, then run this again.", err=True)
        return None
    return begin_rotation(ring)


@keys_app.command("forget")
def forget(key: Annotated[str, typer.Argument(help="The id of a retired key, e.g. k1a2b3c4d")]) -> None:
    """Remove a retired key from the key file, once no row and no kept backup needs it any more."""
    from sqlmodel import Session

    from bot.keys import keyring_from_settings, write_ring
    from storage.backup import backups_needing
    from storage.models_keys import EncryptionKey

    settings = runtime.settings()
    ring = keyring_from_settings(settings)
    mine = next((k for k in ring.keys if k.id == key), None)
    if ring.source is None or mine is None:
        raise _fail(f"{key} is not in the key file (ENCRYPTION_KEY_FILE)")
    with Session(runtime.engine()) as session:
        row = session.get(EncryptionKey, key)
    if mine.state != "retired" or (row is not None and row.state != "retired"):
        raise _fail(f"{key} is not retired: rows may still be sealed with it (run 'mentorbot keys rotate')")
    needing = backups_needing(settings.resolved_backup_dir, key)
    if needing:
        raise _fail(f"{len(needing)} kept backup(s) still need {key} (oldest: {needing[0].name}); they age "
                    f"out after BACKUP_KEEP_DAYS={settings.backup_keep_days} ('mentorbot backup prune')")
    write_ring(ring.source, [k for k in ring.keys if k.id != key])
    typer.echo(f"{key} removed from {ring.source}. Backups made with it can no longer be restored.")
