"""The `mentorbot` command end to end: demo script, transcripts and exports, review, audit verify."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))

SCRIPT = """\
# a short afternoon in the sample program
dana: Hi Ana! What are you studying in science this week?
ana: Hi Dana, we're doing circuits. Can I text you at 555-123-4567?
ana: ok! Also it's our secret that I want to be an engineer
/holds
/approve 1 Thanks Ana, it's fine to share that here.
/dm ana can you tell Dana I'll be late?
ben: Mr. Patel, do nurses work nights?
/transcript dana-ana
/quit
"""


def run(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MENTORBOT, *args], input=stdin, capture_output=True, text=True, env=env,
                          cwd=env["MB_CWD"], timeout=120)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_"))}
    env.update(DATA_DIR=str(tmp_path / "var"), MB_CWD=str(tmp_path))
    return env


def test_demo_script_shows_each_side_notices_and_coordinator_actions(cli_env, tmp_path):
    (tmp_path / "afternoon.txt").write_text(SCRIPT)
    result = run("demo", "--script", str(tmp_path / "afternoon.txt"), env=cli_env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[dana-ana-student] Dana Whitfield: Hi Ana! What are you studying" in out
    # the phone number is blocked: never shown on Dana's side, Ana told privately
    assert "[dana-ana-mentor] Ana R.: Hi Dana, we're doing circuits" not in out
    assert "(only ana sees this in dana-ana-student)" in out and "555-123-4567" not in out.split(
        "> /holds")[1].split("> /transcript")[0]
    # the held message reaches Dana only after /approve
    before, after = out.split("> /approve 1")
    assert "[dana-ana-mentor] Ana R.: ok! Also it's our secret" not in before
    assert "[dana-ana-mentor] Ana R.: ok! Also it's our secret" in after
    assert "held message #1: approved by okafor" in after
    assert ("[dm-ana] mentorbot: Hi Ana R.! I only pass messages along in your mentoring channel, "
            "so please post in #dana-ana-student") in out
    assert "[raj-group-mentor] Ben T.: Mr. Patel, do nurses work nights?" in out
    assert re.search(r"-> block rules: .*contact\.phone", out)  # the transcript shows decisions and rules


def test_demo_reads_standard_input_when_it_is_not_a_terminal(cli_env):
    result = run("demo", env=cli_env, stdin="dana: Good luck on the quiz!\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert "[dana-ana-student] Dana Whitfield: Good luck on the quiz!" in result.stdout


def test_run_without_tokens_starts_the_console_demo(cli_env):
    result = run("run", env=cli_env, stdin="ana: hello\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert "starts the console demo" in result.stdout
    assert "[dana-ana-mentor] Ana R.: hello" in result.stdout


@pytest.fixture
def demo_db(cli_env, tmp_path) -> dict[str, str]:
    (tmp_path / "s.txt").write_text(SCRIPT)
    assert run("demo", "--script", str(tmp_path / "s.txt"), env=cli_env).returncode == 0
    env = dict(cli_env, DATABASE_URL=f"sqlite:///{tmp_path / 'var' / 'demo.db'}")
    return env


def test_transcript_exports_csv_and_json_and_audits_each_read(demo_db, tmp_path):
    text = run("transcript", "dana-ana", env=demo_db)
    assert text.returncode == 0 and "Dana Whitfield (mentor" in text.stdout
    as_csv = run("transcript", "dana-ana", "--format", "csv", env=demo_db)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["decision"] for r in rows] == ["allow", "block", "hold"]
    assert "contact.phone" in rows[1]["rules"].split()
    as_json = json.loads(run("transcript", "dana-ana", "--format", "json", env=demo_db).stdout)
    assert as_json["match"] == "dana-ana" and len(as_json["messages"]) == 3
    db = sqlite3.connect(tmp_path / "var" / "demo.db")
    actions = [r[0] for r in db.execute("select action from audit_event order by seq")]
    assert actions[-3:] == ["transcript.read", "transcript.export.csv", "transcript.export.json"]


def test_review_from_the_command_line(demo_db):
    listed = run("review", env=demo_db)
    assert listed.returncode == 0 and "No held messages." in listed.stdout
    unknown = run("review", "approve", "99", "--as", "okafor", env=demo_db)
    assert unknown.returncode == 2 and "no held message #99" in unknown.stderr


def test_audit_verify_passes_then_names_the_altered_row(demo_db, tmp_path):
    ok = run("audit", "verify", env=demo_db)
    assert ok.returncode == 0 and "intact" in ok.stdout
    db = sqlite3.connect(tmp_path / "var" / "demo.db")
    # text is sealed at rest: swap two messages' sealed texts (each still opens, neither is where it was)
    (row_id, first), (other_id, second) = db.execute(
        "select id, text from message_log where kind = 'message' order by id limit 2").fetchall()
    db.executemany("update message_log set text = ? where id = ?", [(second, row_id), (first, other_id)])
    db.commit()
    bad = run("audit", "verify", env=demo_db)
    assert bad.returncode == 1
    assert f"row id {row_id}" in bad.stdout and "altered" in bad.stdout
    db.execute("update message_log set text = 'nothing to see' where id = ?", (row_id,))
    db.commit()
    plain = run("audit", "verify", env=demo_db)
    assert plain.returncode == 1 and "TAMPERED" in plain.stdout and "not sealed" in plain.stdout


def test_audit_verify_notices_a_removed_row(demo_db, tmp_path):
    db = sqlite3.connect(tmp_path / "var" / "demo.db")
    db.execute("pragma foreign_keys=off")
    last = db.execute("select max(id) from message_log").fetchone()[0]
    db.execute("delete from delivery where message_id = ?", (last,))
    db.execute("delete from reviewitem where message_id = ?", (last,))
    db.execute("delete from message_log where id = ?", (last,))
    db.commit()
    bad = run("audit", "verify", env=demo_db)
    assert bad.returncode == 1 and "removed" in bad.stdout


def test_review_approve_refuses_a_gate_hold_and_override_delivers_it(cli_env, tmp_path):
    """Issue 12 item 1 at the command line (and the help text of item 9)."""
    script = "hal: hi Kim!\n/approve 1\n/override 1 consent.missing form seen\n/quit\n"
    (tmp_path / "s.txt").write_text(script)
    demo = run("demo", "--script", str(tmp_path / "s.txt"), "--database", str(tmp_path / "d.db"), env=cli_env)
    assert demo.returncode == 0, demo.stderr
    assert "waits for the program's rules" in demo.stdout and "match.proposed" in demo.stdout
    assert "name every gate" in demo.stdout  # the override named consent.missing only
    env = dict(cli_env, DATABASE_URL=f"sqlite:///{tmp_path / 'd.db'}")
    refused = run("review", "approve", "1", "--as", "okafor", env=env)
    assert refused.returncode == 2 and "override" in refused.stderr and "consent.missing" in refused.stderr
    done = run("review", "override", "1", "--gate", "consent.missing", "--gate", "match.proposed",
               "--reason", "paper form seen today", "--as", "okafor", env=env)
    assert done.returncode == 0, done.stderr
    assert "approved by okafor, overriding" in done.stdout


def test_demo_loads_your_own_roster_and_match_pause_is_a_command(cli_env, tmp_path):
    """Issue 12 item 9: `mentorbot demo --roster FILE`; `mentorbot match pause/resume`."""
    roster = tmp_path / "mine.yml"
    roster.write_text(MY_ROSTER)
    result = run("demo", "--roster", str(roster), "--database", str(tmp_path / "mine.db"), env=cli_env,
                 stdin="mo: Hi Stu, welcome!\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert "My School Mentoring" in result.stdout
    assert "[mo-stu-s] Mo Mentor: Hi Stu, welcome!" in result.stdout
    env = dict(cli_env, DATABASE_URL=f"sqlite:///{tmp_path / 'mine.db'}")
    paused = run("match", "pause", "mo-stu", "--reason", "checking a concern", env=env)
    assert paused.returncode == 0, paused.stderr
    assert "mo-stu is paused" in paused.stdout
    again = run("match", "pause", "mo-stu", env=env)
    assert again.returncode == 2 and "paused, not active" in again.stderr


MY_ROSTER = """\
program:
  id: my-school
  name: My School Mentoring
  review_channel: {platform: console, workspace: demo, channel: desk}
people:
  - {id: pat, name: Pat Coordinator, role: coordinator,
     accounts: [{platform: console, workspace: demo, user: pat}]}
  - {id: mo, name: Mo Mentor, role: mentor, cleared: 2026-08-01,
     accounts: [{platform: console, workspace: demo, user: mo}]}
  - {id: stu, name: Stu Dent, role: student, consent: 2026-09-01,
     accounts: [{platform: console, workspace: demo, user: stu}]}
matches:
  - id: mo-stu
    model: one-to-one
    status: active
    mentors: [mo]
    students: [stu]
    channels:
      - {side: mentor, platform: console, workspace: demo, channel: mo-stu-m}
      - {side: student, platform: console, workspace: demo, channel: mo-stu-s}
"""
