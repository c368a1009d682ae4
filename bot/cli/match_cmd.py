"""``mentorbot match``: a match's life from the command line.

pause / resume (issue 12: every message waits for the coordinator, both sides are told; not
``prompts pause``, which only stops the weekly prompts) · propose (run the matching step over the
round's choices: proposals with their reasons, who was not proposed and why) · confirm · start ·
depart / suggest / replace / end (a mentor leaving) · renew · commitments (issue 14). Every action
goes through the core's use cases, like the desk, and is audited; posts to channels are queued and
go out when mentorbot runs.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Annotated, Any

import typer

from bot.cli import runtime

match_app = typer.Typer(
    help="The matching step and the hand-over: propose, confirm, start, depart, replace, renew.",
    no_args_is_help=True,
)

ProgramOpt = Annotated[
    str | None, typer.Option("--program", "-p", help="Program id (optional when only one)")
]
AsOpt = Annotated[str | None, typer.Option("--as", help="Your coordinator id from the roster")]


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def program_id(wanted: str | None) -> str:
    from sqlmodel import Session

    from bot.prompts.topics import resolve_program

    with Session(runtime.engine()) as session:
        try:
            return resolve_program(session, wanted).id
        except LookupError as error:
            raise fail(str(error)) from None


def act(coro: Any) -> Any:
    """Run a use case; the room's errors become a clear message and exit status 2."""
    from bot.handover.departure import HandoverError
    from bot.handover.messages import MessageRefused
    from bot.handover.renewal import RenewalError
    from bot.matching.rounds import ChoosingError
    from bot.profiles.bios import BioError

    try:
        return asyncio.run(coro)
    except (ChoosingError, HandoverError, MessageRefused, RenewalError, BioError) as error:
        raise fail(str(error)) from None


def actor_of(coordinator: str | None) -> tuple[str, str | None]:
    """(actor for the audit trail, the coordinator's key when given with --as)."""
    if coordinator is None:
        return runtime.whoami(), None
    person = runtime.coordinator(runtime.engine(), coordinator)
    return person.key, person.key


@match_app.command("propose")
def propose(
    program: ProgramOpt = None,
    as_: AsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the proposal as JSON")] = False,
) -> None:
    """Run the matching step over the current round and show what it proposes, and why."""
    from bot.matching.proposals import as_dict

    pid = program_id(program)
    actor, _ = actor_of(as_)
    view = act(runtime.core().propose_matches(pid, actor=actor))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "run": view.run.id,
                    "summary": view.summary,
                    "matches": [as_dict(line) for line in view.lines],
                    "unmatched": view.unmatched,
                    "left_out": view.left_out,
                },
                indent=2,
            )
        )
        return
    typer.echo(f"Proposal run #{view.run.id} for round {view.round.key}:")
    for line in view.summary:
        typer.echo(f"  {line}")
    for line in view.lines:
        mentors = ", ".join(name for _, name in line.mentors)
        typer.echo(
            f"\n{line.row.match_key} ({line.row.model}) — {mentors}"
            + ("" if line.ratio_ok else "  ⚠ outside the model's ratio")
        )
        for student in line.students:
            typer.echo(f"  - {student['name']}: {student['reason_text']}")
            for warning in student.get("warnings") or []:
                typer.echo(f"      ⚠ {warning}")
        for warning in line.warnings:
            typer.echo(f"  ⚠ {warning}")
    for entry in view.unmatched:
        typer.echo(f"\nNot proposed: {entry['name']} ({entry['code']}): {entry['reason_text']}")
        for step in entry.get("next_steps") or []:
            typer.echo(f"  next: {step}")
    for entry in view.left_out:
        typer.echo(f"Mentor left out: {entry['name']} ({entry['code']}): {entry['reason_text']}")
    typer.echo(f"\nConfirm with: mentorbot match confirm --run {view.run.id} [MATCH ...]")


