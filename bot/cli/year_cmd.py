"""Everyday edits and the program year from the command line (issue 14): ``mentorbot people``,
``consent``, ``training``, ``expectations``, ``year`` and ``end-match``. Every change goes through
``core.year`` (audited; a record that clears a gate delivers what it held)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli import runtime

people_app = typer.Typer(help="Add people and record mentors' clearance.", no_args_is_help=True)
consent_app = typer.Typer(
    help="Permission forms as records (form, guardian, dates, platforms).", no_args_is_help=True
)
training_app = typer.Typer(
    help="Mentor orientation and training modules and completions.", no_args_is_help=True
)
expectations_app = typer.Typer(
    help="The program's expectations: set them, see who has agreed.", no_args_is_help=True
)
year_app = typer.Typer(
    help="Terms and check-ins, reflections settings, activities, the credit report.", no_args_is_help=True
)

Program = Annotated[str | None, typer.Option("--program", help="Which program (when there are several)")]
Actor = Annotated[str | None, typer.Option("--as", help="Who is making the change (for the audit trail)")]


def register(app: typer.Typer) -> None:
    app.add_typer(people_app, name="people")
    app.add_typer(consent_app, name="consent")
    app.add_typer(training_app, name="training")
    app.add_typer(expectations_app, name="expectations")
    app.add_typer(year_app, name="year")
    app.command("end-match")(end_match)


def _program(program: str | None) -> str:
    from bot.roster.view import list_programs

    known = [p.id for p in list_programs(runtime.engine())]
    if program is not None:
        if program not in known:
            _fail(f"no program '{program}' (programs: {', '.join(known) or 'none yet'})")
        return program
    if len(known) != 1:
        _fail(
            "no program yet: mentorbot program import FILE"
            if not known
            else "several programs; say which with --program " + ", ".join(known)
        )
    return known[0]


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _do(action: str, program: str | None, *args: Any, **kwargs: Any) -> None:
    """Run one of ``core.year``'s actions and print its sentence (a refusal: exit 2, nothing written)."""
    from bot.year.settings import YearError

    core = runtime.core()
    try:
        said = asyncio.run(core.year_do(getattr(core.year, action), _program(program), *args, **kwargs))
    except YearError as error:
        _fail(str(error))
    typer.echo(said)


def _actor(actor: str | None) -> str:
    return actor or runtime.whoami()


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


# -- people ---------------------------------------------------------------------------------------


