"""The ``mentorbot`` command: one typer app; each area registers its own sub-app module."""

from __future__ import annotations

import typer

from bot.cli import core_cmds, policy_cmd, program_cmd, prompts_cmd, web_cmd

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


def main() -> None:
    """Console-script entry point."""
    import os

    # The policy's sentence encoder multiplies small matrices, one message at a time: one BLAS
    # thread gives steadier latency on a shared machine than two fighting for cores. Set before
    # numpy loads; an operator's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app()


if __name__ == "__main__":
    main()
