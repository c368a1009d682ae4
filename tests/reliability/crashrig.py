"""The crash-cycle rig: the real ``mentorbot run`` against the repository's fake Slack and fake Discord,
SIGKILLed again and again while people keep writing, then checked for lost, doubled and reordered
messages. Used by tests/reliability/test_crash_cycles.py and benchmarks/crash_cycles.py.

One program with an all-Slack, an all-Discord and a cross-platform match; each of the six people
writes in turn at a steady pace, each message tagged ``crash-test <n>``. Every cycle starts the
bot as a separate process and kills it with SIGKILL in one of three ways:

* ``startup`` — while it is starting: at a random moment after launch, or just after it
  connected to a platform (catch-up, command registration, webhook lookup in progress);
* ``accepted`` — the moment a fake platform has stored one of the bot's posts, before the bot
  gets the answer (so the outbox cannot have recorded it);
* ``running`` — at a random moment while it relays.

After the cycles a last process runs until every message has reached the other side of its match
(bounded in time), and stops with SIGTERM. The report counts, per message, the copies on the other
side: 0 is lost, 2 or more is doubled, and checks that each channel shows them in the order sent.
"""

from __future__ import annotations

import asyncio
import collections
import os
import random
import re
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rworld import TEAM, MatchSpec, Side, World, make_world

from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, message_event

MENTORBOT = str(Path(sys.executable).with_name("mentorbot"))
TAG = re.compile(r"crash-test (\d+)\b")
# The encoder is off here: this rig measures delivery across crashes, and loading the model at
# each of the ~20 starts (slower still on a loaded machine) only widened the rig's own races.
POLICY = ("quiet_hours:\n  on: false\nflood:\n  max_messages: 100000\n  window_seconds: 60\n"
          "encoder:\n  on: false\n")
MODES = ("startup", "accepted", "running")
WEIGHTS = (0.4, 0.35, 0.25)  # start-up kills are the cheapest cycles
AT_LEAST = 0.3  # of the cycles, for each of the first two kinds: every run crashes in every way


@dataclass
class Sent:
    number: int
    match: MatchSpec
    origin: Side

    @property
    def target(self) -> Side:
        return self.match.other(self.origin)

    @property
    def text(self) -> str:
        return f"crash-test {self.number} from {self.origin.name}: how was the lab today?"


@dataclass
class CrashReport:
    cycles: int
    seed: int
    sent: int = 0
    delivered_once: int = 0
    lost: list[int] = field(default_factory=list)
    duplicated: list[int] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    kills: collections.Counter[str] = field(default_factory=collections.Counter)
    starts: int = 0
    start_seconds: list[float] = field(default_factory=list)  # launch to connected to both platforms
    seconds: float = 0.0
    drain_seconds: float = 0.0
    logs: Path | None = None

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.out_of_order) and self.delivered_once == self.sent

    def summary(self) -> str:
        kills = ", ".join(f"{mode} {self.kills[mode]}" for mode in MODES)
        return (f"{self.cycles} cycles (seed {self.seed}), {self.starts} starts, kills: {kills}; "
                f"{self.sent} messages sent, {self.delivered_once} delivered exactly once, "
                f"{len(self.lost)} lost, {len(self.duplicated)} duplicated, "
                f"{len(self.out_of_order)} channel(s) out of order; {self.seconds:.1f} s "
                f"(start-up to connected: median {_median(self.start_seconds):.1f} s; final drain "
                f"{self.drain_seconds:.1f} s); logs in {self.logs}")


