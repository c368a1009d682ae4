"""The replica rig: three real ``mentorbot run`` processes on one PostgreSQL database against the fake
Slack and the fake Discord, one of them SIGKILLed and restarted again and again while people write.

It is the crash-cycle rig (crashrig.py) with a district's shape: every replica opens its own Slack
Socket Mode connection (the fake spreads events over them and redelivers what a dead one never
acknowledged), serves one Discord gateway shard (three guilds, one per shard), and runs a delivery
worker that competes for outbox rows with short leases. The program's weekly prompt and digest are
due when the replicas start, so all three schedulers tick for them at once.

Each cycle picks a victim among the replicas that are up and kills it with SIGKILL in one of three
ways — at a random moment (``running``), the moment a fake platform stored one of ITS posts
(``accepted``: the fake says who asked, /proc says which replica that is), or while it restarts
after a kill (``startup``) — and starts it again; the next cycle does not wait for it, so at times
two replicas are down at once (never all three: a kill waits until two are up). At the end every
replica gets SIGTERM at once and must exit 0 within the bound. The report counts, per message, the
copies on the other side (0 lost, 2+ doubled), checks each channel's order, and counts the prompts
and digests on the platforms (each exactly once).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crashrig import MENTORBOT, CrashReport, CrashRig, _free_port
from rworld import PROGRAM, TEAM, World, make_world

REPLICA_MODES = ("running", "accepted", "startup")


@dataclass
class ReplicaReport(CrashReport):
    replicas: int = 3
    prompts: dict[str, int] = field(default_factory=dict)  # channel -> prompt copies seen there
    digests: int = 0  # digest posts in the review channel
    exit_codes: list[int | None] = field(default_factory=list)  # after the final SIGTERM
    exit_seconds: float = 0.0  # SIGTERM to the last replica gone
    # Slack envelopes acknowledged per connection (each replica's life opens a new one)
    handled_by: collections.Counter[int] = field(default_factory=collections.Counter)

    @property
    def ok(self) -> bool:
        return (super().ok and set(self.prompts.values()) == {1} and self.digests == 1
                and self.exit_codes == [0] * self.replicas)

    def summary(self) -> str:
        return (super().summary() + f"; prompts per channel {sorted(self.prompts.values())}, digests "
                f"{self.digests}; SIGTERM: exit codes {self.exit_codes} in {self.exit_seconds:.1f} s")


START_WAIT = 90.0  # s: the first start-up of all replicas (a passing wait returns at once)


class ReplicaRig(CrashRig):
    """``await rig.run(cycles)`` with ``replicas`` processes on ``database_url`` (PostgreSQL)."""

    def __init__(self, folder: Path, *, seed: int, database_url: str, replicas: int = 3,
                 interval: float = 0.5, lease: float = 1.5, drain_timeout: float = 60.0,
                 shutdown_grace: float = 6.0, order_window: float = 5.0) -> None:
        super().__init__(folder, seed=seed, interval=interval, lease=lease, drain_timeout=drain_timeout)
        self.database_url = database_url
        self.count = replicas
        self.procs: list[asyncio.subprocess.Process | None] = [None] * replicas
        self.ports = [_free_port() for _ in range(replicas)]
        self.shutdown_grace = shutdown_grace
        # Slack spreads one channel's events over the replicas; on this shared, loaded machine one
        # can be recorded seconds after the next (a replica starting, a kill and Slack's retry)
        self.order_window = order_window
        self.report = ReplicaReport(cycles=0, seed=seed, logs=folder, replicas=replicas)
        self._lives = collections.Counter[int]()
        self._victim: int | None = None  # the replica the last accepted-post kill hit
        self._starting: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------ set-up

    def _make_world(self) -> World:
        return make_world(self.discord, cross=2, slack_only=1, discord_only=1, guilds=self.count,
                          shards=self.count)

    def _prepare_database(self, roster: Path) -> None:
        """What an operator does before starting replicas: ``mentorbot migrate``, then the program."""
        from bot.app import platform_names
        from bot.prompts.settings import set_schedule
        from bot.roster.importer import import_roster
        from storage.db import make_engine

        env = {**os.environ, "DATABASE_URL": self.database_url, "DATA_DIR": str(self.folder / "var")}
        migrate = subprocess.run([MENTORBOT, "migrate"], env=env, capture_output=True, text=True, timeout=120)
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr
        engine = make_engine(self.database_url)
        import_roster(engine, roster, platforms=platform_names())
        assert self.world is not None
        local = datetime.now(ZoneInfo(self.world.timezone))
        due = max(local - timedelta(minutes=1), local.replace(hour=0, minute=0))
        set_schedule(engine, PROGRAM, actor="replica-rig", clock=lambda: datetime.now(ZoneInfo("UTC")),
                     weekday=local.weekday(), post_time=f"{due:%H:%M}", grace_minutes=240,
                     digest_weekday=local.weekday(), digest_time=f"{due:%H:%M}")
        engine.dispose()

    def _environment(self) -> dict[str, str]:
        env = super()._environment()
        env.update(DISCORD_SHARD_COUNT=str(self.count), SHUTDOWN_GRACE_SECONDS=str(self.shutdown_grace),
                   WEB_SECRET_KEY="replica-rig-shared-desk-key-0123456789", LOG_FORMAT="json",
                   DELIVERY_ORDER_WINDOW_SECONDS=str(self.order_window))
        return env

    async def __aexit__(self, *exc: object) -> None:
        for index in range(self.count):
            await self._kill_replica(index)
        await super().__aexit__(*exc)

    # ------------------------------------------------------------------ the replicas

    async def _spawn_replica(self, index: int) -> None:
        self._lives[index] += 1
        log = open(self.folder / f"replica-{index}-{self._lives[index]:02d}.log", "wb")  # noqa: SIM115
        env = {**self.env, "DISCORD_SHARD_ID": str(index), "WEB_PORT": str(self.ports[index]),
               "REPLICA_NAME": f"replica-{index}"}
        self.procs[index] = await asyncio.create_subprocess_exec(
            MENTORBOT, "run", env=env, cwd=self.folder, stdout=log, stderr=asyncio.subprocess.STDOUT)
        log.close()
        self.report.starts += 1

    async def _kill_replica(self, index: int, mode: str | None = None) -> None:
        proc, self.procs[index] = self.procs[index], None
        if proc is None:
            return
        if proc.returncode is None:
            proc.kill()
            if mode:
                self.report.kills[mode] += 1
        await proc.wait()

    def _accepted(self, message: dict) -> None:  # type: ignore[type-arg]
        """A fake stored a post: when armed, the replica that made it dies before it hears back."""
        if not self.armed:
            return
        peer = self.discord.accepting_peer or (self.slack.accepting_peer if self.slack else None)
        live = {proc.pid: index for index, proc in enumerate(self.procs)
                if proc is not None and proc.returncode is None}
        pid = pid_of_peer(peer, list(live))
        if pid is not None:
            self.armed = False
            os.kill(pid, signal.SIGKILL)
            self._victim = live[pid]
            self.report.kills["accepted"] += 1

    async def _connected(self, shard: int, timeout: float) -> bool:
        """Wait until a replica serves ``shard`` on the gateway and every live replica has a Slack socket."""
        assert self.slack is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alive = sum(1 for p in self.procs if p is not None and p.returncode is None)
            slack_ready = self.slack.live_connections(TEAM) >= alive
            if (shard, self.count) in self.discord.live_shards() and slack_ready:
                return True
            await asyncio.sleep(0.05)
        return False

    async def _restart(self, index: int) -> None:
        """Start the replica again; the next cycle does not wait for it (it picks a replica that is up)."""
        await self._spawn_replica(index)
        task = asyncio.create_task(self._time_start(index, time.monotonic()))
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _time_start(self, index: int, launched: float) -> None:
        if await self._connected(index, 30):
            self.report.start_seconds.append(time.monotonic() - launched)

    def _up(self) -> list[int]:
        """Replicas running and serving their Discord shard now."""
        live = self.discord.live_shards()
        return [i for i, p in enumerate(self.procs)
                if p is not None and p.returncode is None and (i, self.count) in live]

    async def _one_replica_cycle(self, mode: str) -> None:
        deadline = time.monotonic() + 30  # never the last one up: someone must be there to take over
        while len(self._up()) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        victim = self.rng.choice(self._up() or list(range(self.count)))
        if mode == "accepted":
            self._victim, self.armed = None, True  # the next stored post kills the replica that made it
            deadline = time.monotonic() + 4
            while self.armed and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            self.armed = False
            if self._victim is not None:
                victim = self._victim
            else:  # nothing was posted in time: an ordinary kill
                await self._kill_replica(victim, "running")
        else:
            await asyncio.sleep(self.rng.uniform(0.3, 1.5))
            await self._kill_replica(victim, "running")
        await self._kill_replica(victim)  # reap the accepted-kill's process
        await asyncio.sleep(self.rng.uniform(0.0, 1.0))  # down a while: its shard waits, Slack goes on
        if mode == "startup":
            await self._spawn_replica(victim)
            await asyncio.sleep(self.rng.uniform(0.3, 2.5))
            await self._kill_replica(victim, "startup")
        await self._restart(victim)

    # ------------------------------------------------------------------ the run

    async def run(self, cycles: int) -> ReplicaReport:  # type: ignore[override]
        started = time.monotonic()
        self.report.cycles = cycles
        for index in range(self.count):
            await self._spawn_replica(index)
        for index in range(self.count):
            # three start-ups at once on a loaded 2-core machine can take longer than 30 s; people
            # must not start writing before every replica holds a Slack socket (or the run
            # proves nothing about spreading events over replicas)
            await self._connected(index, START_WAIT)
        traffic = asyncio.create_task(self._traffic())
        try:
            modes = [REPLICA_MODES[n % len(REPLICA_MODES)] for n in range(cycles)]
            self.rng.shuffle(modes)
            for mode in modes:
                await self._one_replica_cycle(mode)
        finally:
            stopped = traffic.exception() if traffic.done() and not traffic.cancelled() else None
            traffic.cancel()
            await asyncio.gather(traffic, return_exceptions=True)
        if stopped is not None:
            raise RuntimeError("the people stopped writing halfway: the run proves less") from stopped
        for index in range(self.count):
            await self._connected(index, 30)
        await asyncio.gather(*self._starting, return_exceptions=True)
        drain_started = time.monotonic()
        await self._until(lambda: self._all_arrived() and self._prompts_arrived(), self.drain_timeout)
        self.report.drain_seconds = time.monotonic() - drain_started
        await self._terminate_all()
        self.report.seconds = time.monotonic() - started
        self._tally()
        self._count_prompts()
        return self.report

    async def _terminate_all(self) -> None:
        """SIGTERM to every replica at once; each must finish or release its work and exit in time."""
        procs = [p for p in self.procs if p is not None]
        stopped = time.monotonic()
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(p.wait() for p in procs)), self.shutdown_grace + 10)
        self.report.exit_seconds = time.monotonic() - stopped
        self.report.exit_codes = [p.returncode for p in procs]
        self.procs = [None] * self.count
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()

    # ------------------------------------------------------------------ prompts and digests

    def _prompt_texts(self) -> list[str]:
        """The first line of every prompt queued in the database (one per match)."""
        from sqlmodel import Session, select

        from storage.db import make_engine
        from storage.models import Delivery

        engine = make_engine(self.database_url)
        try:
            with Session(engine) as session:
                rows = session.exec(select(Delivery.text).where(Delivery.kind == "prompt")).all()
        finally:
            engine.dispose()
        return sorted({text.splitlines()[0][:60] for text in rows})

    def _bot_texts(self, platform: str, channel: str) -> list[str]:
        assert self.slack is not None
        if platform == "discord":
            return [m["content"] for m in self.discord.messages[channel]
                    if m.get("webhook_id") or m["author"]["id"] == self.discord.bot_user["id"]]
        return [m.get("text") or "" for m in self.slack.channel_messages(TEAM, channel)]

    def _prompt_counts(self) -> dict[str, int]:
        assert self.world is not None
        starts = self._prompt_texts()
        counts = {}
        for match in self.world.matches:
            for side in match.sides:
                texts = self._bot_texts(side.platform, side.channel)
                counts[side.channel] = sum(1 for text in texts for start in starts if text.startswith(start))
        return counts

    def _prompts_arrived(self) -> bool:
        counts = self._prompt_counts()
        return bool(counts) and all(counts.values())

    def _count_prompts(self) -> None:
        assert self.world is not None
        self.report.prompts = self._prompt_counts()
        review = self._bot_texts("discord", self.world.review)
        self.report.digests = sum(1 for text in review if "Weekly digest:" in text)
        self.report.handled_by.update(ack.connection for ack in self.slack.acks.values())  # type: ignore[union-attr]


def pid_of_peer(peer: tuple[str, int] | None, pids: list[int]) -> int | None:
    """Which of ``pids`` owns the TCP connection whose far end is ``peer`` (Linux /proc)."""
    if peer is None:
        return None
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == peer[1] and fields[9] != "0":
                inode = fields[9]
                break
        if inode:
            break
    if inode is None:
        return None
    target = f"socket:[{inode}]"
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    return pid
        except OSError:
            continue
    return None
