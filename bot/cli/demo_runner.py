"""Set up and drive the console demo: fresh SQLite file, sample program, console adapter."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.settings import Settings
from storage.keyring import KeyRing

if TYPE_CHECKING:
    from bot.relay.policy_cache import PolicyBook

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"
# SQLite's header field for "which application owns this file" (PRAGMA application_id): the demo
# stamps its databases with "MBDM" so it recognises them later and never deletes anything else.
DEMO_APPLICATION_ID = 0x4D42444D


class NotADemoDatabase(Exception):
    """The file the user named exists and this command did not make it."""


def is_demo_database(path: Path) -> bool:
    """True if ``path`` is an SQLite file that ``mentorbot demo`` made (read-only check)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
            return raw.execute("PRAGMA application_id").fetchone()[0] == DEMO_APPLICATION_ID
    except sqlite3.Error:
        return False  # not a database, or unreadable: not ours


def clear_demo_file(path: Path, *, named: bool, replace: bool) -> None:
    """Remove an earlier demo database at ``path`` so the demo starts fresh.

    A file the user named is removed only if this command made it, or with ``replace``; the
    default demo file (DATA_DIR/demo.db) belongs to the demo.
    """
    if path.exists() and named and not replace and not is_demo_database(path):
        raise NotADemoDatabase(
            f"{path} exists and is not a demo database made by `mentorbot demo`, so it was left "
            "untouched. Name a new file with --database, or add --replace to delete it and start "
            "a fresh demo there."
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def sample_roster() -> Path:
    """The fictional sample program shipped with mentorbot."""
    if SAMPLE.exists():
        return SAMPLE
    from importlib.resources import files

    return Path(str(files("bot").joinpath("data/sample-program.yml")))


def demo_keyring(settings: Settings) -> KeyRing:
    """The configured key ring, or (no key configured) a throwaway one: the demo's data is fictional."""
    from bot.keys import keyring_from_settings
    from storage.keyring import new_secret

    if settings.encryption_configured:
        return keyring_from_settings(settings)
    typer.echo("(No encryption key is configured, so the demo seals its database with a throwaway key; "
               "set ENCRYPTION_KEY_FILE to read it afterwards: see .env.example.)")
    return KeyRing.single(new_secret())


def console_people(engine, program_id: str) -> int:  # type: ignore[no-untyped-def]
    """How many people of the program have a console account (the demo posts as them)."""
    from sqlmodel import Session

    from storage import repo

    with Session(engine) as session:
        return sum(1 for p in repo.people(session, program_id)
                   if repo.accounts_of(session, p.id, "console"))  # type: ignore[arg-type]


def demo_policies(roster: Path | None) -> PolicyBook:
    """The demo program's policy, loaded and checked before anything is made: like `mentorbot run`,
    the demo refuses to start (``PolicyStartError``) when it could not check the first message (no
    encoder model, an invalid policy file), unless the program's policy file turns the encoder off."""
    from bot.app import platform_names
    from bot.relay.policy_cache import PolicyBook, check_policies
    from bot.roster.importer import load_roster

    book = PolicyBook()
    check_policies(book, [load_roster(roster or sample_roster(), platforms=platform_names()).program.policy])
    return book


async def run_demo(settings: Settings, path: Path, lines: list[str] | None, *, named: bool = False,
                   replace: bool = False, roster: Path | None = None,
                   policies: PolicyBook | None = None) -> None:
    """The console demo; ``policies``: the book ``demo_policies`` checked (checked here when None)."""
    from bot.app import build_console_app, platform_names
    from bot.cli.demo import HELP, Demo, DemoClock, first_program
    from bot.roster.importer import import_roster
    from storage.db import open_database, sqlite_url

    logging.basicConfig(level=logging.ERROR, format="  ! %(name)s: %(message)s")
    policies = policies or demo_policies(roster)
    clear_demo_file(path, named=named, replace=replace)
    engine = open_database(sqlite_url(path), keyring=demo_keyring(settings))
    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")
    import_roster(engine, roster or sample_roster(), platforms=platform_names())
    program = first_program(engine)
    if roster is not None and not console_people(engine, program.id):
        typer.echo(f"note: nobody in {roster} has a console account, so nobody can post in the demo; add "
                   "`accounts: [{platform: console, workspace: demo, user: ID}]` and console channels "
                   "(see examples/sample-program.yml)")
    clock = DemoClock(program.timezone)
    app, console = build_console_app(settings, engine=engine, clock=clock,
                                     echo=lambda line: typer.echo(f"  {line}"), policies=policies)
    await console.start(app.core)
    demo = Demo(app=app, console=console, program_id=program.id, clock=clock, echo=typer.echo)
    typer.echo(f"mentorbot console demo — program '{program.name}' ({program.timezone}), "
               f"database {path}")
    if lines is None:
        typer.echo(HELP + "\n")
        while True:
            try:
                line = input("> ")
            except (EOFError, KeyboardInterrupt):
                break
            if not await demo.run_line(line):
                break
    else:
        for line in lines:
            if line.strip():
                typer.echo(f"> {line}")
            if not await demo.run_line(line):
                break
    await app.delivery.run_once()
    if settings.encryption_configured:
        typer.echo(f"bye — the log is in {path} (try: DATABASE_URL={sqlite_url(path)} mentorbot "
                   "transcript dana-ana)")
    else:
        typer.echo(f"bye — the log is in {path}, sealed with a throwaway key (set ENCRYPTION_KEY_FILE "
                   "to keep one and read the log afterwards)")
    sys.stdout.flush()
