"""Set up and drive the console demo: fresh SQLite file, sample program, console adapter."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from bot.settings import Settings
from storage.keyring import KeyRing

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"


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


async def run_demo(settings: Settings, path: Path, lines: list[str] | None) -> None:
    from bot.app import build_console_app, platform_names
    from bot.cli.demo import HELP, Demo, DemoClock, first_program
    from bot.roster.importer import import_roster
    from storage.db import open_database, sqlite_url

    logging.basicConfig(level=logging.ERROR, format="  ! %(name)s: %(message)s")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = open_database(sqlite_url(path), keyring=demo_keyring(settings))
    import_roster(engine, sample_roster(), platforms=platform_names())
    program = first_program(engine)
    clock = DemoClock(program.timezone)
    app, console = build_console_app(settings, engine=engine, clock=clock,
                                     echo=lambda line: typer.echo(f"  {line}"))
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
