"""Core commands: run, demo, transcript, review. Heavy imports stay inside the commands so
``mentorbot policy check`` and friends start fast."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from bot.cli import runtime

if TYPE_CHECKING:
    from bot.relay.policy_cache import PolicyBook

review_app = typer.Typer(help="List and decide held messages.", no_args_is_help=False)


def register(app: typer.Typer) -> None:
    """Attach the core commands to the top-level app."""
    app.command()(run)
    app.command()(demo)
    app.command()(transcript)
    app.add_typer(review_app, name="review")


def run() -> None:
    """Run mentorbot: the platforms configured in .env, or the console demo when there are none."""
    from bot.relay.policy_cache import PolicyStartError
    from storage.keyring import KeyRingError

    settings = runtime.settings()
    if not (settings.slack_configured or settings.discord_configured):
        from bot.cli.demo_runner import demo_policies

        try:
            book = demo_policies(None)  # the sample program's policy, checked before anything starts
        except PolicyStartError as error:
            _refuse(error)
        typer.echo("No Slack or Discord tokens are configured (see .env.example), so mentorbot "
                   "starts the console demo on the embedded SQLite database.\n")
        _demo(None, None, False, None, book)
        return
    from bot.cli.run_process import run_service
    from bot.roster.importer import RosterError
    from bot.web.auth import DeskSetupError
    from storage.db import SchemaNotCurrent

    try:
        asyncio.run(run_service(settings))
    except (PolicyStartError, RosterError, SchemaNotCurrent, DeskSetupError, KeyRingError) as error:
        _refuse(error)
    _exit_now()


def _refuse(error: Exception) -> NoReturn:
    """One line saying why mentorbot will not start, and exit code 2 (a set-up problem)."""
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(2) from None


def _exit_now() -> None:
    """Leave at once after a clean stop: everything is committed and disconnected, and tearing the
    interpreter down (freeing every module and object) took seconds on a loaded machine, seconds a
    service manager counts against the shutdown bound."""
    import logging
    import os

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def demo(
    script: Annotated[Path | None, typer.Option("--script", help="Run these lines, then quit")] = None,
    database: Annotated[
        Path | None, typer.Option(help="SQLite file (default: a fresh DATA_DIR/demo.db)")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete the --database file even if the demo did not make it")
    ] = False,
    roster: Annotated[
        Path | None, typer.Option(help="Your own roster file instead of the sample program "
                                       "(people post with their console accounts)")
    ] = None,
) -> None:
    """The whole product in the terminal with the sample program (or --roster yours): post as anyone,
    act as coordinator."""
    _demo(script, database, replace, roster, None)


def _demo(script: Path | None, database: Path | None, replace: bool, roster: Path | None,
          policies: PolicyBook | None) -> None:
    """``demo``'s body; ``run`` passes the policies it already checked (None: checked here)."""
    from bot.cli.demo_runner import NotADemoDatabase, run_demo
    from bot.relay.policy_cache import PolicyStartError
    from bot.roster.importer import RosterError

    settings = runtime.settings()
    path = database or settings.data_dir / "demo.db"
    lines = None
    if script is not None:
        lines = script.read_text(encoding="utf-8").splitlines()
    elif not sys.stdin.isatty():
        lines = sys.stdin.read().splitlines()
    from storage.keyring import KeyRingError

    try:
        asyncio.run(run_demo(settings, path, lines, named=database is not None, replace=replace,
                             roster=roster, policies=policies))
    except (NotADemoDatabase, RosterError, KeyRingError, PolicyStartError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error


def transcript(
    match: Annotated[str, typer.Argument(help="The match id from the roster, e.g. dana-ana")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, csv or json")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file")] = None,
    actor: Annotated[str | None, typer.Option(help="Who is reading (for the audit trail)")] = None,
) -> None:
    """Print or export a match's conversation with decisions and rule hits (the read is audited)."""
    from bot.transcript import TranscriptError, describe, read_transcript, to_csv, to_json

    if format not in ("text", "csv", "json"):
        raise typer.BadParameter("use text, csv or json", param_hint="--format")
    engine, clock = runtime.engine(), runtime.clock()
    purpose = "transcript.read" if format == "text" else f"transcript.export.{format}"
    try:
        match_row, lines = read_transcript(engine, match, actor=actor or runtime.whoami(), clock=clock,
                                           purpose=purpose)
    except TranscriptError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    if format == "csv":
        body = to_csv(lines)
    elif format == "json":
        body = to_json(match_row, lines)
    else:
        body = "\n".join(describe(line) for line in lines) or f"match {match} has no messages yet"
        body += "\n"
    if output:
        from storage.private_files import write_private

        write_private(output, body)  # owner-only from creation: it holds minors' messages
        typer.echo(f"wrote {len(lines)} messages to {output}")
    else:
        typer.echo(body, nl=False)


