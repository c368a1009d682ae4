"""Weekly prompt fan-out: prepare+enqueue for N matches, then delivery against rate-limited fakes.

    .venv/bin/python benchmarks/prompt_fanout.py --matches 10000 --posts 1000
    .venv/bin/python benchmarks/prompt_fanout.py --matches 10000 --repeat 5 --posts 0 --platform discord
    .venv/bin/python benchmarks/prompt_fanout.py --skip-prepare --posts 10000 --platform discord

Part 1 times ``post_due_prompts`` (plan, one PromptPost/log row per match, one outbox row per
channel, one transaction) on a fresh SQLite file. Part 2 drains ``--posts`` outbox rows with the real
DeliveryWorker through thin HTTP adapters to fake platforms on 127.0.0.1 that enforce the published
limits and answer 429 beyond them: Discord 50 requests/s per bot (sliding 1 s window); Slack 1
message/s per channel and 300/min per workspace, ``--workspaces`` served in parallel.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiohttp import ClientSession, web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.messages import Outbound  # noqa: E402
from bot.ports import Capabilities, DeliveryError  # noqa: E402
from bot.prompts.weekly import post_due_prompts  # noqa: E402
from storage.db import open_database, sqlite_url  # noqa: E402

MONDAY_9AM_NY = datetime(2026, 10, 19, 13, 0, tzinfo=UTC)


def seed_program(engine, matches: int) -> None:  # type: ignore[no-untyped-def]
    """A program with ``matches`` active one-to-one matches, two people and two channels each."""
    # Over 60 lines by design: one straight-line fixture (program, people, matches, channels, topics).
    from sqlalchemy import insert

    from storage.models import Match, MatchMember, Person, Program, SupervisedChannel

    now = MONDAY_9AM_NY - timedelta(days=1)  # created the day before: no earlier weeks to report missed
    with engine.begin() as conn:
        conn.execute(
            insert(Program.__table__),
            [
                {
                    "id": "bench",
                    "name": "Bench",
                    "timezone": "America/New_York",
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        conn.execute(
            insert(Person.__table__),
            [
                {
                    "id": i + 1,
                    "program_id": "bench",
                    "key": f"p{i}",
                    "role": "mentor" if i % 2 == 0 else "student",
                    "display_name": f"Person {i}",
                    "grade": None if i % 2 == 0 else 9 + (i // 2) % 2,
                    "active": True,
                }
                for i in range(2 * matches)
            ],
        )
        conn.execute(
            insert(Match.__table__),
            [
                {
                    "id": m + 1,
                    "program_id": "bench",
                    "key": f"m{m}",
                    "model": "one-to-one",
                    "status": "active",
                    "started_on": date(2026, 9, 15),
                    "prompts_paused": False,
                }
                for m in range(matches)
            ],
        )
        conn.execute(
            insert(MatchMember.__table__),
            [
                {"match_id": m + 1, "person_id": 2 * m + 1 + side, "role": ("mentor", "student")[side]}
                for m in range(matches)
                for side in (0, 1)
            ],
        )
        conn.execute(
            insert(SupervisedChannel.__table__),
            [
                {
                    "match_id": m + 1,
                    "platform": "console",
                    "workspace": "w",
                    "channel": f"m{m}-{side}",
                    "side": side,
                    "active": True,
                    "linked_at": now,
                }
                for m in range(matches)
                for side in ("mentor", "student")
            ],
        )


def bench_prepare(matches: int) -> float:
    """One fresh database, one week's fan-out; returns the wall-clock seconds of the post."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(sqlite_url(Path(tmp) / "bench.db"))
        seed_program(engine, matches)
        started, cpu = time.perf_counter(), time.process_time()
        report = post_due_prompts(engine, MONDAY_9AM_NY)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        again = time.perf_counter()
        second = post_due_prompts(engine, MONDAY_9AM_NY + timedelta(minutes=1))
        idle = time.perf_counter() - again
        result = report.results[0]
        print(
            f"prepare+enqueue: {result.posted} matches, {result.deliveries} outbox rows, "
            f"{result.posted} log rows in {took:.3f} s (SQLite; CPU {cpu:.3f} s); "
            f"next tick (nothing to do) {idle * 1000:.1f} ms, "
            f"posted {second.deliveries}"
        )
        engine.dispose()
        return took


# -- fake platforms --------------------------------------------------------------------------------


