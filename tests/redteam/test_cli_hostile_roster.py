"""A roster is a file a coordinator types or pastes: a name with square brackets (or a pasted
escape sequence) must be printed as it is by ``mentorbot program show``, never read as rich
markup (a "[/]" crashed the command; "[bold red]" restyled the table)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli.main import app

SAMPLE = Path(__file__).parents[2] / "examples" / "sample-program.yml"
HOSTILE = "Ana [/] [bold red]R. [link=https://evil.invalid]x[/link] =cmd|' /C calc'!A0"


def test_program_show_prints_a_hostile_name_literally(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "roster.yml"
    quoted = HOSTILE.replace("'", "''")
    roster.write_text(SAMPLE.read_text().replace("name: Ana R.", f"name: '{quoted}'"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("COLUMNS", "400")
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    imported = runner.invoke(app, ["program", "import", str(roster)])
    assert imported.exit_code == 0, imported.output
    shown = runner.invoke(app, ["program", "show"])
    assert shown.exit_code == 0, shown.output
    assert HOSTILE in shown.output
