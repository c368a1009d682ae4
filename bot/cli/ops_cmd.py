"""Operators' commands: ``mentorbot migrate`` (schema upgrades, explicitly) and ``mentorbot healthcheck``
(a container's HEALTHCHECK without curl)."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli import runtime


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(healthcheck)


def migrate(
    check: Annotated[bool, typer.Option("--check", help="Only say whether the schema is current "
                                        "(exit 1 if it is not); change nothing")] = False,
) -> None:
    """Upgrade the database schema to this mentorbot's version.

    Run it once per upgrade, before starting (or after stopping) the replicas: on PostgreSQL
    `mentorbot run` does not migrate by itself, so replicas never race over the schema. Two
    `migrate` run at once wait for each other. SQLite (one process) also migrates at start.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from storage.db import make_engine, revisions, upgrade

    settings = runtime.settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        before, heads = revisions(engine)
        if check or before == heads:
            current = before == heads
            typer.echo(f"schema {'is current' if current else 'needs `mentorbot migrate`'}: "
                       f"at {_names(before)}, this mentorbot needs {_names(heads)}")
            raise typer.Exit(0 if current else 1)
        _attach_configured_keys(engine, settings)  # migrations seal and re-anchor personal data
        upgrade(engine)
        after, _ = revisions(engine)
    except SQLAlchemyError as error:
        typer.echo(f"error: could not migrate {engine.url.render_as_string(hide_password=True)}: "
                   f"{str(error).splitlines()[0]}", err=True)
        raise typer.Exit(2) from error
    finally:
        engine.dispose()
    typer.echo(f"migrated: {_names(before)} -> {_names(after)}")


def _attach_configured_keys(engine, settings) -> None:  # type: ignore[no-untyped-def]
    """The settings' key ring on the migrating engine; a missing or unsafe key stops with one line."""
    from bot.keys import keyring_from_settings
    from storage.encryption import attach_keyring
    from storage.keyring import KeyRingError

    try:
        attach_keyring(engine, keyring_from_settings(settings))
    except KeyRingError as error:
        engine.dispose()
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error


def healthcheck(
    url: Annotated[str | None, typer.Option(help="What to ask (default: the desk's /healthz)")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the answer")] = 3.0,
) -> None:
    """Exit 0 if the running mentorbot answers its health endpoint, 1 if not (for HEALTHCHECK)."""
    import urllib.error
    import urllib.request

    settings = runtime.settings()
    host = "127.0.0.1" if settings.web_host in ("0.0.0.0", "::", "") else settings.web_host
    target = url or f"http://{host}:{settings.web_port}/healthz"
    try:
        with urllib.request.urlopen(target, timeout=timeout) as answer:  # noqa: S310 (a local URL)
            ok = answer.status == 200
    except (urllib.error.URLError, OSError) as error:
        typer.echo(f"unhealthy: {target}: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"{'healthy' if ok else 'unhealthy'}: {target}")
    raise typer.Exit(0 if ok else 1)


def _names(revisions: set[str]) -> str:
    return ", ".join(sorted(revisions)) or "nothing (an empty database)"
