"""The ``mentorbot`` command: one typer app; each area registers its own sub-app module."""

from __future__ import annotations

import typer

from bot.cli import (
    audit_cmd,
    backup_cmd,
    choosing_cmd,
    core_cmds,
    governance_cmd,
    keys_cmd,
    match_cmd,
    ops_cmd,
    policy_cmd,
    program_cmd,
    prompts_cmd,
    web_cmd,
    year_cmd,
)

app = typer.Typer(
    name="mentorbot",
    help="Supervised e-mentoring relay for school career programs.",
    no_args_is_help=True,
    add_completion=False,
)

core_cmds.register(app)
app.add_typer(audit_cmd.audit_app, name="audit")
governance_cmd.register(app, program_cmd.program_app)  # retention, legal holds, export/destroy (issue 15)
app.add_typer(policy_cmd.policy_app, name="policy")
app.add_typer(program_cmd.program_app, name="program")
app.add_typer(match_cmd.match_app, name="match")
prompts_cmd.register(app)  # topics, prompts, digest (issue 6)
web_cmd.register(app)
ops_cmd.register(app)  # migrate, healthcheck (issue 16)
app.add_typer(choosing_cmd.bios_app, name="bios")
app.add_typer(choosing_cmd.choosing_app, name="choosing")
year_cmd.register(app)  # people, consent, training, expectations, year, end-match (issue 14)
app.add_typer(keys_cmd.keys_app, name="keys")  # encryption at rest (issue 15)
backup_cmd.register(app)  # backup and restore (issue 15)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
