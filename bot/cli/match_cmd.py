"""``mentorbot match pause|resume`` — pause a whole match at once (every message waits for the
coordinator) or open it again; both sides are told. Not ``prompts pause``, which only stops the
weekly prompts."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from bot.cli import runtime

match_app = typer.Typer(help="Pause or resume a whole match (not just its prompts).", no_args_is_help=True)

MatchArg = Annotated[str, typer.Argument(help="The match id from the roster, e.g. dana-ana")]
Reason = Annotated[str, typer.Option(help="Why (kept in the audit trail)")]
As = Annotated[str | None, typer.Option("--as", help="Your coordinator id from the roster")]


def _set(match: str, *, paused: bool, reason: str, coordinator: str | None) -> None:
    from bot.roster.pausing import MatchError

    core = runtime.core()
    person = runtime.coordinator(core.engine, coordinator)
    try:
        row = asyncio.run(core.set_paused(match, paused=paused, program_id=person.program_id,
                                          actor=person.key, reason=reason))
    except MatchError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    said = ("paused: every message waits for you until you resume it" if paused
            else "active again; messages that waited for it are delivered")
    typer.echo(f"match {row.key} is {said}. Both sides are told when mentorbot runs.")


@match_app.command("pause")
def pause(match: MatchArg, reason: Reason = "", coordinator: As = None) -> None:
    """Pause a match at once: nothing is relayed until you resume it; both sides are told."""
    _set(match, paused=True, reason=reason, coordinator=coordinator)


@match_app.command("resume")
def resume(match: MatchArg, reason: Reason = "", coordinator: As = None) -> None:
    """Open a paused match again; the messages that waited for it are delivered."""
    _set(match, paused=False, reason=reason, coordinator=coordinator)
