"""``mentorbot topics`` / ``prompts`` / ``digest``: the topic calendar, weekly prompts and the digest."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from bot.cli import runtime

topics_app = typer.Typer(help="Import and look at a teacher's topic calendar.", no_args_is_help=True)
prompts_app = typer.Typer(
    help="Weekly conversation prompts: preview, send now, pause, schedule.", no_args_is_help=True
)

ProgramOpt = Annotated[
    str | None, typer.Option("--program", "-p", help="Program id (optional when only one)")
]


def register(app: typer.Typer) -> None:
    """Attach ``topics``, ``prompts`` and ``digest`` to the top-level app."""
    app.add_typer(topics_app, name="topics")
    app.add_typer(prompts_app, name="prompts")
    app.command("digest")(digest)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def _program_id(wanted: str | None) -> str:
    from sqlmodel import Session

    from bot.prompts.topics import resolve_program

    with Session(runtime.engine()) as session:
        try:
            return resolve_program(session, wanted).id
        except LookupError as error:
            raise _fail(str(error)) from None


# -- topics ----------------------------------------------------------------------------------------


@topics_app.command("import")
def topics_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or YAML topic file")],
    program: ProgramOpt = None,
    calendar: Annotated[
        str | None,
        typer.Option(
            help="Name of this calendar (default: the file name); re-importing the same name replaces it"
        ),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Only validate the file; write nothing")] = False,
) -> None:
    """Validate a topic calendar and load it (all or nothing; problems are listed with line numbers)."""
    from bot.prompts.calendar import CalendarError, load_calendar
    from bot.prompts.topics import import_topics

    try:
        if check:
            parsed = load_calendar(file)
            typer.echo(f"{file}: OK — {len(parsed.rows)} rows. Nothing was written (--check).")
            return
        result = import_topics(
            runtime.engine(),
            file,
            clock=runtime.clock(),
            actor=runtime.whoami(),
            program_id=program,
            calendar_name=calendar,
        )
    except CalendarError as error:
        count = len(error.problems)
        typer.echo(f"{file}: {count} problem{'s' if count != 1 else ''}; nothing was written.", err=True)
        from bot.filecheck import grouped

        for line in grouped(error.problems):
            typer.echo(line, err=True)
        raise typer.Exit(2) from None
    span = f", {result.first} to {result.last}" if result.first else ""
    typer.echo(
        f"calendar '{result.calendar}' imported into program '{result.program_id}': "
        f"{result.weeks} topic rows, {result.skips} skipped weeks{span}"
        + (f" (replaced {result.replaced} earlier rows)" if result.replaced else "")
    )


@topics_app.command("show")
def topics_show(
    program: ProgramOpt = None,
    start: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="First week to show")] = None,
    end: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Last week to show")] = None,
) -> None:
    """The term at a glance: each week, what each grade of the program's matches gets."""
    from bot.prompts.plan import Skip
    from bot.prompts.schedule import describe
    from bot.prompts.topics import term_overview

    try:
        prog, schedule, weeks = term_overview(
            runtime.engine(), program, start=start.date() if start else None, end=end.date() if end else None
        )
    except LookupError as error:
        raise _fail(str(error)) from None
    typer.echo(f"{prog.name}: {describe(schedule)}")
    if not weeks:
        typer.echo(
            "No topic calendar and no term dates yet: every week gets a starter-library prompt. "
            "Import one with `mentorbot topics import FILE`."
        )
        return
    for week in weeks:
        typer.echo(
            f"{week.post_day:%a %d %b %Y}" + ("" if week.in_term else "  (outside the term: no prompt)")
        )
        if not week.in_term:
            continue
        for grade, chosen in week.by_grade.items():
            label = f"grade {grade}" if grade is not None else "all"
            if isinstance(chosen, Skip):
                what = f"SKIP — {chosen.reason}"
            elif chosen.source == "calendar":
                what = f"{chosen.course}: {chosen.topic} [{chosen.skill}]"
            else:
                what = f"starter library [{chosen.skill}]: {chosen.prompt[:60]}…"
            typer.echo(f"    {label:<9} {what}")


# -- prompts ---------------------------------------------------------------------------------------


@prompts_app.command("preview")
def prompts_preview(
    week: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Any day of the week (default: the next post)"),
    ] = None,
    program: ProgramOpt = None,
) -> None:
    """Show exactly what each match will receive (nothing is posted)."""
    from sqlmodel import Session

    from bot.prompts.plan import plan_week
    from bot.prompts.schedule import load_schedule
    from storage.models import Program

    program_id = _program_id(program)
    engine = runtime.engine()
    with Session(engine) as session:
        prog = session.get(Program, program_id)
        assert prog is not None
        schedule = load_schedule(session, prog)
        if week is None:
            monday = schedule.next_week(runtime.clock()())
        else:
            monday = date.fromordinal(week.date().toordinal() - week.date().weekday())
        plan = plan_week(session, schedule, monday)
    when = schedule.local(schedule.post_at(monday))
    typer.echo(f"Prompts for the week of {monday:%a %d %b %Y}, posted {when:%a %d %b %H:%M %Z}:")
    if not plan:
        typer.echo("  (no active matches)")
    for item in plan:
        grade = f"grade {item.match.grade}" if item.match.grade is not None else "no grade"
        typer.echo(f"\n== {item.match.key} ({grade}) -> {len(item.match.channels)} channel(s)")
        if item.status == "post":
            typer.echo("\n".join("   " + line for line in item.text.splitlines()))
        else:
            typer.echo(f"   no prompt: {item.reason}")


