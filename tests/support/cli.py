"""The `mentorbot` command run in this process (typer's CliRunner): seconds cheaper than a
subprocess per call, with the command's settings and database read afresh for every call."""

from __future__ import annotations

import os

from click.testing import Result
from typer.testing import CliRunner

from bot.cli import runtime
from bot.cli.main import app


def mentorbot(*args: str, env: dict[str, str], input: str | None = None) -> Result:
    """Run one command as `mentorbot ARGS` would with ``env`` as the environment's mentorbot keys."""
    _forget()
    ours = ("SLACK_", "DISCORD_", "DATABASE_", "ENCRYPTION_")
    clean = {key: None for key in os.environ if key.startswith(ours)}
    try:
        return CliRunner().invoke(app, list(args), env={**clean, **env}, input=input)
    finally:
        _forget()


def _forget() -> None:
    """Drop the cached settings and engine (disposed), as a new process would start without them."""
    if runtime.engine.cache_info().currsize:
        runtime.engine().dispose()
    runtime.engine.cache_clear()
    runtime.settings.cache_clear()
