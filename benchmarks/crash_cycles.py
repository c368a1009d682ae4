"""Crash cycles: how many messages a SIGKILLed `mentorbot run` loses, doubles or reorders.

The real `mentorbot run` runs against the repository's fake Slack and fake Discord (tests/fakes)
with an all-Slack, an all-Discord and a cross-platform match while the six people write in turn;
every cycle kills it with SIGKILL during start-up, right after a fake platform stored one of its
posts (before the outbox recorded it) or at a random moment while relaying, then starts it again.
A last run delivers what is left and stops with SIGTERM. The rig is tests/reliability/crashrig.py,
the same one the test suite runs with 20 cycles.

    .venv/bin/python benchmarks/crash_cycles.py [--cycles 30] [--seed N] [--interval 1.0] [--keep]

Prints the figures; exits 1 if any message was lost, doubled or reordered.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "reliability")]

from crashrig import MODES, CrashRig  # noqa: E402


async def main(cycles: int, seed: int, interval: float, keep: bool) -> int:
    folder = Path(tempfile.mkdtemp(prefix="mentorbot-crash-"))
    async with CrashRig(folder, seed=seed, interval=interval) as rig:
        report = await rig.run(cycles)
    print(f"cycles                 {report.cycles} (seed {report.seed}), {report.starts} starts")
    print("kills                  " + ", ".join(f"{m} {report.kills[m]}" for m in MODES))
    print(f"messages sent          {report.sent}")
    print(f"delivered exactly once {report.delivered_once}")
    print(f"lost                   {len(report.lost)} {report.lost[:20]}")
    print(f"duplicated             {len(report.duplicated)} {report.duplicated[:20]}")
    print(f"channels out of order  {len(report.out_of_order)} {report.out_of_order[:3]}")
    starts = sorted(report.start_seconds)
    if starts:
        print(f"start-up to connected  median {starts[len(starts) // 2]:.1f} s, max {starts[-1]:.1f} s")
    print(f"final drain            {report.drain_seconds:.1f} s; whole run {report.seconds:.1f} s")
    print(f"load average           {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores)")
    if keep:
        print(f"process logs kept in   {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between two messages")
    parser.add_argument("--keep", action="store_true", help="keep the database and process logs")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    sys.exit(asyncio.run(main(args.cycles, seed, args.interval, args.keep)))
