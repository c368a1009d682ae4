"""Commands for student data over its whole life (issue 15, docs/data-protection.md):
``retention run``, ``legal-hold``, ``program export`` / ``program destroy``, ``access-request``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

retention_app = typer.Typer(help="Apply each program's retention schedule.", no_args_is_help=True)
hold_app = typer.Typer(
    help="Legal holds: keep a match, a person or a program from deletion.", no_args_is_help=True
)

ProgramArg = Annotated[str | None, typer.Argument(help="Program id (optional when there is only one)")]
As = Annotated[str | None, typer.Option("--as", help="Your coordinator id from the roster")]


def register(app: typer.Typer, program_app: typer.Typer) -> None:
    app.add_typer(retention_app, name="retention")
    app.add_typer(hold_app, name="legal-hold")
    app.command("access-request")(access_request)
    program_app.command("export")(program_export)
    program_app.command("destroy")(program_destroy)


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def program_id(given: str | None) -> str:
    from sqlmodel import Session

    from storage import repo

    with Session(runtime.engine()) as session:
        known = [p.id for p in repo.programs(session)]
    if given is not None:
        if given not in known:
            raise fail(f"no program '{given}' (programs: {', '.join(known) or 'none'})")
        return given
    if len(known) != 1:
        raise fail("name the program: " + (", ".join(known) or "there is none yet"))
    return known[0]


def actor(key: str | None, program: str) -> str:
    """Who acts: a coordinator of the program (``--as``), else the operator's account."""
    if key is None:
        return runtime.whoami()
    person = runtime.coordinator(runtime.engine(), key)
    if person.program_id != program:
        raise fail(f"{key} is a coordinator of {person.program_id}, not of {program}")
    return person.key


@retention_app.command("run")
def retention_run(
    program: ProgramArg = None,
    apply: Annotated[bool, typer.Option("--apply/--dry-run", help="Erase (--apply) or only report")] = False,
    who: As = None,
) -> None:
    """Report what each retention rule erases today (--dry-run, the default), or erase it (--apply)."""
    from bot.cli.governance_report import print_plans
    from bot.governance import retention

    engine, now = runtime.engine(), runtime.clock()()
    settings = runtime.settings()
    pid = program_id(program) if program else None
    # --as names a coordinator of one program: the program named, or the only one (never ignored)
    by = actor(who, pid or program_id(None)) if who else runtime.whoami()
    if not apply:
        plans = retention.plan_all(engine, now, pid)
        print_plans(plans, applied=False)
        if pid is None:
            unrouted = retention.count_unrouted(engine, now - _days(settings.unrouted_retention_days))
            typer.echo(
                f"messages from unknown people older than {settings.unrouted_retention_days} days: "
                f"{unrouted} would be deleted"
            )
        typer.echo("\nNothing was changed (dry run). Run with --apply to erase.")
        return
    plans, unrouted = retention.apply_all(
        engine, actor=by, now=now, program_id=pid, unrouted_days=settings.unrouted_retention_days
    )
    print_plans(plans, applied=True)
    if pid is None:
        typer.echo(f"messages from unknown people deleted: {unrouted}")


def _days(n: int):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    return timedelta(days=n)


@hold_app.command("place")
def hold_place(
    reason: Annotated[str, typer.Option(help="Why: the case, request or investigation it is for")],
    program: ProgramArg = None,
    match: Annotated[str | None, typer.Option(help="Hold one match (its id from the roster)")] = None,
    person: Annotated[str | None, typer.Option(help="Hold one person (their id from the roster)")] = None,
    whole_program: Annotated[bool, typer.Option("--whole-program", help="Hold everything")] = False,
    who: As = None,
) -> None:
    """Place a legal hold: nothing it covers is erased by retention; the program cannot be destroyed."""
    from bot.governance.legal_holds import HoldError, place

    pid = program_id(program)
    if not (match or person or whole_program):
        raise fail("say what to hold: --match ID, --person ID or --whole-program")
    try:
        view = place(
            runtime.engine(),
            pid,
            reason=reason,
            actor=actor(who, pid),
            now=runtime.clock()(),
            match_key=match,
            person_key=person,
        )
    except HoldError as error:
        raise fail(str(error)) from error
    typer.echo(f"legal hold #{view.id} placed on {view.covers} by {view.placed_by}: {view.reason}")


