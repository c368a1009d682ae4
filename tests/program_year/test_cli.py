"""Everyday edits without YAML from the command line (issue 14, item 6): add a person, record a form,
training and clearance, set expectations and terms, log an activity, end a match, write the report.
In process (typer's runner) on a SQLite file in a temporary DATA_DIR."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import runtime
from bot.cli.main import app

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    for name in ("DATABASE_URL", "SLACK_BOT_TOKEN", "DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "var"))
    runtime.settings.cache_clear()
    runtime.engine.cache_clear()
    runner = CliRunner()

    def run(*args: str, ok: bool = True) -> str:
        result = runner.invoke(app, list(args))
        assert (result.exit_code == 0) == ok, result.output
        return result.output

    run("program", "import", str(REPO / "examples" / "sample-program.yml"))
    yield run
    runtime.engine().dispose()
    runtime.settings.cache_clear()
    runtime.engine.cache_clear()


def test_a_coordinators_everyday_edits_from_the_command_line(cli, tmp_path) -> None:
    # Over 60 lines by design: one afternoon of everyday edits, command after command.
    said = cli(
        "people",
        "add",
        "zoe",
        "--name",
        "Zoe P.",
        "--role",
        "student",
        "--grade",
        "9",
        "--account",
        "console:demo:zoe",
        "--as",
        "okafor",
    )
    assert said.strip() == "Zoe P. (zoe, student) added. Record their permission form before they can talk."
    assert "already someone with the id 'zoe'" in cli(
        "people", "add", "zoe", "--name", "Z", "--role", "student", ok=False
    )
    said = cli(
        "consent",
        "record",
        "zoe",
        "--guardian",
        "Rosa P.",
        "--signed",
        "2026-09-10",
        "--expires",
        "2027-06-30",
        "--platforms",
        "console,discord",
    )
    assert "WBL Travel and Media Consent Form for Zoe P. recorded (signed by Rosa P." in said
    assert "say which platforms" in cli(
        "consent", "record", "zoe", "--guardian", "R", "--signed", "2026-09-10", "--platforms", "", ok=False
    )
    assert "not a date" in cli(
        "consent", "record", "zoe", "--guardian", "R", "--signed", "10/9", "--platforms", "console", ok=False
    )
    listing = cli("consent", "list")
    assert "zoe" in listing and "covers console, discord" in listing and "hal " in listing

    cli("training", "module", "orientation", "Mentor orientation")
    cli("training", "record", "dana", "orientation", "--on", "2026-09-01")
    mentors = cli("training", "list")
    assert [line[34:42].strip() for line in mentors.splitlines() if line.startswith(("dana", "raj"))] == [
        "ok",
        "held",
    ]
    assert "Mentor orientation: missing" in mentors and "no training module 'safety'" in cli(
        "training", "record", "dana", "safety", "--on", "2026-09-01", ok=False
    )
    assert "cleared from 20 Aug 2026 until 20 Aug 2027" in cli(
        "people", "clear", "kim", "--on", "2026-08-20", "--expires", "2027-08-20"
    )

    (tmp_path / "expectations.txt").write_text("We write every week.\nWe stay in this channel.\n")
    assert "Posted to 3 active matches" in cli("expectations", "set", str(tmp_path / "expectations.txt"))
    assert "dana-ana         ana          student  NOT YET" in cli("expectations", "status")
    cli("expectations", "ack", "dana-ana", "ana")
    assert "(paper)" in cli("expectations", "status")
    assert "check-in on 16 Nov 2026" in cli(
        "year", "term", "Fall 2026", "--from", "2026-09-08", "--to", "2027-01-29", "--checkin", "2026-11-16"
    )
    assert "Reflections are channel" in cli("year", "settings", "--reflections", "channel")
    assert "logged for 2 people" in cli(
        "year",
        "activity",
        "Visit to the control room",
        "--on",
        "2026-10-23",
        "--hours",
        "2",
        "--match",
        "dana-ana",
    )
    assert "has ended" in cli("end-match", "raj-group", "--reason", "Raj moved to another city")

    out = tmp_path / "report.csv"
    cli("year", "report", "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    ana = dict(zip(rows[3], next(r for r in rows[4:] if r[1] == "ana"), strict=True))
    assert ana["hours"] == "2.0" and ana["expectations_acknowledged"]
    assert "raj-group (small-group, ended)" in next(r for r in rows[4:] if r[1] == "ben")[3]
