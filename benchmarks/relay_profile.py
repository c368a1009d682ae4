"""Where one recorded message's time goes: cProfile over ``Relay.record`` and every SQL statement.

    .venv/bin/python benchmarks/relay_profile.py [--messages 600] [--postgres] [--top 25] [--cpu]

Runs the SQLite (or throwaway PostgreSQL) set-up of ``relay_throughput.py`` with the rules layer,
profiles only the ``Relay.record`` calls (not the policy's loading), and prints the statements per
message with their mean time at the cursor, then the functions by own time per message and the
same time summed per package. cProfile slows Python code about threefold: read shares, not
absolute figures (docs/benchmarks.md, "The faster relay"). ``--cpu`` times with the process's CPU
clock instead of the wall clock: time spent waiting for the database (and, on a loaded machine,
for a core) drops out. The statements are counted through engine events, so the relay's hot
statements run on the driver's cursor (``storage.driver_statements``: the probe, the chain head,
the log and outbox rows) are not in the count; their Python cost is in the profile.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relay_throughput as bench  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bot.relay.pipeline import Relay  # noqa: E402


def statement_counter(counts: collections.Counter, times: collections.Counter):  # type: ignore[no-untyped-def]
    """An ``open_database`` that counts and times every statement its engine runs."""
    opener = bench.open_database

    def open_counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        engine = opener(*args, **kwargs)

        @event.listens_for(engine, "before_cursor_execute")
        def _before(conn, _cursor, _statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
            conn.info["statement_started"] = time.perf_counter()

        @event.listens_for(engine, "after_cursor_execute")
        def _after(conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
            words = statement.split()
            key = " ".join(words[:4])[:70]
            counts[key] += 1
            times[key] += time.perf_counter() - conn.info["statement_started"]
        return engine
    return open_counted


def by_package(stats: pstats.Stats) -> collections.Counter:
    totals: collections.Counter = collections.Counter()
    for (path, _line, name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "site-packages/" in path:
            key = "/".join(path.split("site-packages/")[1].split("/")[:2])
        elif path.startswith(str(bench.ROOT)):
            key = "/".join(Path(path).relative_to(bench.ROOT).parts[:2])
        else:
            key = name if path.startswith("~") else Path(path).name
        totals[key] += own
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cpu", action="store_true", help="profile CPU time, not wall time")
    args = parser.parse_args()
    bench.install_bench_key()
    counts: collections.Counter = collections.Counter()
    times: collections.Counter = collections.Counter()
    profile = cProfile.Profile(time.process_time) if args.cpu else cProfile.Profile()
    record = Relay.record

    def profiled(self, event):  # type: ignore[no-untyped-def]
        profile.enable()
        try:
            return record(self, event)
        finally:
            profile.disable()

    with bench.database(None, args.postgres) as url:
        bench.prepare(url)
        bench.open_database = statement_counter(counts, times)
        Relay.record = profiled  # type: ignore[method-assign]
        asyncio.run(bench.record_lane(url, 0, args.messages, True, False, 1))
    n = args.messages
    print(f"statements per message: {sum(counts.values()) / n:.2f}")
    for key, count in counts.most_common():
        print(f"  {count / n:5.2f} × {times[key] / count * 1e6:8.1f} µs  {key}")
    stats = pstats.Stats(profile)
    packages = by_package(stats)
    total = sum(packages.values())
    print(f"\nprofiled time per message: {total / n * 1e3:.2f} ms")
    for key, own in packages.most_common(args.top):
        print(f"  {own / total * 100:5.1f} %  {own / n * 1e3:6.3f} ms  {key}")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