class Fakes:
    def __init__(self) -> None:
        self.discord_window: collections.deque[float] = collections.deque()
        self.slack_ws: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self.slack_channel: dict[str, float] = {}
        self.ok = collections.Counter()
        self.limited = collections.Counter()

    async def discord(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        while self.discord_window and now - self.discord_window[0] >= 1.0:
            self.discord_window.popleft()
        if len(self.discord_window) >= 50:
            self.limited["discord"] += 1
            return web.json_response(
                {"message": "You are being rate limited.", "retry_after": 1.0, "global": True}, status=429
            )
        self.discord_window.append(now)
        self.ok["discord"] += 1
        return web.json_response({"id": str(self.ok["discord"])})

    async def slack(self, request: web.Request) -> web.Response:
        body = await request.json()
        now = time.monotonic()
        team, channel = request.headers["X-Team"], body["channel"]
        window = self.slack_ws[team]
        while window and now - window[0] >= 60.0:
            window.popleft()
        last = self.slack_channel.get(f"{team}/{channel}")
        if len(window) >= 300 or (last is not None and now - last < 1.0):
            self.limited["slack"] += 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        window.append(now)
        self.slack_channel[f"{team}/{channel}"] = now
        self.ok["slack"] += 1
        return web.json_response({"ok": True, "ts": f"{self.ok['slack']}.0001"})


class HttpAdapter:
    """A thin adapter: one POST per message (the real adapters ride on discord.py / slack_sdk)."""

    capabilities = Capabilities()

    def __init__(self, *, name: str, base: str, session: ClientSession):
        from adapters.registry import PLATFORMS

        self.name, self.base, self.session = name, base, session
        self.facts = PLATFORMS[name]  # the platform's published limits pace the worker

    async def send(self, message: Outbound) -> str:
        if self.name == "discord":
            url, headers = f"{self.base}/discord/channels/{message.channel.channel}/messages", {}
        else:
            url, headers = f"{self.base}/slack/chat.postMessage", {"X-Team": message.channel.workspace}
        async with self.session.post(
            url, json={"channel": message.channel.channel, "content": message.text}, headers=headers
        ) as response:
            data = await response.json()
            if response.status == 429:
                raise DeliveryError("rate limited", retry_after=float(response.headers.get("Retry-After", 1)))
            return str(data.get("id") or data.get("ts"))


def seed_outbox(engine, platform_name: str, posts: int, workspaces: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from storage.models import Delivery

    now = datetime.now(UTC) - timedelta(seconds=1)
    with engine.begin() as conn:
        conn.execute(
            insert(Delivery.__table__),
            [
                {
                    "idempotency_key": f"prompt:bench:{i}",
                    "kind": "prompt",
                    "platform": platform_name,
                    "workspace": f"T{i % workspaces}",
                    "channel": f"C{i}",
                    "text": f"Hi! This week in class: topic {i}",
                    "sender_name": "mentorbot",
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for i in range(posts)
            ],
        )


async def bench_delivery(platform_name: str, posts: int, workspaces: int) -> None:
    from bot.delivery.worker import DeliveryWorker
    from storage.clock import utcnow

    fakes = Fakes()
    app = web.Application()
    app.router.add_post("/discord/channels/{channel}/messages", fakes.discord)
    app.router.add_post("/slack/chat.postMessage", fakes.slack)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(sqlite_url(Path(tmp) / "bench.db"))
        seed_outbox(engine, platform_name, posts, workspaces if platform_name == "slack" else 1)
        async with ClientSession() as session:
            adapter = HttpAdapter(name=platform_name, base=f"http://127.0.0.1:{port}", session=session)
            worker = DeliveryWorker(
                engine=engine, adapters={platform_name: adapter}, clock=utcnow, on_failure=lambda *a: None
            )
            started = time.perf_counter()
            done = 0
            while done < posts and time.perf_counter() - started < 3600:
                done += await worker.run_once()
                if fakes.ok[platform_name] < posts:
                    await asyncio.sleep(0.2)  # rows waiting for a retry_after
            took = time.perf_counter() - started
        engine.dispose()
    await runner.cleanup()
    sent = fakes.ok[platform_name]
    rate = sent / took
    if platform_name == "discord":
        limit = f"({rate / 50:.0%} of the 50/s per-bot limit)"
    else:
        limit = f"over {workspaces} workspaces (limits: 1/s per channel, 300/min per workspace)"
    print(
        f"delivery {platform_name}: {sent}/{posts} posts in {took:.1f} s = {rate:.1f}/s {limit}, "
        f"{fakes.limited[platform_name]} responses 429"
    )


def main() -> None:
    from storage.encryption import install_keyring
    from storage.keyring import KeyRing, new_secret

    install_keyring(KeyRing.single(new_secret()))  # a throwaway key for the sealed columns (issue 15)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matches", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=1_000, help="outbox rows to deliver per platform")
    parser.add_argument("--workspaces", type=int, default=10, help="Slack workspaces served in parallel")
    parser.add_argument("--platform", choices=["discord", "slack", "both"], default="both")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="prepare runs (each on a fresh database)")
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    if not args.skip_prepare:
        runs = sorted(bench_prepare(args.matches) for _ in range(args.repeat))
        if len(runs) > 1:
            print(
                f"prepare+enqueue over {len(runs)} runs: median {statistics.median(runs):.3f} s, "
                f"range {runs[0]:.3f}-{runs[-1]:.3f} s; load average {os.getloadavg()[0]:.2f}"
            )
    for name in ["discord", "slack"] if args.platform == "both" else [args.platform]:
        if args.posts > 0:  # --posts 0: the prepare part only
            asyncio.run(bench_delivery(name, args.posts, args.workspaces))


if __name__ == "__main__":
    main()