@prompts_app.command("send-now")
def prompts_send_now(
    program: ProgramOpt = None,
    match: Annotated[list[str] | None, typer.Option("--match", "-m", help="Only these matches")] = None,
) -> None:
    """Post this week's prompt now to every match that has not had it yet (never twice)."""
    import asyncio

    program_id = _program_id(program)
    result = asyncio.run(runtime.core().send_prompt_now(program_id, match_keys=match or None))
    typer.echo(
        f"week of {result.week_start:%d %b}: posted to {result.posted} match(es) "
        f"({result.deliveries} channel posts queued), {result.skipped} skipped, "
        f"{result.already} already had it. Deliveries go out when mentorbot runs."
    )


def _pause(match: str, paused: bool) -> None:
    from sqlmodel import Session

    from storage import audit, repo

    engine, now = runtime.engine(), runtime.clock()()
    with Session(engine) as session:
        row = repo.match_by_key(session, match)
        if row is None:
            raise _fail(f"no match '{match}'")
        if row.prompts_paused == paused:
            typer.echo(f"prompts for match {match} are already {'paused' if paused else 'on'}")
            return
        row.prompts_paused = paused
        session.add(row)
        audit.record(
            session,
            program_id=row.program_id,
            actor=runtime.whoami(),
            at=now,
            action="prompts.pause" if paused else "prompts.resume",
            target=f"match:{match}",
        )
        session.commit()
    typer.echo(f"prompts for match {match}: {'paused' if paused else 'resumed'}")


@prompts_app.command("pause")
def prompts_pause(match: Annotated[str, typer.Argument(help="Match id, e.g. dana-ana")]) -> None:
    """Stop weekly prompts and nudges for one match. The conversation goes on: to pause the match
    itself (every message waits for you), use `mentorbot match pause MATCH`."""
    _pause(match, True)


@prompts_app.command("resume")
def prompts_resume(match: Annotated[str, typer.Argument(help="Match id, e.g. dana-ana")]) -> None:
    """Start weekly prompts and nudges again for one match."""
    _pause(match, False)


@prompts_app.command("schedule")
def prompts_schedule(
    program: ProgramOpt = None,
    day: Annotated[str | None, typer.Option(help="Weekday of the post, e.g. monday")] = None,
    time: Annotated[str | None, typer.Option(help="Local time of the post, HH:MM")] = None,
    grace: Annotated[
        int | None, typer.Option(help="Minutes a missed post may still go out (same day)")
    ] = None,
    nudge_days: Annotated[int | None, typer.Option(help="Quiet days before a nudge")] = None,
    flag_days: Annotated[int | None, typer.Option(help="Days after a nudge before flagging")] = None,
    digest_day: Annotated[str | None, typer.Option(help="Weekday of the coordinator digest")] = None,
    digest_time: Annotated[str | None, typer.Option(help="Local time of the digest, HH:MM")] = None,
    term_start: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    term_end: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    on: Annotated[
        bool | None, typer.Option("--on/--off", help="Switch the program's prompts on or off")
    ] = None,
) -> None:
    """Show or change when prompts, nudges and the digest go out (in the program's timezone)."""
    from bot.prompts.settings import ScheduleError, set_schedule

    changes = {
        "weekday": day,
        "post_time": time,
        "grace_minutes": grace,
        "nudge_after_days": nudge_days,
        "flag_after_days": flag_days,
        "digest_weekday": digest_day,
        "digest_time": digest_time,
        "term_start": term_start.date() if term_start else None,
        "term_end": term_end.date() if term_end else None,
        "enabled": on,
    }
    try:
        line = set_schedule(
            runtime.engine(),
            _program_id(program),
            actor=runtime.whoami(),
            clock=runtime.clock(),
            **{k: v for k, v in changes.items() if v is not None},
        )
    except ScheduleError as error:
        raise _fail(str(error)) from None
    typer.echo(line)


# -- digest ----------------------------------------------------------------------------------------


def digest(
    program: ProgramOpt = None,
    week: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Any day of the week")] = None,
) -> None:
    """Print the weekly coordinator digest (messages, last contact, prompts, holds, alerts, nudges)."""
    from bot.prompts.digest import build_digest, render

    program_id = _program_id(program)
    monday: date | None = None
    if week is not None:
        day = week.date()
        monday = date.fromordinal(day.toordinal() - day.weekday())
    typer.echo(render(build_digest(runtime.engine(), program_id, runtime.clock()(), week=monday)))
