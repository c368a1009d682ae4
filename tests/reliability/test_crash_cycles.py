"""The promise "a crash delays a message but never drops or repeats it", tried the hard way.

The real ``mentorbot run`` is SIGKILLed at random moments — during start-up, right after a fake
platform stored one of its posts (before the outbox could record it), and while relaying — at
least 20 times, with people writing steadily in an all-Slack, an all-Discord and a cross-platform
match (tests/reliability/crashrig.py). Afterwards every message must be on the other side of its
match exactly once, each channel in the order it was sent. ``CRASH_SEED`` replays a run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from crashrig import CrashRig

CYCLES = 20


async def test_twenty_kills_lose_nothing_double_nothing_and_keep_each_channels_order(tmp_path: Path) -> None:
    seed = int(os.environ.get("CRASH_SEED") or random.randrange(1_000_000))
    async with CrashRig(tmp_path, seed=seed) as rig:
        report = await rig.run(CYCLES)
    print(report.summary())
    assert report.lost == [] and report.duplicated == [] and report.out_of_order == [], report.summary()
    assert report.delivered_once == report.sent > 2 * CYCLES, report.summary()
    # the run really crashed in each of the ways it claims to (a quiet run would prove nothing)
    assert report.kills["startup"] >= 6 and report.kills["accepted"] >= 4, report.summary()
    assert sum(report.kills.values()) == CYCLES, report.summary()
