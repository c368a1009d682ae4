"""Core commands: run, demo, transcript, review, audit. Heavy imports stay inside the commands so
``mentorbot policy check`` and friends start fast."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

review_app = typer.Typer(help="List and decide held messages.", no_args_is_help=False)
audit_app = typer.Typer(help="Prove the log was not altered.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Attach the core commands to the top-level app."""
    app.command()(run)
    app.command()(demo)
    app.command()(transcript)
    app.add_typer(review_app, name="review")
    app.add_typer(audit_app, name="audit")


def run() -> None:
    """Run mentorbot: the platforms configured in .env, or the console demo when there are none."""
    from bot.relay.policy_cache import PolicyBook, PolicyStartError, check_policies
    from storage.keyring import KeyRingError

    settings = runtime.settings()
    try:
        if not (settings.slack_configured or settings.discord_configured):
            check_policies(PolicyBook(), [None])  # the demo's sample program uses the defaults
            typer.echo("No Slack or Discord tokens are configured (see .env.example), so mentorbot "
                       "starts the console demo on the embedded SQLite database.\n")
            demo(script=None, database=None, replace=False)
            return
        from bot.cli.run_process import run_service

        asyncio.run(run_service(settings))
    except (PolicyStartError, KeyRingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def demo(
    script: Annotated[Path | None, typer.Option("--script", help="Run these lines, then quit")] = None,
    database: Annotated[
        Path | None, typer.Option(help="SQLite file (default: a fresh DATA_DIR/demo.db)")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete the --database file even if the demo did not make it")
    ] = False,
) -> None:
    """The whole product in the terminal with the sample program: post as anyone, act as coordinator."""
    from bot.cli.demo_runner import NotADemoDatabase, run_demo

    settings = runtime.settings()
    path = database or settings.data_dir / "demo.db"
    lines = None
    if script is not None:
        lines = script.read_text(encoding="utf-8").splitlines()
    elif not sys.stdin.isatty():
        lines = sys.stdin.read().splitlines()
    from storage.keyring import KeyRingError

    try:
        asyncio.run(run_demo(settings, path, lines, named=database is not None, replace=replace))
    except (NotADemoDatabase, KeyRingError) as error:
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
        output.write_text(body, encoding="utf-8")
        typer.echo(f"wrote {len(lines)} messages to {output}")
    else:
        typer.echo(body, nl=False)


@review_app.callback(invoke_without_command=True)
def review_list(ctx: typer.Context) -> None:
    """List held messages (then decide with approve / redact / reject)."""
    if ctx.invoked_subcommand is not None:
        return
    holds = asyncio.run(runtime.core().open_holds())
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
    """Approve without the flagged details (matched spans replaced by [removed])."""
    _decide(review_id, "approve_redacted", coordinator, note)


@review_app.command("reject")
def review_reject(review_id: int, coordinator: Coordinator = None, note: Note = "") -> None:
    """Reject a held message: it is never delivered and the sender is told."""
    _decide(review_id, "reject", coordinator, note)


@audit_app.command("verify")
def audit_verify(
    program: Annotated[str | None, typer.Argument(help="Program id (default: all)")] = None,
) -> None:
    """Recompute the hash chains of the message log and audit trail; name any altered row."""
    from sqlmodel import Session

    from storage import repo
    from storage.chain import verify
    from storage.keyring import KeyRingError

    engine = runtime.engine()
    with Session(engine) as session:
        programs = [program] if program else [p.id for p in repo.programs(session)]
        broken = 0
        for program_id in programs:
            try:
                breaks = verify(session, program_id)
            except KeyRingError as error:  # a sealed value that does not open was altered too
                typer.echo(f"TAMPERED {program_id}: {error}")
                broken += 1
                continue
            for b in breaks:
                where = f"row id {b.row_id}" if b.row_id is not None else "end of chain"
                typer.echo(f"TAMPERED {b.program_id} {b.stream} log, seq {b.seq} ({where}): {b.problem}")
            broken += len(breaks)
            if not breaks:
                typer.echo(f"ok: program {program_id}: message log and audit trail are intact")
    if broken:
        raise typer.Exit(1)
