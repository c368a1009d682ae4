"""Crash cycles: how many messages a SIGKILLed `mentorbot run` loses, doubles or reorders.

The real `mentorbot run` runs against the repository's fake Slack and fake Discord (tests/fakes)
with an all-Slack, an all-Discord and a cross-platform match while the six people write in turn;
every cycle kills it with SIGKILL during start-up, right after a fake platform stored one of its
posts (before the outbox recorded it) or at a random moment while relaying, then starts it again.
A last run delivers what is left and stops with SIGTERM. The rig is tests/reliability/crashrig.py,
the same one the test suite runs with 20 cycles.

With ``--replicas 3`` it runs a district instead (tests/reliability/replicarig.py): three replicas on
PostgreSQL (``--database-url``, or a throwaway cluster it starts), one Discord shard and one Slack
connection each, one of them killed and restarted every cycle; prompts and the digest must go out
once, and a SIGTERM to all must end them in time.

    .venv/bin/python benchmarks/crash_cycles.py [--cycles 30] [--seed N] [--interval 1.0] [--keep]
    .venv/bin/python benchmarks/crash_cycles.py --replicas 3 [--cycles 20] [--database-url URL]

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
from replicarig import ReplicaRig  # noqa: E402


async def main(cycles: int, seed: int, interval: float, keep: bool, replicas: int, url: str | None) -> int:
    folder = Path(tempfile.mkdtemp(prefix="mentorbot-crash-"))
    if replicas > 1:
        async with ReplicaRig(folder, seed=seed, database_url=url or "", replicas=replicas,
                              interval=interval / 2) as rig:
            report = await rig.run(cycles)
        print(f"replicas               {replicas} on PostgreSQL; prompts per channel "
              f"{sorted(report.prompts.values())}, digests {report.digests}")
        print(f"final SIGTERM          exit codes {report.exit_codes} in {report.exit_seconds:.1f} s")
        print(f"Slack events acked     per connection {dict(sorted(report.handled_by.items()))}")
    else:
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


def throwaway_database():  # type: ignore[no-untyped-def]
    """A PostgreSQL cluster on 127.0.0.1 in a temp folder (tests/support/pg.py) and a database in it."""
    from sqlalchemy import create_engine, text

    from support.pg import start_cluster

    cluster = start_cluster()
    admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE replicas"))
    admin.dispose()
    return cluster, cluster.url("replicas")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between two messages")
    parser.add_argument("--keep", action="store_true", help="keep the database and process logs")
    parser.add_argument("--replicas", type=int, default=1, help="N > 1: replicas on PostgreSQL")
    parser.add_argument("--database-url", default=None, help="an empty, migrated-or-not PostgreSQL "
                        "database (default: a throwaway cluster)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    cluster = None
    url = args.database_url
    if args.replicas > 1 and url is None:
        cluster, url = throwaway_database()
    try:
        sys.exit(asyncio.run(main(args.cycles, seed, args.interval, args.keep, args.replicas, url)))
    finally:
        if cluster is not None:
            cluster.stop()
