"""Hostile roster and calendar files through the real `mentorbot` command (in a subprocess, so a
file that hangs the import fails the test instead of hanging the suite): YAML anchors that expand
into millions of values ("billion laughs") and lists nested 100,000 deep each get one clear
problem with a line, fast; nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BOMB = "\n".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 8)]
    + ["program: {id: x, name: *l7, timezone: UTC}", "people: *l7", "matches: []", ""])
DEEP = "program: " + "[" * 100_000 + "]" * 100_000 + "\n"


@pytest.mark.parametrize(("content", "expected"), [(BOMB, "aliases"), (DEEP, "nests")], ids=["bomb", "deep"])
def test_a_hostile_roster_is_one_clear_problem(tmp_path: Path, content: str, expected: str) -> None:
    roster = tmp_path / "roster.yml"
    roster.write_text(content)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "bot.cli.main", "program", "import", str(roster)],
                          capture_output=True, text=True, timeout=40, env=env,
                          cwd=Path(__file__).parents[2])
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert "line 1:" in done.stdout + done.stderr and expected in done.stdout + done.stderr
    assert "nothing was written" in done.stdout + done.stderr


@pytest.mark.parametrize("body", [
    "rules: " + "[" * 100_000 + "]" * 100_000,
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)),
], ids=["deep", "aliases"])
def test_a_hostile_policy_file_is_one_clear_problem(tmp_path: Path, body: str) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\n" + body + "\n")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "bot.cli.main", "policy", "check", "--rules-only",
                           "--policy", str(policy)], input="hello\n", capture_output=True, text=True,
                          timeout=40, env=env, cwd=Path(__file__).parents[2])
    said = done.stderr + done.stdout
    assert "Traceback" not in said and "RecursionError" not in said
    assert done.returncode != 0 and "policy.yml" in said, said
    assert "nests" in said or "aliases (*name)" in said, said
