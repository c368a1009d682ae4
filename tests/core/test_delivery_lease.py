"""The delivery worker's lease: a killed worker's delivery moves on within seconds, a live one keeps it.

Real clock, real database (SQLite and PostgreSQL), the console adapter; a second worker stands for
another process sharing the database.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from adapters.console import ConsoleAdapter
from bot.app import build_app
from bot.delivery.worker import DeliveryWorker
from bot.messages import Outbound
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from storage.clock import utcnow
from storage.models import Delivery
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster

# Renewed every third of it: 0.5 s left ~0.33 s for a renewal (a thread hop and a PostgreSQL
# round trip), which a loaded 2-core machine overran once (the row sent twice); 1.5 s leaves ~1 s.
LEASE_S = 1.5


class SlowConsole(ConsoleAdapter):
    """The console adapter with a platform that takes ``delay`` seconds to accept a post."""

    def __init__(self, delay: float) -> None:
        super().__init__(workspace="demo")
        self.delay = delay
        self.posts = 0

    async def send(self, message: Outbound) -> str:
        await asyncio.sleep(self.delay)
        self.posts += 1
        return await super().send(message)


async def _one_relay_queued(engine: Engine, roster: Path, console: ConsoleAdapter):  # type: ignore[no-untyped-def]
    import_roster(engine, roster)
    settings = Settings(_env_file=None, delivery_lease_seconds=LEASE_S)
    app = build_app(settings, adapters={"console": console}, engine=engine, clock=utcnow,
                    policies=PolicyBook(loader=lambda _path: FakePolicy()))
    await console.start(app.core)
    await console.say("ben", "raj-group-student", "is this thing on?")
    return app


def _worker(app, console: ConsoleAdapter) -> DeliveryWorker:  # type: ignore[no-untyped-def]
    """Another process's worker on the same database."""
    return DeliveryWorker(engine=app.engine, adapters={"console": console}, clock=utcnow,
                          on_failure=lambda *_: None, lease=timedelta(seconds=LEASE_S))


def _states(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [d.state for d in session.exec(select(Delivery).order_by(Delivery.id))]


async def test_a_killed_workers_delivery_is_sent_by_another_within_seconds(
    engine: Engine, sample_roster_path: Path
) -> None:
    console = ConsoleAdapter(workspace="demo")
    app = await _one_relay_queued(engine, sample_roster_path, console)
    [row_id] = app.delivery._due_heads()
    assert app.delivery._claim(row_id) is not None  # claimed, then the process was SIGKILLed
    other = _worker(app, console)
    started = time.monotonic()
    while _states(engine) != ["sent"]:
        assert time.monotonic() - started < 3 * LEASE_S, "the dead worker's lease held the channel"
        await other.run_once()
        await asyncio.sleep(0.05)
    assert [p.text for p in console.visible("raj-group-mentor") if p.by_bot] == ["is this thing on?"]


async def test_a_live_worker_keeps_renewing_so_a_slow_send_is_not_sent_twice(
    engine: Engine, sample_roster_path: Path
) -> None:
    console = SlowConsole(delay=3 * LEASE_S)  # the platform takes three leases to answer
    app = await _one_relay_queued(engine, sample_roster_path, console)
    elsewhere = SlowConsole(delay=0)
    other = _worker(app, elsewhere)
    sending = asyncio.create_task(app.delivery.run_once())
    while _states(engine) != ["sending"]:
        await asyncio.sleep(0.01)
    deadline = time.monotonic() + 4 * LEASE_S
    while not sending.done() and time.monotonic() < deadline:
        await other.run_once()  # another process looks for rows whose lease ran out
        await asyncio.sleep(0.1)
    await sending
    assert _states(engine) == ["sent"]
    assert (console.posts, elsewhere.posts) == (1, 0)
