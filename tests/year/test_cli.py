"""``mentorbot bios / choosing / match``: the real typer commands, run in this process (a
subprocess per command cost ~4 s each on a loaded machine) on a temporary SQLite file, with the
real policy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import runtime
from bot.cli.main import app
from support.year_helpers import YEAR_ROSTER


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    for cached in (runtime.settings, runtime.engine):
        cached.cache_clear()
    yield
    runtime.engine().dispose()
    for cached in (runtime.settings, runtime.engine):
        cached.cache_clear()


def run(tmp_path: Path, *args: str) -> Ran:
    result = CliRunner().invoke(app, list(args))
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_a_round_from_bios_to_a_replacement_at_the_command_line(tmp_path: Path, cli_env) -> None:  # type: ignore[no-untyped-def]
    assert run(tmp_path, "program", "import", str(YEAR_ROSTER)).returncode == 0
    bios = run(tmp_path, "bios", "check", "--as", "nora")
    assert bios.returncode == 0, bios.stderr
    [lee] = [line for line in bios.stdout.splitlines() if line.startswith("refused lee:")]
    assert "Phone numbers" in lee and "never carry contact details" in lee
    opened = run(
        tmp_path, "choosing", "round", "2026-fall", "--starts", "2026-11-02", "--open", "--as", "nora"
    )
    assert "round 2026-fall: open" in opened.stdout, opened.stderr
    chose = run(
        tmp_path, "choosing", "choices", "--set", "ana=dana,raj", "--set", "ben=raj", "--set", "ben=kim,kim"
    )
    assert chose.returncode == 2 and "Kim Larsen is already your 1st choice" in chose.stderr
    assert "ana: Dana Whitfield, Raj Patel" in chose.stdout and "ben: Raj Patel" in chose.stdout
    proposed = run(tmp_path, "match", "propose")
    assert proposed.returncode == 0, proposed.stderr
    assert "dana-ana (one-to-one) — Dana Whitfield" in proposed.stdout
    assert "Ana R.: Ana R.'s 1st choice." in proposed.stdout
    assert "Not proposed: Dev K. (no-consent)" in proposed.stdout
    confirmed = run(tmp_path, "match", "confirm", "dana-ana", "--as", "nora")
    assert "confirmed dana-ana: link its channels" in confirmed.stdout, confirmed.stderr
    notice = run(
        tmp_path,
        "match",
        "depart",
        "sam-fay",
        "--mentor",
        "sam",
        "--last-day",
        "2099-06-30",
        "--reason",
        "new job",
    )
    assert "notice #1: Sam Achebe leaves sam-fay" in notice.stdout, notice.stderr
    replaced = run(tmp_path, "match", "replace", "1", "--with", "raj")
    assert "Raj Patel now mentors sam-fay in place of Sam Achebe" in replaced.stdout, replaced.stderr
    listed = run(tmp_path, "match", "commitments")
    assert "dana-ana" in listed.stdout and "until 2027-11-02 (year)" in listed.stdout
