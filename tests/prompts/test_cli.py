"""``mentorbot topics / prompts / digest`` through the real command, on a temporary SQLite file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.prompt_helpers import REPO, TOPICS

MENTORBOT = shutil.which("mentorbot", path=str(Path(sys.executable).parent)) or "mentorbot"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "COLUMNS": "200"}
    return subprocess.run([MENTORBOT, *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)


def test_topics_prompts_transcript_and_digest(tmp_path: Path) -> None:
    assert run(tmp_path, "program", "import", str(REPO / "examples" / "sample-program.yml")).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("week,course,topic,skill,prompt\n2026-10-05,Bio,Cells,teamwrok,Ask\n2026-10-40,Bio,X,"
                   "teamwork,Ask\n", encoding="utf-8")
    failed = run(tmp_path, "topics", "import", str(bad))
    assert failed.returncode == 2 and "nothing was written" in failed.stderr
    assert ("  line 2: 'teamwrok' is not one of the professional skills; did you mean 'teamwork'?"
            in failed.stderr)
    assert "  line 3: 'week' is '2026-10-40', which is not a date" in failed.stderr

    loaded = run(tmp_path, "topics", "import", str(TOPICS))
    assert loaded.returncode == 0, loaded.stderr
    assert "25 topic rows, 3 skipped weeks" in loaded.stdout
    schedule = run(tmp_path, "prompts", "schedule", "--day", "tuesday", "--time", "16:30",
                   "--term-start", "2026-09-08", "--term-end", "2027-06-25")
    assert "prompts every Tuesday at 16:30 America/New_York" in schedule.stdout
    shown = run(tmp_path, "topics", "show")
    assert "Tue 24 Nov 2026\n    grade 9   SKIP — Thanksgiving break" in shown.stdout
    assert "grade 10  Biology: Cells and their parts [critical thinking]" in shown.stdout

    preview = run(tmp_path, "prompts", "preview", "--week", "2026-09-21")
    assert preview.returncode == 0, preview.stderr
    assert "posted Tue 22 Sep 16:30 EDT" in preview.stdout
    assert "== raj-group (grade 9) -> 2 channel(s)" in preview.stdout
    assert "Hi Raj, Ben, Cai and Dev! This week in class (Intro to Engineering): Sketching" in preview.stdout

    assert "prompts for match raj-group: paused" in run(tmp_path, "prompts", "pause", "raj-group").stdout
    sent = run(tmp_path, "prompts", "send-now")
    assert sent.returncode == 0, sent.stderr
    again = run(tmp_path, "prompts", "send-now")
    assert "posted to 0 match(es)" in again.stdout
    digest = run(tmp_path, "digest")
    assert digest.returncode == 0 and "Weekly digest: Riverside P-TECH Career Mentoring" in digest.stdout
    assert "prompts paused" in digest.stdout or "skipped" in digest.stdout
    assert "prompts for match raj-group: resumed" in run(tmp_path, "prompts", "resume", "raj-group").stdout


def test_a_prompt_sent_now_is_in_the_transcript(tmp_path: Path) -> None:
    """No calendar and no term: the starter library has a prompt for any week of the year."""
    assert run(tmp_path, "program", "import", str(REPO / "examples" / "sample-program.yml")).returncode == 0
    sent = run(tmp_path, "prompts", "send-now", "--match", "dana-ana")
    assert "posted to 1 match(es) (2 channel posts queued)" in sent.stdout, sent.stderr
    transcript = run(tmp_path, "transcript", "dana-ana")
    assert ("mentorbot (system, mentorbot/dana-ana) prompt: Hi Dana and Ana! Here's this week's"
            in transcript.stdout)