@people_app.command("add")
def people_add(
    key: Annotated[str, typer.Argument(help="The person's id, e.g. ana")],
    name: Annotated[str, typer.Option(help="The name others see, e.g. 'Ana R.'")],
    role: Annotated[str, typer.Option(help="coordinator, mentor, student or teacher")],
    grade: Annotated[int | None, typer.Option(help="Students: their grade")] = None,
    email: Annotated[str | None, typer.Option(help="E-mail (staff and mentors)")] = None,
    account: Annotated[list[str] | None, typer.Option(help="platform:workspace:user, repeatable")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Add one person without re-importing the roster."""
    _do(
        "add_person",
        program,
        key=key,
        name=name,
        role=role,
        grade=grade,
        email=email,
        accounts=account or [],
        actor=_actor(actor),
    )


@people_app.command("clear")
def people_clear(
    mentor: Annotated[str, typer.Argument(help="The mentor's id")],
    on: Annotated[str, typer.Option("--on", help="Date cleared, YYYY-MM-DD")],
    expires: Annotated[str | None, typer.Option(help="Date the clearance must be renewed by")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Record (or renew) a mentor's clearance; their held messages go out if nothing else holds them."""
    _do(
        "record_clearance",
        program,
        mentor,
        cleared_on=_date(on),
        expires_on=_date(expires) if expires else None,
        actor=_actor(actor),
    )


def end_match(
    match: Annotated[str, typer.Argument(help="The match id, e.g. dana-ana")],
    reason: Annotated[str, typer.Option(help="Why (kept in the access log)")] = "",
    program: Program = None,
    actor: Actor = None,
) -> None:
    """End a match: both sides are told; later messages wait for the coordinator."""
    _do("end_match", program, match, reason=reason, actor=_actor(actor))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        _fail(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2026-09-08")
    raise AssertionError  # unreachable: _fail exits


# -- consent and training -------------------------------------------------------------------------


@consent_app.command("record")
def consent_record(
    student: Annotated[str, typer.Argument(help="The student's id")],
    guardian: Annotated[str, typer.Option(help="The parent or guardian who signed")],
    signed: Annotated[str, typer.Option(help="Date signed, YYYY-MM-DD")],
    platforms: Annotated[str, typer.Option(help="Platforms the form covers, e.g. discord,slack")],
    expires: Annotated[str | None, typer.Option(help="Date the form expires")] = None,
    form: Annotated[str, typer.Option(help="Which form")] = "WBL Travel and Media Consent Form",
    note: Annotated[str, typer.Option(help="A note for the record")] = "",
    program: Program = None,
    actor: Actor = None,
) -> None:
    """File a permission form; messages it was holding go out."""
    _do(
        "record_consent",
        program,
        student,
        form_type=form,
        guardian=guardian,
        signed_on=_date(signed),
        expires_on=_date(expires) if expires else None,
        platforms=_csv(platforms),
        actor=_actor(actor),
        note=note,
    )


@consent_app.command("list")
def consent_list(program: Program = None) -> None:
    """Every student and where their permission form stands today."""
    from bot.year.views import records_view

    view = records_view(runtime.engine(), _program(program), runtime.clock()())
    for s in view.students:
        typer.echo(f"{s.key:<12} {s.name:<20} {s.state:<8} {s.detail}")


@training_app.command("module")
def training_module(
    key: Annotated[str, typer.Argument(help="A short id, e.g. orientation")],
    title: Annotated[str, typer.Argument(help="What the module is called")],
    optional: Annotated[
        bool, typer.Option("--optional", help="Not required (does not gate mentors)")
    ] = False,
    valid_days: Annotated[int | None, typer.Option(help="A completion counts this many days")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Add or change a training module; required modules gate mentors like clearance."""
    _do(
        "add_module",
        program,
        key=key,
        title=title,
        required=not optional,
        valid_days=valid_days,
        actor=_actor(actor),
    )


@training_app.command("record")
def training_record(
    person: Annotated[str, typer.Argument(help="The mentor's id")],
    module: Annotated[str, typer.Argument(help="The module's id")],
    on: Annotated[str, typer.Option("--on", help="Date completed, YYYY-MM-DD")],
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Record a completed module; the mentor's held messages go out once nothing holds them."""
    _do("record_training", program, person, module, completed_on=_date(on), actor=_actor(actor))


@training_app.command("list")
def training_list(program: Program = None) -> None:
    """Every mentor: clearance and each module's state today."""
    from bot.year.views import records_view

    view = records_view(runtime.engine(), _program(program), runtime.clock()())
    for m in view.mentors:
        typer.echo(f"{m.key:<12} {m.name:<20} {m.state:<8} {m.detail}")


# -- expectations, terms, settings, activities, report --------------------------------------------


@expectations_app.command("set")
def expectations_set(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="A text file with the expectations")
    ],
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Save a new version; active matches without expectations get them now, new matches when they start."""
    _do("set_expectations", program, file.read_text(encoding="utf-8"), actor=_actor(actor))


@expectations_app.command("status")
def expectations_status(program: Program = None) -> None:
    """Who in the active matches has not agreed yet (and who has, how and when)."""
    from sqlmodel import Session

    from bot.year.expectations import status

    with Session(runtime.engine()) as session:
        lines = status(session, _program(program))
    for x in lines:
        state = (
            f"agreed {x.acknowledged_at:%Y-%m-%d} ({x.via})"
            if x.acknowledged_at
            else ("NOT YET" if x.version else "nothing posted yet")
        )
        typer.echo(f"{x.match_key:<16} {x.person_key:<12} {x.role:<8} {state}")


@expectations_app.command("ack")
def expectations_ack(match: str, person: str, program: Program = None, actor: Actor = None) -> None:
    """Record an acknowledgement given on paper."""
    _do("record_acknowledgement", program, match, person, actor=_actor(actor))


@year_app.command("term")
def year_term(
    name: Annotated[str, typer.Argument(help="e.g. 'Fall 2026'")],
    start: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD")],
    checkin: Annotated[str | None, typer.Option(help="Check-in day (default: mid-term Monday)")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Add or change a term; each term asks every match once whether expectations are met."""
    _do(
        "add_term",
        program,
        name=name,
        starts_on=_date(start),
        ends_on=_date(end),
        checkin_on=_date(checkin) if checkin else None,
        actor=_actor(actor),
    )


@year_app.command("settings")
def year_settings(
    reflections: Annotated[str | None, typer.Option(help="private or channel")] = None,
    skills: Annotated[str | None, typer.Option(help="The skills profile, comma-separated")] = None,
    scale: Annotated[int | None, typer.Option(help="Ratings run 1 to this")] = None,
    remind_days: Annotated[int | None, typer.Option(help="Remind this many days before expiry")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Show or change the year's settings."""
    _do(
        "save_settings",
        program,
        actor=_actor(actor),
        reflection_mode=reflections,
        skills=_csv(skills) if skills is not None else None,
        skill_scale=scale,
        expiry_warning_days=remind_days,
    )


@year_app.command("checkins")
def year_checkins(program: Program = None) -> None:
    """Each term's check-in answers (the "no"s first, then who has not answered)."""
    from sqlmodel import Session

    from bot.year.checkins import answers

    with Session(runtime.engine()) as session:
        lines = answers(session, _program(program))
    if not lines:
        typer.echo("No check-ins yet: add a term (mentorbot year term ...).")
    for x in lines:
        typer.echo(f"{x.term:<12} {x.match_key:<16} {x.person_key:<12} {x.answer or '—':<7} {x.note or ''}")


@year_app.command("activity")
def year_activity(
    title: Annotated[str, typer.Argument(help="e.g. 'Visit to the control room'")],
    on: Annotated[str, typer.Option("--on", help="The day, YYYY-MM-DD")],
    hours: Annotated[float, typer.Option(help="How long, in hours")] = 1.0,
    kind: Annotated[str, typer.Option(help="meeting, workplace visit, school event, ...")] = "activity",
    match: Annotated[str | None, typer.Option(help="Everyone in this match took part")] = None,
    people: Annotated[str, typer.Option(help="Or these ids, comma-separated")] = "",
    program: Program = None,
    actor: Actor = None,
) -> None:
    """Log an activity or event with who took part and its hours (for the credit report)."""
    _do(
        "log_activity",
        program,
        title=title,
        kind=kind,
        held_on=_date(on),
        hours=hours,
        match_key=match,
        person_keys=_csv(people),
        actor=_actor(actor),
    )


@year_app.command("report")
def year_report(
    output: Annotated[Path, typer.Option("--output", "-o", help="Write the report here (created 0600)")],
    student: Annotated[str | None, typer.Option(help="One student's report with the evidence")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="csv or pdf")] = "csv",
    since: Annotated[str | None, typer.Option(help="From this day")] = None,
    until: Annotated[str | None, typer.Option(help="Until this day (included)")] = None,
    program: Program = None,
    actor: Actor = None,
) -> None:
    """The participation and credit report (the read is recorded in the access log)."""
    from bot.year import credit, credit_export
    from bot.year.settings import YearError
    from storage.private_files import write_private

    period = credit.Period(_date(since) if since else None, _date(until) if until else None)
    try:
        made = credit_export.export(
            runtime.engine(),
            _program(program),
            format,
            period,
            actor=_actor(actor),
            now=runtime.clock()(),
            person_key=student,
        )
    except YearError as error:
        _fail(str(error))
    write_private(output, made.body)
    typer.echo(f"wrote the credit report of {student or 'every student'} to {output}")
