"""`mentorbot migrate` as an operator runs it first on a new database (docs/operations.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MENTORBOT, *args], capture_output=True, text=True, env=env, cwd=env["DATA_DIR"] + "-cwd", timeout=180
    )


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    env.update(DATA_DIR=str(tmp_path / "var"), DATABASE_URL=f"sqlite:///{tmp_path / 'new.db'}")
    (tmp_path / "var-cwd").mkdir(exist_ok=True)  # no .env of the checkout is read
    return env


def test_migrate_creates_a_new_database_with_the_configured_key(tmp_path):
    env = _env(tmp_path)  # ENCRYPTION_KEY_FILE comes from the test session (tests/conftest.py)
    migrated = _run(env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.startswith("migrated: nothing (an empty database) -> ")
    assert _run(env, "migrate", "--check").returncode == 0


def test_migrate_without_a_key_says_what_to_set_in_one_line(tmp_path):
    env = {k: v for k, v in _env(tmp_path).items() if not k.startswith("ENCRYPTION_")}
    refused = _run(env, "migrate")
    assert refused.returncode == 2
    assert refused.stderr.startswith("error: no encryption key is configured")
    assert "Traceback" not in refused.stderr