class CrashRig:
    """Fakes, world, database and the process under test; ``await rig.run(cycles)`` gives a report."""

    def __init__(self, folder: Path, *, seed: int, interval: float = 1.0, lease: float = 1.5,
                 drain_timeout: float = 120.0) -> None:
        self.folder = folder
        self.rng = random.Random(seed)
        self.seed = seed
        self.interval = interval  # one message every `interval` s, the six people in turn
        self.lease = lease
        # The last life must deliver everything; the bound is generous because start-up alone took
        # a median 12 s on a 2-core machine at load 7-9 (a passing run returns as soon as all arrived).
        self.drain_timeout = drain_timeout
        self.discord = FakeDiscord()
        self.slack: FakeSlack | None = None
        self.world: World | None = None
        self.sent: list[Sent] = []
        self.proc: asyncio.subprocess.Process | None = None
        self.armed = False
        self.report = CrashReport(cycles=0, seed=seed, logs=folder)
        self.database_url = ""

    # ------------------------------------------------------------------ set-up

    async def __aenter__(self) -> CrashRig:
        await self.discord.start()
        self.world = self._make_world()
        self.slack = FakeSlack(workspaces=[self.world.slack], redeliver_after=2.0, seed=self.seed)
        await self.slack.start()
        self.discord.on_accept = self._accepted
        self.slack.on_accept = self._accepted
        policy, roster = self.folder / "policy.yml", self.folder / "program.yml"
        policy.write_text(POLICY)
        roster.write_text(self.world.roster(policy))
        self._prepare_database(roster)
        self.env = self._environment()
        return self

    def _make_world(self) -> World:
        return make_world(self.discord, cross=1, slack_only=1, discord_only=1)

    def _prepare_database(self, roster: Path) -> None:
        """The embedded SQLite file, migrated, with the program imported."""
        from bot.app import platform_names
        from bot.roster.importer import import_roster
        from storage.db import open_database, sqlite_url

        self.database_url = sqlite_url(self.folder / "mentorbot.db")
        engine = open_database(self.database_url)
        import_roster(engine, roster, platforms=platform_names())
        engine.dispose()

    async def __aexit__(self, *exc: object) -> None:
        await self._kill()
        if self.slack is not None:
            await self.slack.stop()
        await self.discord.stop()

    def _environment(self) -> dict[str, str]:
        assert self.slack is not None and self.world is not None
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_", "DELIVERY_", "WEB_", "PROGRAM_",
                                    "REPLICA_", "SHUTDOWN_", "MIGRATE_", "LOG_", "METRICS_", "READY_"))}
        env.update(
            DATABASE_URL=self.database_url, DATA_DIR=str(self.folder / "var"), LOG_LEVEL="INFO",
            DISCORD_TOKEN=self.discord.token, DISCORD_API_BASE=self.discord.api_base,
            DISCORD_GATEWAY_URL=self.discord.gateway_url, DISCORD_GUILD_READY_TIMEOUT="0.3",
            SLACK_BOT_TOKEN=self.world.slack.bot_token, SLACK_APP_TOKEN=self.world.slack.app_token,
            SLACK_API_URL=self.slack.base_url, WEB_HOST="127.0.0.1", WEB_PORT=str(_free_port()),
            DELIVERY_LEASE_SECONDS=str(self.lease), DELIVERY_POLL_SECONDS="0.1",
        )
        return env

    # ------------------------------------------------------------------ people writing

    async def _traffic(self) -> None:
        assert self.world is not None and self.slack is not None
        sides = [(m, side) for m in self.world.matches for side in m.sides]
        while True:
            match, origin = sides[len(self.sent) % len(sides)]
            sent = Sent(len(self.sent) + 1, match, origin)
            self.sent.append(sent)
            try:
                if origin.platform == "discord":  # stored in the channel first, then dispatched
                    await self.discord.user_says(origin.channel, origin.user, sent.text)
                else:  # stored in the channel's history (the catch-up reads it), queued by the fake until
                    # some bot process acks it, redelivered if it never does
                    body = message_event(self.world.slack, origin.channel, origin.user, sent.text)
                    self.slack.remember(body)
                    await self.slack.push(TEAM, body)
            except (ConnectionError, RuntimeError):
                pass  # the socket of a process just killed: the message is stored, the next life gets it
            await asyncio.sleep(self.interval)

    # ------------------------------------------------------------------ the process under test

    async def _spawn(self) -> None:
        log = open(self.folder / f"run-{self.report.starts + 1:02d}.log", "wb")  # noqa: SIM115
        self.proc = await asyncio.create_subprocess_exec(
            MENTORBOT, "run", env=self.env, cwd=self.folder, stdout=log, stderr=asyncio.subprocess.STDOUT)
        log.close()
        self.report.starts += 1

    def _accepted(self, message: dict[str, Any]) -> None:
        """A fake stored one of the bot's posts: when armed, the bot dies before it hears back."""
        if self.armed and self.proc is not None and self.proc.returncode is None:
            self.armed = False
            os.kill(self.proc.pid, signal.SIGKILL)
            self.report.kills["accepted"] += 1

    async def _kill(self, mode: str | None = None) -> None:
        proc, self.armed = self.proc, False
        if proc is None:
            return
        if proc.returncode is None:
            proc.kill()
            if mode:
                self.report.kills[mode] += 1
        await proc.wait()
        self.proc = None

    async def _until(self, check: Any, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline or (self.proc is not None and self.proc.returncode is not None):
                return False
            await asyncio.sleep(0.02)
        return True

    def _connected(self, identifies: int, sockets: int) -> bool:
        assert self.slack is not None
        return len(self.discord.identifies) > identifies and self.slack.connections_opened[TEAM] > sockets

    def _modes(self, cycles: int) -> list[str]:
        """How each cycle ends: a fixed share of start-up and accepted-post kills, the rest drawn."""
        fixed = int(cycles * AT_LEAST)
        modes = ["startup"] * fixed + ["accepted"] * fixed
        modes += self.rng.choices(MODES, WEIGHTS, k=cycles - len(modes))
        self.rng.shuffle(modes)
        return modes

    async def _one_cycle(self, mode: str) -> None:
        assert self.slack is not None
        identifies, sockets = len(self.discord.identifies), self.slack.connections_opened[TEAM]
        await self._spawn()
        if mode == "startup":
            if self.rng.random() < 0.5:
                await asyncio.sleep(self.rng.uniform(0.3, 3.0))  # maybe still importing, maybe connecting
            else:
                await self._until(lambda: self.slack.connections_opened[TEAM] > sockets, 15)
                await asyncio.sleep(self.rng.uniform(0.0, 0.6))  # catch-up and webhook lookups under way
            await self._kill("startup")
            return
        launched = time.monotonic()
        if await self._until(lambda: self._connected(identifies, sockets), 15):
            self.report.start_seconds.append(time.monotonic() - launched)
        if mode == "accepted":
            self.armed = True  # the next post a fake stores kills the bot
            if await self._until(lambda: self.proc is not None and self.proc.returncode is not None, 4):
                await self._kill()
                return
        else:
            await asyncio.sleep(self.rng.uniform(0.2, 1.5))
        await self._kill("running")

    # ------------------------------------------------------------------ the run

    async def run(self, cycles: int) -> CrashReport:
        started = time.monotonic()
        self.report.cycles = cycles
        traffic = asyncio.create_task(self._traffic())
        try:
            for mode in self._modes(cycles):
                await self._one_cycle(mode)
        finally:
            stopped = traffic.exception() if traffic.done() and not traffic.cancelled() else None
            traffic.cancel()
            await asyncio.gather(traffic, return_exceptions=True)
        if stopped is not None:
            raise RuntimeError("the people stopped writing halfway: the run proves less") from stopped
        drain_started = time.monotonic()
        await self._spawn()  # the last life: it must deliver everything, then stop cleanly
        await self._until(self._all_arrived, self.drain_timeout)
        self.report.drain_seconds = time.monotonic() - drain_started
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 20)
            except TimeoutError:
                await self._kill()
        self.proc = None
        self.report.seconds = time.monotonic() - started
        self._tally()
        return self.report

    # ------------------------------------------------------------------ what arrived

    def _copies(self, side: Side) -> list[int]:
        """Tags of the bot's posts in a channel, in the order the channel shows them."""
        assert self.slack is not None
        if side.platform == "discord":
            texts = [m["content"] for m in self.discord.messages[side.channel]
                     if m.get("webhook_id") or m["author"]["id"] == self.discord.bot_user["id"]]
        else:
            texts = [m.get("text") or "" for m in self.slack.channel_messages(TEAM, side.channel)]
        return [int(found.group(1)) for found in map(TAG.search, texts) if found]

    def _all_arrived(self) -> bool:
        assert self.world is not None
        present: set[tuple[str, int]] = set()
        for match in self.world.matches:
            for side in match.sides:
                present.update((side.channel, n) for n in self._copies(side))
        return all((s.target.channel, s.number) in present for s in self.sent)

    def _tally(self) -> None:
        assert self.world is not None
        report = self.report
        report.sent = len(self.sent)
        counts: collections.Counter[tuple[str, int]] = collections.Counter()
        for match in self.world.matches:
            for side in match.sides:
                copies = self._copies(side)
                counts.update((side.channel, n) for n in copies)
                firsts = list(dict.fromkeys(copies))
                if firsts != sorted(firsts):
                    report.out_of_order.append(f"{match.key}/{side.person}: {firsts}")
        for s in self.sent:
            seen = counts[(s.target.channel, s.number)]
            if seen == 0:
                report.lost.append(s.number)
            elif seen > 1:
                report.duplicated.append(s.number)
            else:
                report.delivered_once += 1


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
