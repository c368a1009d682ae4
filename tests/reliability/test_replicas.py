"""A district's deployment, tried the hard way: three replicas of the real ``mentorbot run`` on one
PostgreSQL database, against the fake Slack and the fake Discord, people writing steadily, one
replica SIGKILLed and restarted again and again (tests/reliability/replicarig.py).

Afterwards every message is on the other side of its match exactly once and each channel shows
them in the order they were sent; the weekly prompt (due when the replicas start, so all three
schedulers tick for it) reached each channel once and the digest the review channel once; and a
SIGTERM to all three at once let each finish or give back its work and exit 0 within the bound.
``CRASH_SEED`` replays a run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from replicarig import ReplicaRig
from sqlalchemy import Engine

CYCLES = 5
GRACE = 6.0


@pytest.mark.postgres
async def test_three_replicas_one_killed_again_and_again_lose_nothing_double_nothing_post_once(
        tmp_path: Path, pg_engine: Engine) -> None:
    seed = int(os.environ.get("CRASH_SEED") or random.randrange(1_000_000))
    url = pg_engine.url.render_as_string(hide_password=False)
    async with ReplicaRig(tmp_path, seed=seed, database_url=url, shutdown_grace=GRACE) as rig:
        report = await rig.run(CYCLES)
    print(report.summary())
    assert report.lost == [] and report.duplicated == [] and report.out_of_order == [], report.summary()
    assert report.delivered_once == report.sent >= 3 * CYCLES, report.summary()
    assert set(report.prompts.values()) == {1} and len(report.prompts) == 8, report.summary()
    assert report.digests == 1, report.summary()
    assert report.exit_codes == [0, 0, 0] and report.exit_seconds < GRACE + 3, report.summary()
    # it really crashed in each way it claims, and Slack really spread events over more than one
    # socket (each replica's life opens its own). Two, not three: with ≈ 15 Slack events and
    # replicas down for seconds at a time on a loaded machine, a third socket acking one is chance
    # (a local run under load saw two, with nothing lost, doubled or out of order)
    assert report.kills["running"] >= CYCLES // 3 and report.kills["startup"] >= 1, report.summary()
    assert len(report.handled_by) >= 2, report.summary()