@hold_app.command("list")
def hold_list(
    program: ProgramArg = None,
    all_: Annotated[bool, typer.Option("--all", help="Released holds too")] = False,
) -> None:
    """List legal holds with their reasons."""
    from bot.governance.legal_holds import list_holds

    holds = list_holds(runtime.engine(), program_id(program), include_released=all_)
    if not holds:
        typer.echo("No legal holds." if all_ else "No active legal holds.")
    for h in holds:
        state = (
            f"released {h.released_at:%Y-%m-%d} by {h.released_by}: {h.release_reason}"
            if h.released_at
            else "ACTIVE"
        )
        typer.echo(
            f"#{h.id} {h.covers} — placed {h.placed_at:%Y-%m-%d} by {h.placed_by}: {h.reason} [{state}]"
        )


@hold_app.command("release")
def hold_release(
    hold_id: int,
    reason: Annotated[str, typer.Option(help="Why the hold ends")],
    program: Annotated[str | None, typer.Option(help="Program id")] = None,
    who: As = None,
) -> None:
    """Release a legal hold (it stays listed with --all)."""
    from bot.governance.legal_holds import HoldError, release

    pid = program_id(program)
    try:
        view = release(
            runtime.engine(), pid, hold_id, reason=reason, actor=actor(who, pid), now=runtime.clock()()
        )
    except HoldError as error:
        raise fail(str(error)) from error
    typer.echo(f"legal hold #{view.id} on {view.covers} released by {view.released_by}")


def program_export(
    output: Annotated[Path, typer.Option("--output", "-o", help="The archive to write (.zip)")],
    program: ProgramArg = None,
    who: As = None,
) -> None:
    """Export everything the program holds (end of contract): tables, printable transcripts, chain head."""
    from bot.governance.archive import ExportExists
    from bot.governance.program_export import ExportError, export_program

    pid = program_id(program)
    try:
        summary = export_program(runtime.engine(), pid, output, actor=actor(who, pid), now=runtime.clock()())
    except (ExportError, ExportExists) as error:
        raise fail(str(error)) from error
    typer.echo(
        f"wrote {output} ({sum(summary.rows.values())} rows in {len(summary.rows)} tables), "
        f"SHA-256 {summary.sha256}"
    )
    typer.echo(
        f"chain head: {summary.head} "
        f"({'verified intact' if summary.chain_intact else 'BROKEN, see chain/HEAD.txt'})"
    )
    typer.echo(f'check it any time: mentorbot audit verify-export {output} --expect "{summary.head}"')


def program_destroy(
    certificate: Annotated[Path, typer.Option(help="Where to write the certificate of destruction (.json)")],
    by: Annotated[str, typer.Option(help="Your name and role, for the certificate")],
    reason: Annotated[str, typer.Option(help="E.g. 'end of contract with Riverside HS, 2027-06-30'")],
    confirm: Annotated[str, typer.Option(help="Type the program id again to confirm")],
    program: ProgramArg = None,
) -> None:
    """Delete everything of the program, write a certificate of destruction (refused under a legal hold)."""
    from sqlalchemy.engine import make_url

    from bot.governance.destroy import DestroyError, destroy_program

    pid = program_id(program)
    if confirm != pid:
        raise fail(f"--confirm must repeat the program id ({pid}); nothing was deleted")
    database = make_url(runtime.settings().resolved_database_url).render_as_string(hide_password=True)
    try:
        cert = destroy_program(
            runtime.engine(),
            pid,
            actor=by,
            now=runtime.clock()(),
            certificate=certificate,
            reason=reason,
            database=database,
            head_file=runtime.settings().chain_head_file,
        )
    except DestroyError as error:
        raise fail(str(error)) from error
    rows = sum(cert.data["rows_deleted"].values())
    typer.echo(
        f"program {pid} destroyed: {rows} rows deleted. Certificate: {cert.json_path} and "
        f"{cert.text_path} (SHA-256 {cert.sha256}); final chain head {cert.data['final_chain_head']}"
    )


def access_request(
    student: Annotated[str, typer.Argument(help="The student's id from the roster")],
    requester: Annotated[str, typer.Option(help="Who asked, as on the request")],
    relationship: Annotated[str, typer.Option(help="parent, guardian or eligible-student")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The archive to write (.zip)")],
    program: Annotated[str | None, typer.Option(help="Program id")] = None,
    who: As = None,
) -> None:
    """Answer a parent's or eligible student's request: the student's whole record as one export (logged)."""
    from bot.governance.access_request import AccessRequestError, answer
    from bot.governance.archive import ExportExists

    pid = program_id(program)
    try:
        result = answer(
            runtime.engine(),
            pid,
            student,
            requester=requester,
            relationship=relationship,
            actor=actor(who, pid),
            path=output,
            now=runtime.clock()(),
        )
    except (AccessRequestError, ExportExists) as error:
        raise fail(str(error)) from error
    typer.echo(
        f"wrote {output}: {result.rows} records of {student} for {requester} ({relationship}); "
        f"SHA-256 {result.sha256}. {result.withheld} messages by other students were left out."
    )
