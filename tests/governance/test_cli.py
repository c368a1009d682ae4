"""The data-protection commands as a coordinator or operator types them (subprocesses on SQLite)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support.governance_helpers import SCHEDULE, program_file

MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MENTORBOT, *args], capture_output=True, text=True, env=env, cwd=env["MB_CWD"], timeout=120
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    (tmp_path / "safe").mkdir()
    base.update(
        DATA_DIR=str(tmp_path / "var"),
        MB_CWD=str(tmp_path),
        CHAIN_HEAD_FILE=str(tmp_path / "safe" / "heads.log"),
    )
    script = tmp_path / "s.txt"
    script.write_text("dana: Hi Ana!\nana: Hi Dana, call me at 555-123-4567\nben: hello Raj\n/quit\n")
    assert run(base, "demo", "--script", str(script)).returncode == 0
    base["DATABASE_URL"] = f"sqlite:///{tmp_path / 'var' / 'demo.db'}"
    assert run(base, "program", "import", str(program_file(tmp_path, retention=SCHEDULE))).returncode == 0
    return base


def test_retention_holds_heads_and_exports_from_the_command_line(env, tmp_path):
    dry = run(env, "retention", "run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "rule messages: messages, edits, rule hits and review notes, kept 30 days after their match ended"
        in dry.stdout
        and "Nothing was changed (dry run)" in dry.stdout
    )

    placed = run(env, "legal-hold", "place", "--match", "dana-ana", "--reason", "case 12", "--as", "okafor")
    assert placed.returncode == 0 and "legal hold #1 placed on match dana-ana by okafor" in placed.stdout

    published = run(env, "audit", "head", "--publish")
    head = published.stdout.split()[0]
    heads = Path(env["CHAIN_HEAD_FILE"])
    assert head.startswith("riverside-ptech@m") and stat.S_IMODE(heads.stat().st_mode) == 0o600
    ok = run(env, "audit", "verify", "--expect", head)
    assert ok.returncode == 0 and "is on the chain" in ok.stdout and "heads.log are on the chain" in ok.stdout
    wrong = run(env, "audit", "verify", "--expect", head[:-4] + "0000")
    assert wrong.returncode == 1 and "rewritten" in wrong.stdout

    archive = tmp_path / "export.zip"
    exported = run(env, "program", "export", "-o", str(archive), "--as", "okafor")
    assert exported.returncode == 0 and stat.S_IMODE(archive.stat().st_mode) == 0o600
    checked = run(env, "audit", "verify-export", str(archive), "--expect", head)
    assert checked.returncode == 0 and "is complete" in checked.stdout

    refused = run(
        env,
        "program",
        "destroy",
        "--certificate",
        str(tmp_path / "c.json"),
        "--by",
        "G. Okafor",
        "--reason",
        "end of contract",
        "--confirm",
        "riverside-ptech",
    )
    assert refused.returncode == 2 and "under legal hold" in refused.stderr

    db = sqlite3.connect(tmp_path / "var" / "demo.db")  # the newest audit rows go, head and all
    newest = db.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
    db.execute("DELETE FROM audit_event WHERE seq > ?", (newest - 2,))
    keep = db.execute("SELECT row_hash FROM audit_event WHERE seq = ?", (newest - 2,)).fetchone()[0]
    db.execute("UPDATE chainhead SET last_seq = ?, last_hash = ? WHERE stream = 'audit'", (newest - 2, keep))
    db.commit()
    caught = run(env, "audit", "verify")
    assert (
        caught.returncode == 1
        and "heads.log line 1" in caught.stdout
        and "rows were removed" in caught.stdout
    )


def test_a_head_file_inside_data_dir_stops_the_command(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    env.update(
        DATA_DIR=str(tmp_path / "var"), MB_CWD=str(tmp_path), CHAIN_HEAD_FILE=str(tmp_path / "var" / "h")
    )
    result = run(env, "audit", "verify")
    assert result.returncode == 2 and "inside DATA_DIR" in result.stderr


def test_a_message_deleted_in_sqlite_is_reported_by_verify_not_a_crash(env, tmp_path):
    """sqlite3 deletes with foreign keys off, so the message's outbox copies point at nothing: the
    one command that must still run then is `audit verify`, and it names the missing row."""
    db = sqlite3.connect(tmp_path / "var" / "demo.db")
    first = db.execute("SELECT id FROM message_log WHERE seq = 1").fetchone()[0]
    assert db.execute("SELECT count(*) FROM delivery WHERE message_id = ?", (first,)).fetchone()[0] > 0
    db.execute("DELETE FROM message_log WHERE id = ?", (first,))
    db.commit()
    db.close()
    caught = run(env, "audit", "verify")
    assert caught.returncode == 1, caught.stderr
    assert "row seq 1 is missing" in caught.stdout and "Traceback" not in caught.stderr


def test_retention_as_a_coordinator_without_naming_the_program_is_not_ignored(env):
    """The erasure records who ran it: `--as` must name a real coordinator even when the program
    is left out (the only one is meant), instead of being dropped for the operator's account."""
    unknown = run(env, "retention", "run", "--apply", "--as", "nobody")
    assert unknown.returncode == 2 and "no coordinator nobody" in unknown.stderr
    known = run(env, "retention", "run", "--apply", "--as", "okafor")
    assert known.returncode == 0, known.stderr


def test_verify_after_a_destruction_names_it_and_checks_kept_heads_against_its_final_head(env, tmp_path):
    """After `program destroy` the auditor still runs `audit verify` with the head file: the heads
    published before are not tampering, and the certificate is reported; a head past the final
    head (rows written after the certificate) is."""
    published = run(env, "audit", "head", "--publish")
    kept = published.stdout.split()[0]
    destroyed = run(env, "program", "destroy", "--certificate", str(tmp_path / "c.json"), "--by", "G. Okafor",
                    "--reason", "end of contract", "--confirm", "riverside-ptech")
    assert destroyed.returncode == 0, destroyed.stderr

    everything = run(env, "audit", "verify")
    assert everything.returncode == 0, everything.stdout
    assert "program riverside-ptech was destroyed on" in everything.stdout
    assert "heads.log lead to its final head" in everything.stdout
    one = run(env, "audit", "verify", "riverside-ptech", "--expect", kept)
    assert one.returncode == 0 and "precedes the final head of its destruction" in one.stdout, one.stdout

    program, rest = kept.split("@")
    past = f"{program}@m999.a999:{rest.split(':')[1]}"
    forged = run(env, "audit", "verify", "--expect", past)
    assert forged.returncode == 1 and "is past the final head" in forged.stdout
