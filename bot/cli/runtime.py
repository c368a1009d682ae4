"""What CLI commands share: settings, the database, the core, and who is at the keyboard."""

from __future__ import annotations

import getpass
from functools import cache
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.settings import Settings
    from bot.use_cases import Core
    from storage.models import Person


@cache
def settings() -> Settings:
    from pydantic import ValidationError

    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        typer.echo(f"error: your settings (.env or environment) are not valid:\n{error}\n"
                   "See .env.example for every setting and what it takes.", err=True)
        raise typer.Exit(2) from error


@cache
def engine() -> Engine:
    """The database with the configured key ring, its schema checked (PostgreSQL) or upgraded (SQLite,
    or MIGRATE_ON_START=true); a key or schema problem is one clear line, exit code 2."""
    from bot.keys import open_configured_database
    from storage.db import SchemaNotCurrent
    from storage.keyring import KeyRingError
    from storage.private_files import private_dir

    if not settings().database_url:
        private_dir(settings().data_dir)  # DATA_DIR owner-only (0700), tightened if an older one was not
    try:
        return open_configured_database(settings())
    except (KeyRingError, SchemaNotCurrent) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error


def clock():  # type: ignore[no-untyped-def]
    from storage.clock import utcnow

    return utcnow


def core() -> Core:
    """The use cases without platform connections (CLI decisions queue deliveries for the running bot)."""
    from bot.app import build_app

    return build_app(settings(), adapters={}, engine=engine()).core


def whoami() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in some containers
        return "cli"


def coordinator(db: Engine, key: str | None) -> Person:
    """The coordinator acting at the command line (``--as``), or the only one there is."""
    from sqlmodel import Session

    from storage import repo

    with Session(db) as session:
        found = repo.coordinators(session, key)
    if len(found) == 1:
        return found[0]
    if not found:
        typer.echo(f"error: no coordinator {key or ''} in the roster".replace("  ", " "), err=True)
    else:
        typer.echo("error: several coordinators; say which with --as " +
                   ", ".join(p.key for p in found), err=True)
    raise typer.Exit(2)
