"""``mentorbot bios / choosing / match`` through the real command on a temporary SQLite file,
with the real policy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.year_helpers import YEAR_ROSTER

MENTORBOT = shutil.which("mentorbot", path=str(Path(sys.executable).parent)) or "mentorbot"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "COLUMNS": "200", "DATA_DIR": str(tmp_path)}
    return subprocess.run([MENTORBOT, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_a_round_from_bios_to_a_replacement_at_the_command_line(tmp_path: Path) -> None:
    assert run(tmp_path, "program", "import", str(YEAR_ROSTER)).returncode == 0
    bios = run(tmp_path, "bios", "check", "--as", "nora")
    assert bios.returncode == 0, bios.stderr
    [lee] = [line for line in bios.stdout.splitlines() if line.startswith("refused lee:")]
    assert "Phone numbers" in lee and "never carry contact details" in lee
    opened = run(tmp_path, "choosing", "round", "2026-fall", "--starts", "2026-11-02", "--open", "--as", "nora")
    assert "round 2026-fall: open" in opened.stdout, opened.stderr
    chose = run(tmp_path, "choosing", "choices", "--set", "ana=dana,raj", "--set", "ben=raj", "--set", "ben=kim,kim")
    assert chose.returncode == 2 and "Kim Larsen is already your 1st choice" in chose.stderr
    assert "ana: Dana Whitfield, Raj Patel" in chose.stdout and "ben: Raj Patel" in chose.stdout
    proposed = run(tmp_path, "match", "propose")
    assert proposed.returncode == 0, proposed.stderr
    assert "dana-ana (one-to-one) — Dana Whitfield" in proposed.stdout
    assert "Ana R.: Ana R.'s 1st choice." in proposed.stdout
    assert "Not proposed: Dev K. (no-consent)" in proposed.stdout
    confirmed = run(tmp_path, "match", "confirm", "dana-ana", "--as", "nora")
    assert "confirmed dana-ana: link its channels" in confirmed.stdout, confirmed.stderr
    notice = run(tmp_path, "match", "depart", "sam-fay", "--mentor", "sam", "--last-day", "2099-06-30",
                 "--reason", "new job")
    assert "notice #1: Sam Achebe leaves sam-fay" in notice.stdout, notice.stderr
    replaced = run(tmp_path, "match", "replace", "1", "--with", "raj")
    assert "Raj Patel now mentors sam-fay in place of Sam Achebe" in replaced.stdout, replaced.stderr
    listed = run(tmp_path, "match", "commitments")
    assert "dana-ana" in listed.stdout and "until 2027-11-02 (year)" in listed.stdout
