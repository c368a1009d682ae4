"""How fast the relay records and delivers: messages per second through the whole pipeline.

Each message is deduplicated, located, gated, policed by the real policy, written with its hash-chained
log row and outbox rows in one transaction, then delivered by the worker through the console adapter.

    .venv/bin/python benchmarks/relay_throughput.py [--messages 2000] [--database-url URL]

Personal data is sealed at rest (issue 15) with a throwaway key here. The script also runs against a
tree from before encryption (``PYTHONPATH=<that tree>``: it passes a key only where ``open_database``
takes one), so the cost of encryption is measured as before/after pairs. Process CPU time per
message is printed too: it moves far less than wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
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
        engine = open_database(url, **_key())
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
        start, cpu = time.perf_counter(), time.process_time()
        for n in range(messages):
            event = Inbound(kind=InboundKind.MESSAGE, channel=console.ref("dana-ana-mentor"),
                            message_id=f"b{n}", event_key=f"bench:{time.time_ns()}:{n}", author_id="dana",
                            text=TEXTS[n % len(TEXTS)])
            moment[0] += timedelta(seconds=5)
            t0 = time.perf_counter()
            app.core.relay.record(event)
            record_times.append(time.perf_counter() - t0)
        recorded, record_cpu = time.perf_counter() - start, time.process_time() - cpu
        t1, cpu = time.perf_counter(), time.process_time()
        delivered = await app.delivery.run_once(max_passes=messages + 10)
        delivering, deliver_cpu = time.perf_counter() - t1, time.process_time() - cpu
        backend = url.split(":", 1)[0]
        print(f"backend: {backend}; messages: {messages}")
        print(f"record (dedupe + gates + policy + log + outbox, one transaction each): "
              f"{messages / recorded:,.0f} msg/s; p50 {statistics.median(record_times) * 1e3:.2f} ms, "
              f"p95 {sorted(record_times)[int(0.95 * len(record_times))] * 1e3:.2f} ms; "
              f"CPU {record_cpu / messages * 1e3:.2f} ms/msg")
        print(f"deliver (one channel, strictly in order): {delivered / delivering:,.0f} deliveries/s "
              f"({delivered} deliveries in {delivering:.2f} s); "
              f"CPU {deliver_cpu / max(delivered, 1) * 1e3:.2f} ms/delivery")


def _key() -> dict[str, object]:
    """A throwaway key ring where this tree seals data at rest (none before issue 15)."""
    if "keyring" not in inspect.signature(open_database).parameters:
        return {}
    from storage.keyring import KeyRing, new_secret

    return {"keyring": KeyRing.single(new_secret())}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.database_url))
