"""How fast the relay records and delivers: messages per second through the whole pipeline.

Each message is deduplicated, located, gated, policed by the real policy, written with its hash-chained
log row and outbox rows in one transaction, then delivered by the worker through the console adapter.

    .venv/bin/python benchmarks/relay_throughput.py [--messages 2000] [--database-url URL]
        [--rules-only] [--repeat] [--batch N]

The policy runs both layers (rules, then the sentence encoder) unless ``--rules-only``. Every
message is a new text by default (the encoder keeps a cache of texts it has embedded, so
repeating four texts would measure the cache); ``--repeat`` cycles the four texts instead.
``--batch N`` embeds each run of N arriving messages in one batch (``Policy.prime``) before
recording them one by one, as a relay that drains a backlog of concurrent events would; the time
of the batch is counted.

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
from policies import PolicyContext
from storage.db import open_database, sqlite_url

ROSTER = Path(__file__).resolve().parents[1] / "examples" / "sample-program.yml"
TEXTS = [
    "Hi Ana! How did the robotics meet go on Saturday? I heard your team placed third.",
    "Thanks Dana, we did! The arm kept dropping the cube but we fixed it in room 214.",
    "Nice work. When I started at the utility in 2012 our first project failed twice too.",
    "Can you look at my resume before the job shadow day on 10/14? I added the internship.",
]


def text_for(n: int, repeat: bool) -> str:
    base = TEXTS[n % len(TEXTS)]
    if repeat:
        return base
    topic = ["robotics", "the essay", "the interview", "my resume", "the internship", "python class"]
    return f"{base} Also, about {topic[n // 4 % len(topic)]}: update {n // 24} coming soon."


async def main(messages: int, database_url: str | None, rules_only: bool, repeat: bool,
               batch: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or sqlite_url(Path(tmp) / "bench.db")
        engine = open_database(url, **_key())
        import_roster(engine, ROSTER, platforms=platform_names())
        console = ConsoleAdapter(workspace="demo")
        moment = [datetime(2026, 10, 13, 18, 0, tzinfo=UTC)]

        def clock() -> datetime:  # a school afternoon, 5 s between messages (no flood holds)
            return moment[0]

        from policies import load_policy

        book = PolicyBook(lambda path: load_policy(path, rules_only=rules_only))
        app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine, clock=clock,
                        policies=book)
        await console.start(app.core)
        book.for_file(None).evaluate("warm up", PolicyContext())  # load before timing
        record_times: list[float] = []
        start, cpu = time.perf_counter(), time.process_time()
        policy = book.for_file(None)
        for n in range(messages):
            if batch > 1 and n % batch == 0:
                policy.prime([text_for(k, repeat) for k in range(n, min(n + batch, messages))])
            event = Inbound(kind=InboundKind.MESSAGE, channel=console.ref("dana-ana-mentor"),
                            message_id=f"b{n}", event_key=f"bench:{time.time_ns()}:{n}", author_id="dana",
                            text=text_for(n, repeat))
            moment[0] += timedelta(seconds=5)
            t0 = time.perf_counter()
            app.core.relay.record(event)
            record_times.append(time.perf_counter() - t0)
        recorded, record_cpu = time.perf_counter() - start, time.process_time() - cpu
        t1, cpu = time.perf_counter(), time.process_time()
        delivered = await app.delivery.run_once(max_passes=messages + 10)
        delivering, deliver_cpu = time.perf_counter() - t1, time.process_time() - cpu
        backend = url.split(":", 1)[0]
        layers = "rules only" if rules_only else "rules + sentence encoder"
        texts = ("4 texts repeated" if repeat else "every text new") + (
            f"; embedded in batches of {batch}" if batch > 1 else "")
        print(f"backend: {backend}; messages: {messages}; policy: {layers}; {texts}")
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
    parser.add_argument("--rules-only", action="store_true", help="the rules layer alone")
    parser.add_argument("--repeat", action="store_true", help="cycle the four texts (cache hits)")
    parser.add_argument("--batch", type=int, default=1, help="embed N arriving messages at once")
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.database_url, args.rules_only, args.repeat, args.batch))