@review_app.callback(invoke_without_command=True)
def review_list(ctx: typer.Context) -> None:
    """List held messages (then decide with approve / redact / reject)."""
    if ctx.invoked_subcommand is not None:
        return
    holds = asyncio.run(runtime.core().open_holds(reader=runtime.whoami()))
    if not holds:
        typer.echo("No held messages.")
    for h in holds:
        typer.echo(f"#{h.review_id} [{h.match_key}] {h.sender_name} ({h.sender_role}) "
                   f"{h.created_at:%Y-%m-%d %H:%M}Z: {h.text!r} — {h.rules}")


def _decide(review_id: int, decision: str, coordinator: str | None, note: str) -> None:
    from bot.review.desk import ReviewError

    core = runtime.core()
    person = runtime.coordinator(core.engine, coordinator)
    try:
        item = asyncio.run(core.decide(review_id, decision, coordinator=person, actor=person.key, note=note))
    except ReviewError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(f"held message #{item.id}: {item.state.replace('_', ' ')} by {person.key}. "
               "Deliveries go out when mentorbot runs.")


Coordinator = Annotated[str | None, typer.Option("--as", help="Your coordinator id from the roster")]
Note = Annotated[str, typer.Option(help="A note for the sender")]


@review_app.command("approve")
def review_approve(review_id: int, coordinator: Coordinator = None, note: Note = "") -> None:
    """Approve a held message: it is delivered and the sender is told."""
    _decide(review_id, "approve", coordinator, note)


@review_app.command("redact")
def review_redact(review_id: int, coordinator: Coordinator = None, note: Note = "") -> None:
    r"""Approve without the flagged details (matched spans replaced by \[removed])."""
    _decide(review_id, "approve_redacted", coordinator, note)


@review_app.command("override")
def review_override(
    review_id: int,
    gate: Annotated[list[str], typer.Option("--gate", help="A gate holding it (repeat)")],
    reason: Annotated[str, typer.Option(help="Why you deliver it anyway (kept in the audit trail)")],
    redact: Annotated[bool, typer.Option("--redact", help="Also remove the flagged details")] = False,
    coordinator: Coordinator = None, note: Note = "",
) -> None:
    """Deliver a message held by a program gate anyway, naming each gate and your reason (audited)."""
    from bot.review.desk import ReviewError

    core = runtime.core()
    person = runtime.coordinator(core.engine, coordinator)
    try:
        item = asyncio.run(core.override_gate(review_id, gates=gate, reason=reason, coordinator=person,
                                              actor=person.key, note=note,
                                              decision="approve_redacted" if redact else "approve"))
    except ReviewError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(f"held message #{item.id}: {item.state.replace('_', ' ')} by {person.key}, overriding "
               f"{item.override_gates}. Deliveries go out when mentorbot runs.")


@review_app.command("reject")
def review_reject(review_id: int, coordinator: Coordinator = None, note: Note = "") -> None:
    """Reject a held message: it is never delivered and the sender is told."""
    _decide(review_id, "reject", coordinator, note)
