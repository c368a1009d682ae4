"""``mentorbot audit``: prove the log was not altered — verify, the published head, export archives."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

audit_app = typer.Typer(help="Prove the log was not altered.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify(
    program: Annotated[str | None, typer.Argument(help="Program id (default: all)")] = None,
    expect: Annotated[
        str | None, typer.Option(help="A head you kept (from the daily post or `audit head`)")
    ] = None,
    head_file: Annotated[
        Path | None, typer.Option(help="The append-only head file (default: CHAIN_HEAD_FILE)")
    ] = None,
) -> None:
    """Recompute the hash chains of the message log and audit trail; name any altered row; list erasures."""
    from sqlmodel import Session

    from bot.governance.anchoring import problem_after_destruction
    from storage.chain_anchor import problem_with
    from storage.chain_format import parse_head

    engine = runtime.engine()
    head_file = head_file or runtime.settings().chain_head_file
    if expect:
        try:
            expected_program = parse_head(expect)[0]
        except ValueError as error:
            raise _fail(str(error)) from error
        program = program or expected_program
    broken = 0
    with Session(engine) as session:
        programs = [program] if program else _all_programs(session)
        if not programs:
            typer.echo("no programs in the database")
        for program_id in programs:
            problems = _verify_one(session, program_id)
            final_head = _final_head(session, program_id)
            if expect:
                why = problem_after_destruction(expect, final_head) if final_head else (
                    problem_with(session, expect, program_id)
                )
                problems += [f"TAMPERED {program_id}: {why}"] if why else []
                found = "precedes the final head of its destruction" if final_head else "is on the chain"
                typer.echo(
                    f"{'ok' if not why else 'FAILED'}: the head you kept ({expect}) "
                    + (found if not why else "does not match")
                )
            if head_file is not None:
                problems += _check_file(session, head_file, program_id, final_head)
            for line in problems:
                typer.echo(line)
            broken += len(problems)
    if broken:
        raise typer.Exit(1)


def _all_programs(session) -> list[str]:  # type: ignore[no-untyped-def]
    """Every program in the database, then every destroyed one (its certificate is what is left)."""
    from sqlmodel import select

    from storage import repo
    from storage.models_governance import DestructionRecord

    live = [p.id for p in repo.programs(session)]
    destroyed = session.exec(select(DestructionRecord.program_id).distinct()).all()
    return live + sorted(set(destroyed) - set(live))


def _destruction(session, program_id: str):  # type: ignore[no-untyped-def]
    """The newest certificate of a program that is not in the database (destroyed), else None."""
    from sqlmodel import select

    from storage.models import Program
    from storage.models_governance import DestructionRecord

    if session.get(Program, program_id) is not None:
        return None
    return session.exec(
        select(DestructionRecord)
        .where(DestructionRecord.program_id == program_id)
        .order_by(DestructionRecord.destroyed_at.desc())  # type: ignore[attr-defined]
    ).first()


def _final_head(session, program_id: str) -> str | None:  # type: ignore[no-untyped-def]
    record = _destruction(session, program_id)
    return record.final_head if record is not None else None


def _verify_one(session, program_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    from storage.chain_verify import verify_program
    from storage.models import Program

    if session.get(Program, program_id) is None:
        record = _destruction(session, program_id)
        if record is None:
            return [f"FAILED: there is no program '{program_id}'"]
        typer.echo(
            f"program {program_id} was destroyed on {record.destroyed_at:%Y-%m-%d} by {record.destroyed_by}; "
            f"final chain head {record.final_head}; certificate SHA-256 {record.certificate_sha256}"
        )
        return []
    from storage.keyring import KeyRingError

    try:
        report = verify_program(session, program_id)
    except KeyRingError as error:  # a sealed value of an anchored record that does not open was altered too
        session.rollback()
        return [f"TAMPERED {program_id}: a sealed value does not open: {error}"]
    problems = []
    for b in report.breaks:
        where = f"row id {b.row_id}" if b.row_id is not None else "end of chain"
        kind = "log" if b.stream in ("message", "audit") else "record"
        problems.append(f"TAMPERED {b.program_id} {b.stream} {kind}, seq {b.seq} ({where}): {b.problem}")
    for erasure in report.erasures:
        typer.echo(erasure_line(program_id, erasure, report.breaks))
    if not report.breaks:
        typer.echo(
            f"ok: program {program_id}: message log and audit trail are intact "
            f"({report.heads['message'][0]} messages, {report.heads['audit'][0]} audit events)"
        )
    return problems


def erasure_line(program_id: str, erasure, breaks) -> str:  # type: ignore[no-untyped-def]
    """One erasure as ``audit verify`` reports it. Only a break of the erasure's own audit event
    makes it suspect: row ids of other tables (a message with the same id) say nothing about it."""
    if any(b.stream == "audit" and b.row_id == erasure.event_id for b in breaks):
        return f"erasure at audit seq {erasure.seq} does NOT match its tombstones"
    rows = ", ".join(f"{n} {table}" for table, n in erasure.rows.items()) or "nothing"
    return (
        f"erased: program {program_id}: {rows} under retention rule '{erasure.rule}' on "
        f"{erasure.at:%Y-%m-%d} by {erasure.actor} (audit seq {erasure.seq}); tombstones verified"
    )


def _check_file(  # type: ignore[no-untyped-def]
    session, path: Path, program_id: str, final_head: str | None
) -> list[str]:
    from bot.governance.anchoring import HeadFileError, check_head_file

    try:
        checked, problems = check_head_file(session, path, program_id, final_head=final_head)
    except HeadFileError as error:
        return [f"FAILED: {error}"]
    if not problems:
        where = "lead to its final head" if final_head else "are on the chain"
        typer.echo(f"ok: program {program_id}: all {checked} head(s) in {path} {where}")
    return [f"TAMPERED {program_id}: {p}" for p in problems]


@audit_app.command("head")
def audit_head(
    program: Annotated[str | None, typer.Argument(help="Program id (default: all)")] = None,
    publish: Annotated[
        bool, typer.Option(help="Also append to CHAIN_HEAD_FILE and post to the review channel")
    ] = False,
) -> None:
    """Print each program's chain head (keep it; `audit verify --expect` checks against it)."""
    from sqlmodel import Session

    from bot.governance.anchoring import publish_heads
    from storage import chain, repo

    engine, settings = runtime.engine(), runtime.settings()
    if publish:
        for published in publish_heads(engine, now=runtime.clock()(), head_file=settings.chain_head_file):
            if program in (None, published.program_id):
                typer.echo(published.head + ("  (posted to the review channel)" if published.posted else ""))
        return
    with Session(engine) as session:
        for p in repo.programs(session):
            if program in (None, p.id):
                typer.echo(chain.head(session, p.id))


@audit_app.command("verify-export")
def audit_verify_export(
    archive: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A program export (.zip)")],
    expect: Annotated[str | None, typer.Option(help="The head you kept for this program")] = None,
) -> None:
    """Check a program export on its own: files against the manifest, both chains, the head."""
    from bot.governance.verify_export import verify_export

    check = verify_export(archive, expect)
    report = check.report
    assert report is not None
    lines = [f"TAMPERED {b.stream} seq {b.seq} (row id {b.row_id}): {b.problem}" for b in report.breaks]
    lines += [f"TAMPERED {p}" for p in check.problems]
    for line in lines:
        typer.echo(line)
    if lines:
        raise typer.Exit(1)
    typer.echo(f"ok: {archive} is complete and its chains end at {check.head}")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)
