"""``mentorbot program import`` and ``show`` through the real command, in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.roster_helpers import variant, write

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-program.yml"
MENTORBOT = shutil.which("mentorbot", path=str(Path(sys.executable).parent)) or "mentorbot"


def _registered() -> bool:
    """The lead registers the sub-app in bot/cli/main.py; until then run the module directly."""
    return "program_cmd" in (REPO / "bot" / "cli" / "main.py").read_text()


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "COLUMNS": "200"}
    if _registered():
        command = [MENTORBOT, "program", *args]
    else:
        command = [sys.executable, "-c", "from bot.cli.program_cmd import program_app; program_app()", *args]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_import_then_show_the_sample(tmp_path: Path) -> None:
    first = _run(tmp_path, "import", str(SAMPLE))
    assert first.returncode == 0, first.stderr
    assert "program 'riverside-ptech' imported" in first.stdout and "17 created" in first.stdout
    again = _run(tmp_path, "import", str(SAMPLE))
    assert "already up to date" in again.stdout and "17 unchanged" in again.stdout
    shown = _run(tmp_path, "show")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "Riverside P-TECH Career Mentoring" in out
    for text in ("dana-ana", "small-group", "software-team", "proposed", "paused",
                 "console:demo/dana-ana-mentor", "⚠ no consent form", "⚠ not cleared"):
        assert text in out, text


def test_bad_file_exits_2_lists_problems_and_writes_nothing(tmp_path: Path) -> None:
    bad = write(tmp_path, variant({16: "    model: small-group",
                                   19: "    students: [sol, tia, uma, vic, wes]",
                                   7: "  - {id: mia, name: Mia Mentor, role: mentr}"}))
    result = _run(tmp_path, "import", str(bad))
    assert result.returncode == 2
    assert "nothing was written" in result.stderr
    assert "  line 7: the role of person 'mia' is 'mentr'" in result.stderr
    assert "  line 15: match 'mia-sol' is small-group but has 1 mentor and 5 students" in result.stderr
    shown = _run(tmp_path, "show")
    assert shown.returncode == 1 and "No program yet" in shown.stdout


def test_check_only_validates(tmp_path: Path) -> None:
    result = _run(tmp_path, "import", "--check", str(SAMPLE))
    assert result.returncode == 0 and "Nothing was written" in result.stdout
    assert "No program yet" in _run(tmp_path, "show").stdout


@pytest.mark.skipif(not _registered(), reason="bot/cli/main.py does not register `program` yet (lead)")
def test_program_is_a_mentorbot_subcommand(tmp_path: Path) -> None:
    result = subprocess.run([MENTORBOT, "--help"], capture_output=True, text=True, timeout=60)
    assert "program" in result.stdout
