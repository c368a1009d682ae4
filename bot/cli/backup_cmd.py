"""``mentorbot backup`` and ``mentorbot restore``: owner-only backups aged out by date, and a restore
that proves the chain before the database is used again (docs/data-protection.md, "Backups")."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

backup_app = typer.Typer(help="Back the database up (owner-only files, kept BACKUP_KEEP_DAYS days).",
                         invoke_without_command=True)


def register(app: typer.Typer) -> None:
    app.add_typer(backup_app, name="backup")
    app.command("restore")(restore)


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@backup_app.callback()
def backup(
    ctx: typer.Context,
    to: Annotated[Path | None, typer.Option("--to", help="Folder (default: BACKUP_DIR)")] = None,
) -> None:
    """Take a backup now (SQLite online backup API, or pg_dump), then delete backups past BACKUP_KEEP_DAYS."""
    if ctx.invoked_subcommand is not None:
        return
    from storage.backup import BackupError, prune, take_backup

    settings = runtime.settings()
    directory = to or settings.resolved_backup_dir
    now = runtime.clock()()
    try:
        manifest = take_backup(runtime.engine(), directory, now=now, pg_bin=settings.pg_bin_dir)
    except BackupError as error:
        raise _fail(str(error)) from error
    typer.echo(f"backup {directory / manifest.file} ({manifest.bytes:,} bytes, "
               f"sha256 {manifest.sha256[:12]}…, "
               f"keys {', '.join(manifest.keys) or 'none'})")
    for path in prune(directory, keep_days=settings.backup_keep_days, now=now):
        typer.echo(f"deleted {path.name}: older than {settings.backup_keep_days} days (BACKUP_KEEP_DAYS)")


@backup_app.command("list")
def list_backups(to: Annotated[Path | None, typer.Option("--to", help="Folder (default: BACKUP_DIR)")] = None
                 ) -> None:
    """The kept backups, oldest first, with the keys each needs."""
    from storage.backup import kept_backups

    directory = to or runtime.settings().resolved_backup_dir
    found = kept_backups(directory)
    if not found:
        typer.echo(f"No backups in {directory}.")
    for path, manifest in found:
        typer.echo(f"{path.name}  taken {manifest.taken:%Y-%m-%d %H:%M} UTC  {manifest.bytes:,} bytes  "
                   f"keys {', '.join(manifest.keys) or 'none'}")


@backup_app.command("prune")
def prune_backups(to: Annotated[Path | None, typer.Option("--to", help="Folder (default: BACKUP_DIR)")] = None
                  ) -> None:
    """Delete backups older than BACKUP_KEEP_DAYS (the newest one is always kept)."""
    from storage.backup import prune

    settings = runtime.settings()
    removed = prune(to or settings.resolved_backup_dir, keep_days=settings.backup_keep_days,
                    now=runtime.clock()())
    typer.echo(f"deleted {len(removed)} backup(s) older than {settings.backup_keep_days} days")


def restore(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="A backup made by 'mentorbot backup'")],
    yes: Annotated[bool, typer.Option("--yes",
                                      help="Replace the current database (stop mentorbot first)")] = False,
) -> None:
    """Replace the database with a backup: checksum, keys, schema upgrade, then the chains verified
    (and each program's chain must hold the head the backup was taken at) before it is used."""
    from bot.keys import keyring_from_settings
    from storage.backup import BackupError
    from storage.db import is_sqlite, make_engine
    from storage.keyring import KeyRingError
    from storage.restore import restore_postgres, restore_sqlite

    settings = runtime.settings()
    url = settings.resolved_database_url
    if not yes:
        where = make_engine(url).url.render_as_string()
        raise _fail(f"this replaces the database at {where} with {file.name}. "
                    "Stop mentorbot (every process), then run again with --yes")
    before_use = _reapply_after_restore(settings)
    try:
        ring = keyring_from_settings(settings)
        engine = make_engine(url, keyring=ring)
        if is_sqlite(url):
            from storage.backup import sqlite_path

            report = restore_sqlite(file, sqlite_path(engine), ring=ring, before_use=before_use)
        else:
            report = restore_postgres(file, engine, ring=ring, pg_bin=settings.pg_bin_dir,
                                      before_use=before_use)
    except (BackupError, KeyRingError) as error:
        raise _fail(str(error)) from error
    for problem in report.breaks:
        typer.echo(f"TAMPERED {problem}")
    if not report.ok:
        where = " (the live SQLite file was left as it was)" if is_sqlite(url) else ""
        raise _fail(f"the restored chains do not verify{where}: this backup cannot be trusted", code=1)
    typer.echo(f"restored {file.name} (taken {report.manifest.taken:%Y-%m-%d %H:%M} UTC): {report.programs} "
               "program(s), chains intact and holding the heads recorded at backup time")


def _reapply_after_restore(settings):  # type: ignore[no-untyped-def]
    """The restore's ``before_use`` hook (issue 15): programs destroyed since the backup are destroyed
    again (CHAIN_HEAD_FILE's ``# destroyed`` lines), then retention is applied as of now."""
    from bot.governance.after_restore import reapply_after_restore
    from storage.clock import utcnow

    def before_use(engine):  # type: ignore[no-untyped-def]
        done = reapply_after_restore(engine, head_file=settings.chain_head_file, now=utcnow(),
                                     unrouted_days=settings.unrouted_retention_days)
        for program_id in done.destroyed_again:
            typer.echo(f"program {program_id} was destroyed after this backup was taken: destroyed again")
        erased = sum(done.erased.values())
        if erased:
            typer.echo(f"retention applied as of now: {erased} expired record(s) erased")
        return done

    return before_use
