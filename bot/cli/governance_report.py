"""Printing retention plans and verification reports for people (the CLI's view of bot.governance)."""

from __future__ import annotations

import typer

from bot.governance.retention import ProgramPlan


def _day(value: object) -> str:
    return str(value)[:10] if value is not None else "—"


def print_plans(plans: list[ProgramPlan], *, applied: bool) -> None:
    for plan in plans:
        typer.echo(f"program {plan.program_id}:")
        if plan.holds:
            typer.echo(f"  active legal holds: {', '.join(plan.holds)}")
        if plan.schedule is None:
            typer.echo(
                "  no retention schedule in the program file: nothing is erased "
                "(add program.retention, docs/data-protection.md)"
            )
            continue
        if plan.program_held:
            typer.echo("  the whole program is under legal hold: nothing is erased")
        for rule in plan.rules:
            typer.echo(
                f"  rule {rule.rule.describe()} — erases what was written before "
                f"{rule.cutoff.written_before:%Y-%m-%d %H:%M} UTC"
                + (
                    f" or whose match ended before {rule.cutoff.ended_before}"
                    if rule.cutoff.ended_before
                    else ""
                )
            )
            if (not rule.tables or rule.rows == 0) and not (applied and rule.erased):
                typer.echo("    nothing due")  # an apply counts nothing first: its ERASED line says it
            for t in rule.tables:
                if t.follows:
                    typer.echo(f"    + {t.rows} {t.table} row(s) that go with them")
                elif t.rows or t.held_back:
                    held = f"; {t.held_back} kept by a legal hold" if t.held_back else ""
                    typer.echo(
                        f"    {t.rows} {t.table} row(s), written {_day(t.oldest)} to {_day(t.newest)}{held}"
                    )
            if applied and rule.erased:
                done = ", ".join(f"{n} {table}" for table, n in rule.erased.items())
                typer.echo(f"    ERASED: {done} (tombstones kept; audit verify lists them)")
