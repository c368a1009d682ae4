"""The `mentorbot` command with input that broke it: absurdly nested JSON lines, a named demo file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.demo_runner import DEMO_APPLICATION_ID, NotADemoDatabase, clear_demo_file, is_demo_database

MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))


def run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    env["DATA_DIR"] = str(cwd / "var")
    return subprocess.run([MENTORBOT, *args], input=stdin, capture_output=True, env=env, cwd=cwd,
                          timeout=120)


def test_policy_check_jsonl_answers_every_line_even_after_absurd_nesting(tmp_path: Path) -> None:
    lines = [
        b'{"text": "before"}',
        b"[" * 100_000,
        b'{"text": ' + b"[" * 100_000 + b"}",
        b'{"text": {"deep": ' * 5_000 + b"1" + b"}" * 5_000,
        b'{"text": "x\\ud800y"}',  # a lone surrogate, as JSON can carry it
        b'{"text": "call 555-123-4567"}',
    ]
    result = run("policy", "check", "--jsonl", cwd=tmp_path, stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(answers) == len(lines)
    assert answers[0]["decision"] == "allow"
    assert all(set(a) == {"error"} for a in answers[1:4]), answers[1:4]
    assert answers[4]["decision"] == "allow"
    assert answers[5]["decision"] in ("block", "hold")


def _a_real_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE prompt_history (week TEXT, prompt TEXT)")
        db.execute("INSERT INTO prompt_history VALUES ('2026-W40', 'What did you build this week?')")


def test_demo_never_deletes_a_named_file_it_did_not_make(tmp_path: Path) -> None:
    precious = tmp_path / "district.db"  # a copy of a real database: prompt history, topic calendar
    _a_real_database(precious)
    before = precious.read_bytes()
    result = run("demo", "--database", str(precious), cwd=tmp_path, stdin=b"/quit\n")
    assert result.returncode == 2
    assert "not a demo database" in result.stderr.decode() and "--replace" in result.stderr.decode()
    assert precious.read_bytes() == before


def test_a_named_demo_file_is_made_fresh_and_stamped_as_the_demos(tmp_path: Path) -> None:
    mine = tmp_path / "demo-copy.db"
    first = run("demo", "--database", str(mine), cwd=tmp_path, stdin=b"dana: hello from the demo\n/quit\n")
    assert first.returncode == 0, first.stderr.decode()[-2000:]
    with sqlite3.connect(mine) as db:
        assert db.execute("SELECT count(*) FROM message_log").fetchone()[0] >= 1
    assert is_demo_database(mine)  # so the next `demo --database` may start it afresh


@pytest.mark.parametrize(("kind", "named", "replace", "removed"), [
    ("made by the demo", True, False, True),
    ("a real database", True, False, False),
    ("a text file", True, False, False),
    ("a real database", True, True, True),  # --replace: the user asked
    ("a real database", False, False, True),  # DATA_DIR/demo.db belongs to the demo
])
def test_which_files_the_demo_may_clear(tmp_path: Path, kind: str, named: bool, replace: bool,
                                        removed: bool) -> None:
    path = tmp_path / "file.db"
    if kind == "a text file":
        path.write_text("notes\n")
    else:
        _a_real_database(path)
        if kind == "made by the demo":
            with sqlite3.connect(path) as db:
                db.execute(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")
    if removed:
        clear_demo_file(path, named=named, replace=replace)
        assert not path.exists()
    else:
        with pytest.raises(NotADemoDatabase):
            clear_demo_file(path, named=named, replace=replace)
        assert path.exists()
