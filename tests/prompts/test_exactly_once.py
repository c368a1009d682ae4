"""Exactly once: restarts around posting time, a process killed mid-post, a crash before commit, two
processes on one database — each prompt reaches each match once, and a missed week is reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date, time, timedelta

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from bot.prompts.digest import build_digest, render
from bot.prompts.weekly import post_due_prompts, send_now
from storage import outbox
from storage.chain import verify
from storage.db import make_engine
from storage.models import Delivery, MessageLog
from storage.models_prompts import PromptPost
from support.prompt_helpers import PROGRAM, REPO, ny

MONDAY = date(2026, 10, 19)


def counts(engine: Engine, week: date = MONDAY) -> tuple[int, int, int]:
    """(posted rows, prompt log rows, prompt deliveries) for one week."""
    with Session(engine) as session:
        posted = session.exec(select(func.count()).select_from(PromptPost).where(
            PromptPost.week_start == week, PromptPost.status == "posted")).one()
        logs = session.exec(select(func.count()).select_from(MessageLog).where(
            MessageLog.kind == "prompt", MessageLog.platform_message_id == f"prompt:{week}")).one()
        deliveries = session.exec(select(func.count()).select_from(Delivery).where(
            Delivery.kind == "prompt", Delivery.idempotency_key.like(f"%:{week}:%"))).one()  # type: ignore[attr-defined]
        assert verify(session, PROGRAM) == []
        return posted, logs, deliveries


def test_down_across_post_time_posts_late_once(engine, setup_program) -> None:
    setup_program()
    assert post_due_prompts(engine, ny(MONDAY, time(8, 59))).deliveries == 0
    # the process was down from 08:59 until 10:30: the first tick after the restart posts, late
    report = post_due_prompts(engine, ny(MONDAY, time(10, 30)))
    assert [(r.posted, r.late) for r in report.results] == [(3, True)]
    for at in (time(10, 31), time(16, 0), time(23, 59)):
        assert post_due_prompts(engine, ny(MONDAY, at)).deliveries == 0
    assert counts(engine) == (3, 3, 6)
    digest = render(build_digest(engine, PROGRAM, ny(MONDAY + timedelta(days=4), time(15))))
    assert "posted to 3 match(es) Mon 19 Oct 09:00, 3 late" in digest


def test_beyond_grace_is_skipped_reported_and_can_be_sent_by_hand(engine, setup_program) -> None:
    setup_program(grace_minutes=120)
    post_due_prompts(engine, ny(MONDAY - timedelta(days=3)))  # running on Friday, then down
    assert post_due_prompts(engine, ny(MONDAY, time(11, 30))).deliveries == 0  # 2h30 late: too late
    assert post_due_prompts(engine, ny(MONDAY + timedelta(days=1), time(8))).deliveries == 0
    assert counts(engine) == (0, 0, 0)
    digest = build_digest(engine, PROGRAM, ny(MONDAY + timedelta(days=4), time(15)))
    text = render(digest)
    assert "MISSED for 3 (mentorbot was not running)" in text
    assert "the prompt for the week of 19 Oct was NOT sent" in text and "send-now" in text
    assert {m.key: m.prompt for m in digest.matches}["dana-ana"] == "MISSED (bot down)"
    # a coordinator decides to send it anyway: once, however often they press the button
    assert send_now(engine, PROGRAM, ny(MONDAY + timedelta(days=1), time(10))).posted == 3
    assert send_now(engine, PROGRAM, ny(MONDAY + timedelta(days=1), time(11))).posted == 0
    assert counts(engine) == (3, 3, 6)


def test_a_crash_before_commit_loses_nothing_and_duplicates_nothing(engine, setup_program,
                                                                     monkeypatch) -> None:
    setup_program()

    def crash(session, rows, **_shared):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut while writing the outbox")

    monkeypatch.setattr(outbox, "insert_batch", crash)
    with pytest.raises(RuntimeError):
        post_due_prompts(engine, ny(MONDAY))
    monkeypatch.undo()
    assert counts(engine) == (0, 0, 0)  # the whole week's transaction rolled back
    assert post_due_prompts(engine, ny(MONDAY, time(9, 1))).deliveries == 6
    assert counts(engine) == (3, 3, 6)


KILLED = """
import os, sys, time
from datetime import datetime
from pathlib import Path
from storage.db import make_engine
from storage.keyring import KeyRing
from bot.prompts import weekly
from storage import outbox
original = outbox.insert_batch
def slow(session, rows, **shared):
    original(session, rows, **shared)
    print("READY", flush=True)   # rows written, transaction still open
    time.sleep(60)
outbox.insert_batch = slow
ring = KeyRing.from_file(Path(os.environ["ENCRYPTION_KEY_FILE"]))  # the test ring (tests/conftest.py)
weekly.post_due_prompts(make_engine(sys.argv[1], keyring=ring), datetime.fromisoformat(sys.argv[2]))
"""


def test_a_process_killed_mid_post_then_a_restart_posts_once(engine, setup_program) -> None:
    setup_program()
    url = engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen([sys.executable, "-c", KILLED, url, ny(MONDAY).isoformat()], cwd=REPO,
                             stdout=subprocess.PIPE, text=True, env=os.environ | {"PYTHONPATH": str(REPO)})
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    engine.dispose()  # the restarted process: fresh connections
    restarted = make_engine(url)
    try:
        report = post_due_prompts(restarted, ny(MONDAY, time(9, 2)))
        assert sum(r.posted for r in report.results) == 3
        assert post_due_prompts(restarted, ny(MONDAY, time(9, 3))).deliveries == 0
        assert counts(restarted) == (3, 3, 6)
    finally:
        restarted.dispose()


def test_two_processes_on_one_database_post_each_prompt_once(engine, setup_program) -> None:
    """Two mentorbot processes (own engines, own connections) tick at the same moments all term."""
    setup_program()
    url = engine.url.render_as_string(hide_password=False)
    engines = [make_engine(url), make_engine(url)]
    weeks = [MONDAY + timedelta(days=7 * i) for i in range(5)]  # up to Thanksgiving week
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def process(own: Engine) -> None:
        try:
            for week in weeks:
                for at in (time(9, 0), time(9, 1)):
                    barrier.wait(10)
                    post_due_prompts(own, ny(week, at))
                barrier.wait(10)
                send_now(own, PROGRAM, ny(week, time(9, 5)))
        except BaseException as error:  # surfaced below
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=process, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for e in engines:
        e.dispose()
    assert not errors, errors
    for week in weeks:
        assert counts(engine, week) == (3, 3, 6), week
