"""How fast the relay records and delivers: messages per second through the whole pipeline.

Each message is deduplicated, located, gated, policed by the real policy, written with its hash-chained
log row and outbox rows in one transaction, then delivered by the worker through the console adapter.

    .venv/bin/python benchmarks/relay_throughput.py [--messages 2000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from adapters.console import ConsoleAdapter
from bot.app import build_app, platform_names
from bot.messages import Inbound, InboundKind
from bot.relay.policy_cache import PolicyBook
from bot.roster.importer import import_roster
from bot.settings import Settings
from storage.db import open_database, sqlite_url

ROSTER = Path(__file__).resolve().parents[1] / "examples" / "sample-program.yml"
TEXTS = [
    "Hi Ana! How did the robotics meet go on Saturday? I heard your team placed third.",
    "Thanks Dana, we did! The arm kept dropping the cube but we fixed it in room 214.",
    "Nice work. When I started at the utility in 2012 our first project failed twice too.",
    "Can you look at my resume before the job shadow day on 10/14? I added the internship.",
]


async def main(messages: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or sqlite_url(Path(tmp) / "bench.db")
        engine = open_database(url, migrate=True)
        import_roster(engine, ROSTER, platforms=platform_names())
        console = ConsoleAdapter(workspace="demo")
        moment = [datetime(2026, 10, 13, 18, 0, tzinfo=UTC)]

        def clock() -> datetime:  # a school afternoon, 5 s between messages (no flood holds)
            return moment[0]

        policies = PolicyBook()
        app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine, clock=clock,
                        policies=policies)
        await console.start(app.core)
        policies.for_file(None)  # load the policy before timing
        record_times: list[float] = []
        start = time.perf_counter()
        for n in range(messages):
            event = Inbound(kind=InboundKind.MESSAGE, channel=console.ref("dana-ana-mentor"),
                            message_id=f"b{n}", event_key=f"bench:{time.time_ns()}:{n}", author_id="dana",
                            text=TEXTS[n % len(TEXTS)])
            moment[0] += timedelta(seconds=5)
            t0 = time.perf_counter()
            app.core.relay.record(event)
            record_times.append(time.perf_counter() - t0)
        recorded = time.perf_counter() - start
        t1 = time.perf_counter()
        delivered = await app.delivery.run_once(max_passes=messages + 10)
        delivering = time.perf_counter() - t1
        backend = url.split(":", 1)[0]
        print(f"backend: {backend}; messages: {messages}")
        print(f"record (dedupe + gates + policy + log + outbox, one transaction each): "
              f"{messages / recorded:,.0f} msg/s; p50 {statistics.median(record_times) * 1e3:.2f} ms, "
              f"p95 {sorted(record_times)[int(0.95 * len(record_times))] * 1e3:.2f} ms")
        print(f"deliver (one channel, strictly in order): {delivered / delivering:,.0f} deliveries/s "
              f"({delivered} deliveries in {delivering:.2f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.database_url))
