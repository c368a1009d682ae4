"""``mentorbot program`` — import a roster file and show a program as a coordinator sees it."""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

logger = logging.getLogger(__name__)

program_app = typer.Typer(help="Set up a program from a roster file and look at it.", no_args_is_help=True)


def _engine():  # type: ignore[no-untyped-def]
    from bot.cli import runtime

    return runtime.engine()


@program_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                help="The roster YAML file (see docs/roster.md)."),
    check: bool = typer.Option(False, "--check", help="Only validate the file; write nothing."),
) -> None:
    """Load a program from one roster file: checks everything first, then writes it all at once."""
    from bot.app import platform_names
    from bot.filecheck import grouped
    from bot.roster.importer import RosterError, import_roster, load_roster

    err = Console(stderr=True)
    try:
        if check:
            roster = load_roster(file, platforms=platform_names())
            typer.echo(f"{file}: OK — program '{roster.program.id}', {len(roster.people)} people, "
                       f"{len(roster.matches)} matches. Nothing was written (--check).")
            return
        summary = import_roster(_engine(), file, platforms=platform_names())
    except RosterError as exc:
        count = len(exc.problems)
        err.print(f"{file}: {count} problem{'s' if count != 1 else ''}; nothing was written.",
                  style="bold red", markup=False, soft_wrap=True)
        for line in grouped(exc.problems):
            typer.echo(line, err=True)  # one line each, never wrapped: easy to grep
        raise typer.Exit(2) from None
    verb = "imported" if summary.changed else "already up to date"
    typer.echo(f"program '{summary.program_id}' {verb} from {file}")
    for line in summary.lines():
        typer.echo(f"  {line}")


@program_app.command("show")
def show_cmd(
    program_id: str | None = typer.Argument(None, metavar="[PROGRAM-ID]",
                                            help="Which program (optional when there is only one)."),
) -> None:
    """Print a program: people, consent and clearance, matches, members and channels."""
    from bot.roster.view import list_programs, program_view

    engine = _engine()
    # Names, keys and channels come from a roster file: printed as they are, never read as markup
    # (a name like "Ana [/]" must not crash the command or restyle the output).
    out = Console(markup=False)
    if program_id is None:
        programs = list_programs(engine)
        if not programs:
            typer.echo("No program yet. Import one: mentorbot program import examples/sample-program.yml")
            raise typer.Exit(1)
        if len(programs) > 1:
            typer.echo("Several programs; name one: " + ", ".join(p.id for p in programs))
            raise typer.Exit(1)
        program_id = programs[0].id
    view = program_view(engine, program_id)
    if view is None:
        known = ", ".join(p.id for p in list_programs(engine)) or "none yet"
        typer.echo(f"No program '{program_id}' (programs: {known})")
        raise typer.Exit(1)
    _print_program(out, view)


def _print_program(out: Console, view) -> None:  # type: ignore[no-untyped-def]
    p = view.program
    out.print(Text.assemble((p.name, "bold"), f" ({p.id}) — time zone {p.timezone}"))
    review = (f"{p.review_platform}:{p.review_workspace}/{p.review_channel}"
              if p.review_channel else "not set (add program.review_channel)")
    out.print(f"review channel: {review}", highlight=False)
    out.print(f"policy: {p.policy_file or 'default'}", highlight=False)

    people = Table(title="People", title_justify="left")
    for column in ("id", "name", "role", "grade", "consent / clearance", "accounts"):
        people.add_column(column)
    for person in view.people:
        state = ""
        if person.role == "student":
            state = (f"consent {person.consent_received}" if person.consent_received else "⚠ no consent form")
        elif person.role == "mentor":
            state = f"cleared {person.cleared_on}" if person.cleared_on else "⚠ not cleared"
        name = person.display_name + ("" if person.active else " (inactive)")
        people.add_row(person.key, name, person.role, str(person.grade or ""), state,
                       "\n".join(view.accounts.get(person.id, [])) or "—")
    out.print(people)

    matches = Table(title="Matches", title_justify="left", show_lines=True)
    for column in ("match", "model", "status", "coordinator", "mentors", "students", "channels", "to fix"):
        matches.add_column(column)
    for m in view.matches:
        def names(role: str, m=m) -> str:  # type: ignore[no-untyped-def]
            return "\n".join(f"{x.key}" + (f" ⚠ {x.warning}" if x.warning else "")
                             for x in m.members if x.role == role) or "—"
        channels = "\n".join(f"{side}: {ref}" + ("" if active else " (off)")
                             for side, ref, active in m.channels)
        status = m.status + (f"\nsince {m.started}" if m.started else "")
        matches.add_row(m.key, m.model, status, m.coordinator or "—", names("mentor"), names("student"),
                        channels or "—", "\n".join(f"⚠ {w}" for w in m.warnings) or "")
    out.print(matches)
