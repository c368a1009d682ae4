"""``mentorbot policy`` — placeholder until the policy issue fills it in."""

from __future__ import annotations

import typer

policy_app = typer.Typer(help="Try and inspect the online-interaction policy.", no_args_is_help=True)


@policy_app.command("show")
def show() -> None:
    """Print the effective policy in plain language."""
    typer.echo("policy: not yet implemented")
