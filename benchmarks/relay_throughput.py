"""How fast the relay records and delivers: messages per second through the whole pipeline.

Each message is deduplicated, located, gated, policed by the real policy, written with its hash-chained
log row and outbox rows in one transaction, then delivered by the worker through the console adapter.

    .venv/bin/python benchmarks/relay_throughput.py [--messages 2000] [--database-url URL | --postgres]
        [--rules-only] [--repeat] [--batch N] [--replicas N] [--group N] [--no-deliver]
        [--concurrency N [--programs K]]

The policy runs both layers (rules, then the sentence encoder) unless ``--rules-only``. Every
message is a new text by default (the encoder keeps a cache of texts it has embedded, so
repeating four texts would measure the cache); ``--repeat`` cycles the four texts instead.
``--batch N`` embeds each run of N arriving messages in one batch (``Policy.prime``) before
recording them one by one, as a relay that drains a backlog of concurrent events would; the time
of the batch is counted. ``--postgres`` starts a throwaway PostgreSQL cluster (tests/support/pg.py:
fsync off, as in the tests). ``--replicas N`` (PostgreSQL) runs N processes recording at once into
the one database, each on its own match of the sample program (so all share the program's hash
chain, the worst case); the figure is all messages over the wall time from the first start to the
last finish. Percentiles are over every message's ``Relay.record`` call. ``--group N`` records
each run of N events with ``Relay.record_many`` (one commit, a savepoint per event, as ``Core``
does for events that arrive together); each event's time is its group's, since its caller waits
for the one commit. ``--concurrency N`` records from N threads of one process at once (``Core``
runs each event's transaction in a worker thread), record only; with ``--programs K`` the threads
spread over K copies of the sample program — a district process serving several schools, each
with its own hash chain. That is a different workload from the single-program figure (one
program's appends queue on its one chain head), not a replacement for it: report both.

Personal data is sealed at rest (issue 15) with a throwaway key here (one per run, handed to the
replicas' processes in the environment). The script also runs against a tree from before
encryption (``PYTHONPATH=<that tree>``: the key is installed only where ``storage.encryption``
exists), so the cost of encryption is measured as before/after pairs. Process CPU time per message
is printed too: it moves far less than wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from adapters.console import ConsoleAdapter  # noqa: E402
from bot.app import build_app, platform_names  # noqa: E402
from bot.messages import ChannelRef, Inbound, InboundKind  # noqa: E402
from bot.relay.policy_cache import PolicyBook  # noqa: E402
from bot.roster.importer import import_roster  # noqa: E402
from bot.settings import Settings  # noqa: E402
from policies import PolicyContext  # noqa: E402
from storage.db import open_database, sqlite_url  # noqa: E402

ROSTER = ROOT / "examples" / "sample-program.yml"
BENCH_KEY = "MENTORBOT_BENCH_KEY"  # the run's throwaway key (base64), shared with replica processes
TEXTS = [
    "Hi Ana! How did the robotics meet go on Saturday? I heard your team placed third.",
    "Thanks Dana, we did! The arm kept dropping the cube but we fixed it in room 214.",
    "Nice work. When I started at the utility in 2012 our first project failed twice too.",
    "Can you look at my resume before the job shadow day on 10/14? I added the internship.",
]
# (sender, channel) per replica: each replica relays one match of the sample program
LANES = [("dana", "dana-ana-mentor"), ("kim", "kim-hal-mentor"), ("ivy", "ivy-ana-mentor"),
         ("raj", "raj-group-mentor")]


def text_for(n: int, repeat: bool) -> str:
    base = TEXTS[n % len(TEXTS)]
    if repeat:
        return base
    topic = ["robotics", "the essay", "the interview", "my resume", "the internship", "python class"]
    return f"{base} Also, about {topic[n // 4 % len(topic)]}: update {n // 24} coming soon."


def install_bench_key() -> None:
    """A throwaway process-wide key ring where this tree seals data at rest (none before issue 15)."""
    try:
        from storage.encryption import install_keyring
        from storage.keyring import KeyRing, decode_secret, new_secret
    except ImportError:
        return
    if BENCH_KEY not in os.environ:
        os.environ[BENCH_KEY] = base64.b64encode(new_secret()).decode("ascii")
    install_keyring(KeyRing.single(decode_secret(os.environ[BENCH_KEY], where=BENCH_KEY)))


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1e3


@contextmanager
def database(url: str | None, postgres: bool):
    """The database URL to use: the one given, a throwaway PostgreSQL cluster, or a temp SQLite file."""
    if url:
        yield url
        return
    if postgres:
        from support.pg import start_cluster

        cluster = start_cluster()
        try:
            import psycopg

            with psycopg.connect(cluster.admin_url.replace("+psycopg", ""), autocommit=True) as conn:
                conn.execute("CREATE DATABASE bench")
            yield cluster.url("bench")
        finally:
            cluster.stop()
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield sqlite_url(Path(tmp) / "bench.db")


def prepare(url: str, programs: int = 1) -> None:
    """The sample program, and ``programs - 1`` copies of it (``riverside-ptech-2``… in the console
    workspaces ``demo2``…: each program has its own hash chain, as a district's schools do)."""
    engine = open_database(url, migrate=True)
    import_roster(engine, ROSTER, platforms=platform_names())
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(2, programs + 1):
            copy = Path(tmp) / f"program-{k}.yml"
            copy.write_text(ROSTER.read_text().replace("id: riverside-ptech", f"id: riverside-ptech-{k}")
                            .replace("workspace: demo", f"workspace: demo{k}"))
            import_roster(engine, copy, platforms=platform_names())
    engine.dispose()


def concurrent_lanes(url: str, args: argparse.Namespace) -> dict:
    """``--concurrency N`` threads of one process recording at once (as ``Core.handle`` runs each
    event in a worker thread), thread t in program ``t % --programs``, each on its own match."""
    from concurrent.futures import ThreadPoolExecutor

    from policies import load_policy

    engine = open_database(url, migrate=False)
    console = ConsoleAdapter(workspace="demo")
    moment, lock = [datetime(2026, 10, 13, 18, 0, tzinfo=UTC)], threading.Lock()

    def clock() -> datetime:
        return moment[0]

    book = PolicyBook(lambda path: load_policy(path, rules_only=args.rules_only))
    app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine, clock=clock,
                    policies=book)
    book.for_file(None).evaluate("warm up", PolicyContext())
    each = args.messages // args.concurrency

    def lane(t: int) -> list[float]:
        program = t % args.programs
        author, channel = LANES[(t // args.programs) % len(LANES)]
        workspace = "demo" if program == 0 else f"demo{program + 1}"
        times = []
        for n in range(each):
            event = Inbound(kind=InboundKind.MESSAGE, channel=ChannelRef("console", workspace, channel),
                            message_id=f"c{t}-{n}", event_key=f"bench:{time.time_ns()}:{t}:{n}",
                            author_id=author, text=text_for(n + t * each, args.repeat))
            with lock:
                moment[0] += timedelta(seconds=5)
            t0 = time.perf_counter()
            app.core.relay.record(event)
            times.append(time.perf_counter() - t0)
        return times

    began, cpu = time.time(), time.process_time()
    with ThreadPoolExecutor(args.concurrency) as pool:
        times = [t for share in pool.map(lane, range(args.concurrency)) for t in share]
    return {"began": began, "ended": time.time(), "times": times, "cpu": time.process_time() - cpu}


async def record_lane(url: str, lane: int, messages: int, rules_only: bool, repeat: bool,
                      batch: int, start_at: float | None = None, group: int = 1) -> dict:
    """One process's share: ``messages`` events from one sender in one channel, timed one by one."""
    engine = open_database(url, migrate=False)
    console = ConsoleAdapter(workspace="demo")
    author, channel = LANES[lane % len(LANES)]
    moment = [datetime(2026, 10, 13, 18, 0, tzinfo=UTC)]

    def clock() -> datetime:  # a school afternoon, 5 s between messages (no flood holds)
        return moment[0]

    from policies import load_policy

    book = PolicyBook(lambda path: load_policy(path, rules_only=rules_only))
    app = build_app(Settings(_env_file=None), adapters={"console": console}, engine=engine, clock=clock,
                    policies=book)
    await console.start(app.core)
    policy = book.for_file(None)
    policy.evaluate("warm up", PolicyContext())  # load before timing
    if start_at is not None:
        await asyncio.sleep(max(0.0, start_at - time.time()))
    times: list[float] = []
    began, cpu = time.time(), time.process_time()
    group_of: list[Inbound] = []
    for n in range(messages):
        if batch > 1 and n % batch == 0:
            policy.prime([text_for(k + lane * messages, repeat) for k in range(n, min(n + batch, messages))])
        event = Inbound(kind=InboundKind.MESSAGE, channel=console.ref(channel), message_id=f"b{lane}-{n}",
                        event_key=f"bench:{time.time_ns()}:{lane}:{n}", author_id=author,
                        text=text_for(n + lane * messages, repeat))
        moment[0] += timedelta(seconds=5)
        if group > 1:  # every event of a group waits for the group's one commit
            group_of.append(event)
            if len(group_of) == group or n == messages - 1:
                t0 = time.perf_counter()
                results = app.core.relay.record_many(group_of)
                times += [time.perf_counter() - t0] * len(group_of)
                assert all(r is True for r in results), results
                group_of = []
            continue
        t0 = time.perf_counter()
        app.core.relay.record(event)
        times.append(time.perf_counter() - t0)
    ended, cpu = time.time(), time.process_time() - cpu
    return {"began": began, "ended": ended, "times": times, "cpu": cpu, "app": app}


def describe(url: str, messages: int, rules_only: bool, repeat: bool, batch: int, replicas: int,
             group: int = 1) -> str:
    backend = url.split(":", 1)[0].split("+")[0]
    if rules_only:
        layers = "rules only"
    else:
        from policies.encoder.layer import shared_model

        model = shared_model()  # the one the run used (loaded already, unless in replicas only)
        layers = f"rules + sentence encoder ({model.backend}, {model.threads} thread(s))"
    texts = ("4 texts repeated" if repeat else "every text new") + (
        f"; embedded in batches of {batch}" if batch > 1 else "")
    who = f"; replicas: {replicas} (one match each, one program chain)" if replicas > 1 else ""
    grouped = f"; group commit of {group} (a savepoint each)" if group > 1 else ""
    return f"backend: {backend}; messages: {messages}; policy: {layers}; {texts}{who}{grouped}"


def report_record(label: str, count: int, seconds: float, times: list[float]) -> None:
    print(f"{label}: {count / seconds:,.0f} msg/s; p50 {statistics.median(times) * 1e3:.2f} ms, "
          f"p95 {percentile(times, 0.95):.2f} ms, p99 {percentile(times, 0.99):.2f} ms")


def concurrent(url: str, args: argparse.Namespace) -> None:
    lane = concurrent_lanes(url, args)
    count = len(lane["times"])
    print(describe(url, count, args.rules_only, args.repeat, 1, 1)
          + f"; {args.concurrency} threads in one process over {args.programs} program(s) (a chain each)")
    report_record(f"record, {args.concurrency} concurrent events in one process", count,
                  lane["ended"] - lane["began"], lane["times"])
    print(f"record CPU {lane['cpu'] / count * 1e3:.2f} ms/msg")


async def single(url: str, args: argparse.Namespace) -> None:
    lane = await record_lane(url, 0, args.messages, args.rules_only, args.repeat, args.batch,
                             group=args.group)
    print(describe(url, args.messages, args.rules_only, args.repeat, args.batch, 1, args.group))
    report_record("record (dedupe + gates + policy + log + outbox, one transaction each)",
                  args.messages, lane["ended"] - lane["began"], lane["times"])
    print(f"record CPU {lane['cpu'] / args.messages * 1e3:.2f} ms/msg")
    if args.no_deliver:
        return
    t1, cpu = time.perf_counter(), time.process_time()
    delivered = await lane["app"].delivery.run_once(max_passes=args.messages + 10)
    delivering, deliver_cpu = time.perf_counter() - t1, time.process_time() - cpu
    print(f"deliver (one channel, strictly in order): {delivered / delivering:,.0f} deliveries/s "
          f"({delivered} deliveries in {delivering:.2f} s); "
          f"CPU {deliver_cpu / max(delivered, 1) * 1e3:.2f} ms/delivery")


def replicated(url: str, args: argparse.Namespace) -> None:
    """Start ``--replicas`` processes that record at the same moment; sum their figures."""
    start_at = time.time() + 8 + 4 * args.replicas  # after every process loaded its policy
    each = args.messages // args.replicas
    command = [sys.executable, __file__, "--lane-of", "--database-url", url, "--messages", str(each),
               "--batch", str(args.batch), "--start-at", str(start_at), "--group", str(args.group)]
    command += ["--rules-only"] * args.rules_only + ["--repeat"] * args.repeat
    procs = [subprocess.Popen([*command, "--lane", str(i)], stdout=subprocess.PIPE, text=True)
             for i in range(args.replicas)]
    results = [json.loads(p.communicate(timeout=900)[0].strip().splitlines()[-1]) for p in procs]
    if any(r["began"] < start_at - 0.5 for r in results):
        print("warning: a replica started before the others were ready", file=sys.stderr)
    times = [t for r in results for t in r["times"]]
    wall = max(r["ended"] for r in results) - min(r["began"] for r in results)
    print(describe(url, each * args.replicas, args.rules_only, args.repeat, args.batch, args.replicas,
                   args.group))
    report_record(f"record, {args.replicas} processes at once (all together)", len(times), wall, times)
    for i, r in enumerate(results):
        report_record(f"  replica {i}", len(r["times"]), r["ended"] - r["began"], r["times"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL cluster")
    parser.add_argument("--rules-only", action="store_true", help="the rules layer alone")
    parser.add_argument("--repeat", action="store_true", help="cycle the four texts (cache hits)")
    parser.add_argument("--batch", type=int, default=1, help="embed N arriving messages at once")
    parser.add_argument("--replicas", type=int, default=1, help="processes recording at once (PostgreSQL)")
    parser.add_argument("--group", type=int, default=1,
                        help="record N events per commit (Relay.record_many: a savepoint each)")
    parser.add_argument("--no-deliver", action="store_true", help="time recording only")
    parser.add_argument("--concurrency", type=int, default=1,
                        help="threads recording at once in one process (record only)")
    parser.add_argument("--programs", type=int, default=1,
                        help="programs (own hash chain each) the concurrent threads spread over")
    parser.add_argument("--lane-of", action="store_true", help=argparse.SUPPRESS)  # a replica's process
    parser.add_argument("--lane", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    install_bench_key()
    if args.lane_of:
        lane = asyncio.run(record_lane(args.database_url, args.lane, args.messages, args.rules_only,
                                       args.repeat, args.batch, args.start_at, args.group))
        print(json.dumps({k: lane[k] for k in ("began", "ended", "times", "cpu")}))
        os._exit(0)
    with database(args.database_url, args.postgres) as url:
        if args.replicas > 1 and not url.startswith("postgresql"):
            parser.error("--replicas needs PostgreSQL (--postgres or --database-url postgresql://…)")
        prepare(url, args.programs)
        if args.replicas > 1:
            replicated(url, args)
        elif args.concurrency > 1:
            concurrent(url, args)
        else:
            asyncio.run(single(url, args))


if __name__ == "__main__":
    main()
