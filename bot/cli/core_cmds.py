"""Core commands (run, demo, program, transcript, review, audit). Filled in by the core."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the core commands to the top-level app."""

    @app.command()
    def version() -> None:
        """Print mentorbot's version."""
        from importlib.metadata import version as v

        typer.echo(v("mentorbot"))
