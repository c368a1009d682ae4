"""``mentorbot bios`` and ``mentorbot choosing``: bios checked and posted, the choosing round,
meet-and-greets and choices, from the command line (the desk's Profiles and Choosing pages do the
same through the same use cases)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.cli import runtime
from bot.cli.match_cmd import AsOpt, ProgramOpt, act, actor_of, fail, program_id

bios_app = typer.Typer(
    help="Check bios with the program's policy and post them to students.", no_args_is_help=True
)
choosing_app = typer.Typer(
    help="The choosing round: start, open, close, meet-and-greets, choices.", no_args_is_help=True
)


@bios_app.command("check")
def bios_check(
    program: ProgramOpt = None,
    as_: AsOpt = None,
    everyone: Annotated[bool, typer.Option(help="Check every bio again, not only changed ones")] = False,
) -> None:
    """Run every changed bio through the policy: contact details are refused, other hits flagged."""
    actor, _ = actor_of(as_)
    report = act(runtime.core().check_bios(program_id(program), actor=actor, everyone=everyone))
    for line in report.lines():
        typer.echo(line)


@bios_app.command("publish")
def bios_publish(
    program: ProgramOpt = None,
    as_: AsOpt = None,
    audience: Annotated[
        str, typer.Option(help="students (mentors' bios) or mentors (students' bios)")
    ] = "students",
) -> None:
    """Post the passed bios to the program's choosing channels (queued; sent when mentorbot runs)."""
    if audience not in ("students", "mentors"):
        raise fail("--audience is students or mentors")
    actor, _ = actor_of(as_)
    result = act(runtime.core().publish_bios(program_id(program), actor=actor, audience=audience))
    typer.echo(f"{result.posted} bio(s) queued for {', '.join(result.channels) or 'no channel'}")
    for key, why in result.not_posted:
        typer.echo(f"  not posted: {key}: {why}")


@choosing_app.command("round")
def choosing_round(
    name: str,
    starts: Annotated[str, typer.Option(help="The matches' start date, YYYY-MM-DD")],
    program: ProgramOpt = None,
    as_: AsOpt = None,
    open_now: Annotated[
        bool | None,
        typer.Option("--open/--wait", help="Open choosing now, or wait (for the meet-and-greets)"),
    ] = None,
) -> None:
    """Start a choosing round."""
    actor, _ = actor_of(as_)
    try:
        starts_on = date.fromisoformat(starts)
    except ValueError:
        raise fail(f"'{starts}' is not a date; write YYYY-MM-DD") from None
    row = act(
        runtime.core().open_round(
            program_id(program), key=name, starts_on=starts_on, actor=actor, open_now=open_now
        )
    )
    typer.echo(f"round {row.key}: {row.state} (matches start {row.starts_on})")


@choosing_app.command("open")
def choosing_open(program: ProgramOpt = None, as_: AsOpt = None) -> None:
    """Open (or re-open) choosing: students can choose with /mentorbot choose."""
    actor, _ = actor_of(as_)
    row = act(runtime.core().set_round_state(program_id(program), "open", actor=actor))
    typer.echo(f"round {row.key}: open")


@choosing_app.command("close")
def choosing_close(program: ProgramOpt = None, as_: AsOpt = None) -> None:
    """Close choosing: students' choices are frozen (a coordinator can still enter paper forms)."""
    actor, _ = actor_of(as_)
    row = act(runtime.core().set_round_state(program_id(program), "closed", actor=actor))
    typer.echo(f"round {row.key}: closed")


@choosing_app.command("meet")
def choosing_meet(
    at: Annotated[str, typer.Option(help="Local start, YYYY-MM-DD HH:MM (program's time zone)")],
    mentors: Annotated[str, typer.Option(help="Mentor ids, comma-separated")],
    students: Annotated[str, typer.Option(help="Student ids, comma-separated")],
    minutes: Annotated[int, typer.Option(help="How long")] = 45,
    channel: Annotated[
        list[str] | None,
        typer.Option(help="side:platform:workspace:channel (one per side; or link them later)"),
    ] = None,
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """Schedule a meet-and-greet of the current round."""
    from sqlmodel import Session

    from storage import repo

    pid = program_id(program)
    actor, _ = actor_of(as_)
    with Session(runtime.engine()) as session:
        zone = ZoneInfo(repo.program(session, pid).timezone)  # type: ignore[union-attr]
    try:
        when = datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise fail(f"'{at}' is not a time; write YYYY-MM-DD HH:MM") from None
    places = [tuple(c.split(":", 3)) for c in channel or []]
    if any(len(p) != 4 for p in places):
        raise fail("--channel is side:platform:workspace:channel, e.g. student:discord:1000:3000")
    group = act(
        runtime.core().schedule_meet_and_greet(
            pid,
            at=when,
            minutes=minutes,
            mentors=_ids(mentors),
            students=_ids(students),
            channels=places,
            actor=actor,
        )
    )  # type: ignore[arg-type]
    typer.echo(
        f"meet-and-greet {group.key} on {at}: link its channels with /mentorbot link {group.key} "
        "mentor|student if you have not given them"
    )


@choosing_app.command("choices")
def choosing_choices(
    program: ProgramOpt = None,
    as_: AsOpt = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="STUDENT=MENTOR1,MENTOR2,MENTOR3 (a paper form)")
    ] = None,
) -> None:
    """Who chose whom in the current round; --set records a student's choices."""
    pid = program_id(program)
    actor, _ = actor_of(as_)
    for entry in set_ or []:
        student, _, mentors = entry.partition("=")
        names = act(
            runtime.core().record_choices(pid, student.strip(), _ids(mentors), actor=actor, via="cli")
        )
        typer.echo(f"{student.strip()}: {', '.join(names) or 'no choices'}")
    from bot.matching.overview import round_state

    state = round_state(runtime.engine(), pid)
    if state.round is None:
        typer.echo("no choosing round")
        return
    typer.echo(
        f"round {state.round.key}: {state.round.state}; {state.chosen} of {len(state.students)} "
        "students have chosen"
    )
    for row in state.students:
        typer.echo(f"  {row.name:<20} {', '.join(row.choices) or '—'}")


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
