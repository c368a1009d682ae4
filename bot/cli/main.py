"""The ``mentorbot`` command: one typer app; each area registers its own sub-app module."""

from __future__ import annotations

import typer

from bot.cli import backup_cmd, core_cmds, keys_cmd, policy_cmd, program_cmd, prompts_cmd, web_cmd

app = typer.Typer(
    name="mentorbot",
    help="Supervised e-mentoring relay for school career programs.",
    no_args_is_help=True,
    add_completion=False,
)

core_cmds.register(app)
app.add_typer(policy_cmd.policy_app, name="policy")
app.add_typer(program_cmd.program_app, name="program")
prompts_cmd.register(app)  # topics, prompts, digest (issue 6)
web_cmd.register(app)
app.add_typer(keys_cmd.keys_app, name="keys")  # encryption at rest (issue 15)
backup_cmd.register(app)  # backup and restore (issue 15)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