@match_app.command("confirm")
def confirm(
    keys: Annotated[list[str] | None, typer.Argument(help="Proposals to confirm (default: all)")] = None,
    run: Annotated[int | None, typer.Option(help="The proposal run (default: the latest)")] = None,
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """Confirm proposals: each becomes a planned match (then link its channels and start it)."""
    from bot.matching.proposals import view

    pid = program_id(program)
    actor, coordinator = actor_of(as_)
    latest = view(runtime.engine(), pid, run)
    if latest is None:
        raise fail("there is no proposal to confirm; run `mentorbot match propose` first")
    result = act(
        runtime.core().confirm_proposals(
            pid, latest.run.id, actor=actor, coordinator=coordinator, keys=keys or None
        )
    )
    for key in result.matches:
        typer.echo(
            f"confirmed {key}: link its channels (/mentorbot link {key} mentor|student), then "
            f"mentorbot match start {key}"
        )
    for key, problems in result.problems:
        typer.echo(f"NOT confirmed {key}: " + "; ".join(problems), err=True)
    if result.problems:
        raise typer.Exit(1)


@match_app.command("start")
def start(key: str, program: ProgramOpt = None, as_: AsOpt = None) -> None:
    """Start a confirmed match once its forms, clearance and channels are in place."""
    actor, _ = actor_of(as_)
    match = act(runtime.core().start_match(program_id(program), key, actor=actor))
    typer.echo(f"match {match.key} is active; both sides are welcomed when mentorbot runs")


@match_app.command("depart")
def depart(
    key: str,
    mentor: Annotated[str, typer.Option(help="The mentor who is leaving")],
    last_day: Annotated[str, typer.Option(help="Their last day, YYYY-MM-DD")],
    reason: Annotated[str, typer.Option(help="Why (a new job, a move…)")] = "",
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """Record a mentor's notice (when they told you rather than mentorbot)."""
    actor, _ = actor_of(as_)
    notice = act(
        runtime.core().give_notice(
            program_id(program), key, mentor, last_day=_day(last_day), reason=reason, actor=actor, via="cli"
        )
    )
    typer.echo(
        f"notice #{notice.departure.id}: {notice.mentor.display_name} leaves {key} after {last_day}. "
        f"Suggestions: mentorbot match suggest {notice.departure.id}"
    )


@match_app.command("suggest")
def suggest(notice: int, program: ProgramOpt = None) -> None:
    """Who could take over, from the choosing data (the students' own earlier choices first)."""
    for n, candidate in enumerate(
        act(runtime.core().replacement_suggestions(program_id(program), notice)), 1
    ):
        typer.echo(f"{n}. {candidate.mentor_id} ({candidate.model}): {candidate.reason}")


@match_app.command("replace")
def replace(
    notice: int,
    with_: Annotated[str, typer.Option("--with", help="The new mentor's id")],
    message: Annotated[
        str | None,
        typer.Option(help="What the students are told (default: a kind message naming the reason)"),
    ] = None,
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """The new mentor takes over the same match; the students are told kindly in their channel."""
    actor, _ = actor_of(as_)
    done = act(
        runtime.core().replace_mentor(
            program_id(program), notice, with_, actor=actor, student_message=message
        )
    )
    typer.echo(
        f"{done.replacement} now mentors {done.match_key} in place of {done.mentor}.\n"
        f"The students are told: {done.message}\n{done.channels_to_fix}"
    )


@match_app.command("end")
def end(
    notice: int,
    message: Annotated[str | None, typer.Option(help="What the students are told")] = None,
    withdraw: Annotated[bool, typer.Option("--withdraw", help="The mentor stays after all")] = False,
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """End the match with its mentor (the students told kindly), or withdraw the notice."""
    actor, _ = actor_of(as_)
    row = act(
        runtime.core().close_notice(
            program_id(program),
            notice,
            outcome="withdrawn" if withdraw else "ended",
            actor=actor,
            student_message=message,
        )
    )
    typer.echo(f"notice #{row.id}: {row.state}")


@match_app.command("renew")
def renew(
    key: str,
    until: Annotated[
        str | None, typer.Option(help="A new end date (default: another committed period)")
    ] = None,
    program: ProgramOpt = None,
    as_: AsOpt = None,
) -> None:
    """Renew a match's commitment for another period."""
    actor, _ = actor_of(as_)
    row = act(
        runtime.core().renew_commitment(
            program_id(program), key, actor=actor, until=_day(until) if until else None
        )
    )
    typer.echo(f"{key} is committed until {row.committed_until:%d %b %Y}")


@match_app.command("commitments")
def commitments(program: ProgramOpt = None) -> None:
    """Every match's start, committed end and open notices, soonest end first."""
    from sqlmodel import Session

    from storage import handover_repo

    pid = program_id(program)
    with Session(runtime.engine()) as session:
        rows = handover_repo.commitments(session, pid)
        notices = {d.match_id: d for d in handover_repo.departures(session, pid, open_only=True)}
    for commitment, match in rows:
        notice = notices.get(match.id)  # type: ignore[arg-type]
        extra = f"  notice #{notice.id}: last day {notice.last_day}" if notice else ""
        typer.echo(
            f"{match.key:<24} {match.status:<8} from {commitment.started_on} until "
            f"{commitment.committed_until} ({commitment.basis}){extra}"
        )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(f"'{text}' is not a date; write YYYY-MM-DD") from None


# -- pause and resume (issue 12) ------------------------------------------------------------------

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
