"""The composition root (STYLE.md point 6): build mentorbot from settings, no globals.

``build_app`` wires every part with a production default; tests pass fakes (adapters, clock,
policy) into the same function. It is the one module of ``bot/`` that may import ``adapters/``:
it chooses the platforms and reads what the core must know of each (``adapters.registry``).
``MentorBot`` keeps only the process's lifecycle; everything it does goes through ``core``
(``bot.use_cases.Core``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bot.alerts import delivery_failed
from bot.commands import Commands
from bot.delivery.worker import DeliveryWorker
from bot.keys import open_configured_database
from bot.ports import Adapter, PlatformFacts
from bot.relay.pipeline import Relay
from bot.relay.policy_cache import PolicyBook
from bot.review.desk import ReviewDesk
from bot.scheduler import SchedulerHandle, attach_scheduler
from bot.settings import Settings
from bot.use_cases import Core
from storage.clock import utcnow

if TYPE_CHECKING:
    from adapters.console import ConsoleAdapter

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class MentorBot:
    """The running process: adapters connected, the outbox drained, the jobs ticking; then a clean stop."""

    def __init__(self, *, core: Core, adapters: dict[str, Adapter], delivery: DeliveryWorker):
        self.core = core
        self.adapters = adapters
        self.delivery = delivery
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.scheduler: SchedulerHandle | None = None  # weekly prompts, nudges, digest, set-up check

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def engine(self) -> Engine:
        return self.core.engine

    @property
    def clock(self) -> Clock:
        return self.core.clock

    async def start(self) -> None:
        """Connect every adapter, then start draining the outbox and the scheduled jobs."""
        self._stop.clear()
        for name, adapter in self.adapters.items():
            logger.info("starting adapter %s", name)
            await adapter.start(self.core)
        self._tasks.append(asyncio.create_task(self.delivery.run_forever(self._stop)))
        self.scheduler = attach_scheduler(self.core)
        self.scheduler.start()

    async def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop()
        self._stop.set()
        self.delivery.wake()
        for task in self._tasks:
            try:
                await asyncio.wait_for(task, 10)
            except (TimeoutError, asyncio.CancelledError):
                task.cancel()
        self._tasks.clear()
        for adapter in self.adapters.values():
            await adapter.stop()


def platform_facts() -> Mapping[str, PlatformFacts]:
    """What the core knows of every platform mentorbot supports (configured or not)."""
    from adapters.registry import PLATFORMS

    return PLATFORMS


def platform_names() -> tuple[str, ...]:
    """The platforms a roster may name (every adapter mentorbot ships)."""
    return tuple(platform_facts())


def build_console_app(settings: Settings, *, engine: Engine, clock: Clock,
                      echo: Callable[[str], None] | None = None) -> tuple[MentorBot, ConsoleAdapter]:
    """The console demo's app: the console adapter is its only platform (``mentorbot demo``)."""
    from adapters.console import ConsoleAdapter

    console = ConsoleAdapter(workspace="demo", echo=echo, clock=clock)
    return build_app(settings, adapters={"console": console}, engine=engine, clock=clock), console


def build_app(settings: Settings | None = None, *, adapters: dict[str, Adapter] | None = None,
              engine: Engine | None = None, clock: Clock | None = None,
              policies: PolicyBook | None = None) -> MentorBot:
    """Build the app: production defaults for every port, fakes where the caller passes them."""
    settings = settings or Settings()
    clock = clock or utcnow
    if engine is None:
        engine = open_configured_database(settings)
    if adapters is None:
        from adapters.registry import build_adapters

        adapters = build_adapters(settings)
    platforms = {**platform_facts(), **{name: a.facts for name, a in adapters.items() if hasattr(a, "facts")}}
    review = ReviewDesk(engine=engine, clock=clock)
    delivery = DeliveryWorker(
        engine=engine, adapters=adapters, clock=clock,
        on_failure=lambda session, row, error: delivery_failed(session, row, error, clock()),
        max_attempts=settings.delivery_max_attempts, poll_seconds=settings.delivery_poll_seconds,
        before_pass=review.release_due, lease=timedelta(seconds=settings.delivery_lease_seconds),
    )
    core = Core(
        settings=settings, engine=engine, clock=clock, review=review, adapters=adapters, wake=delivery.wake,
        relay=Relay(engine=engine, policies=policies or PolicyBook(), clock=clock, platforms=platforms),
        commands=Commands(engine=engine, review=review, clock=clock),
    )
    return MentorBot(core=core, adapters=adapters, delivery=delivery)
