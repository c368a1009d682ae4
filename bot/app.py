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
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bot.alerts import delivery_failed
from bot.commands import Commands
from bot.delivery.worker import DeliveryWorker
from bot.desk_address import desk_url, remember_desk_address
from bot.keys import open_configured_database
from bot.mail.worker import MailWorker
from bot.ops.health import Readiness
from bot.ops.metrics import Metrics
from bot.ports import Adapter, MailSender, PlatformFacts, stop_intake
from bot.relay.pipeline import Relay
from bot.relay.policy_cache import PolicyBook
from bot.review.desk import ReviewDesk
from bot.review.quiet import quiet_hours_end
from bot.scheduler import SchedulerHandle, attach_scheduler
from bot.settings import Settings
from bot.use_cases import Core
from bot.year.actions import YearActions
from storage.clock import utcnow

if TYPE_CHECKING:
    from adapters.console import ConsoleAdapter

logger = logging.getLogger(__name__)

__all__ = ["MentorBot", "build_app", "build_console_app", "desk_url", "platform_facts", "platform_names",
           "remember_desk_address"]

Clock = Callable[[], datetime]


class MentorBot:
    """The running process: adapters connected, the outbox drained, the jobs ticking; then a clean stop."""

    def __init__(self, *, core: Core, adapters: dict[str, Adapter], delivery: DeliveryWorker,
                 mail: MailWorker | None = None, metrics: Metrics | None = None,
                 readiness: Readiness | None = None):
        self.core = core
        self.adapters = adapters
        self.delivery = delivery
        self.mail = mail  # e-mailed alerts, escalations and digests (issue 12), when SMTP is set
        self.metrics = metrics or Metrics()
        self.readiness = readiness or Readiness(engine=core.engine, adapters=adapters, clock=core.clock)
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
        self.delivery.reopen()
        self.readiness.stopping = False
        for name, adapter in self.adapters.items():
            logger.info("starting adapter %s", name)
            await adapter.start(self.core)
        self._tasks.append(asyncio.create_task(self.delivery.run_forever(self._stop)))
        if self.mail is not None:
            self._tasks.append(asyncio.create_task(self.mail.run_forever(self._stop)))
        self.scheduler = attach_scheduler(self.core)
        self.scheduler.start()

    async def stop(self, *, grace: float | None = None) -> None:
        """Stop within ``grace`` seconds (``SHUTDOWN_GRACE_SECONDS``): take no more events, let sends
        under way finish and give back every other claimed delivery, then disconnect."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self.settings.shutdown_grace_seconds if grace is None else grace)
        self.readiness.stopping = True  # /readyz answers 503 from now on: load balancers move away
        if self.scheduler is not None:
            self.scheduler.stop()
        for name, adapter in self.adapters.items():  # Slack sends new events to the other replicas
            await _bounded(stop_intake(adapter), deadline - loop.time(), f"{name}: stop taking events")
        self._stop.set()
        self.delivery.close()
        if self.mail is not None:
            self.mail.wake()
        for task in self._tasks:
            try:
                await asyncio.wait_for(asyncio.shield(task), max(0.0, deadline - 2.0 - loop.time()))
            except TimeoutError:
                logger.warning("shutdown bound reached with deliveries in flight: releasing them")
                task.cancel()
                await _bounded(asyncio.gather(task, return_exceptions=True), 3.0, "release deliveries")
        self._tasks.clear()
        for name, adapter in self.adapters.items():
            await _bounded(adapter.stop(), max(1.0, deadline - loop.time()), f"{name}: disconnect")
        self.core.relay.close()  # the connections it keeps between messages


async def _bounded(work: Awaitable[object], seconds: float, what: str) -> None:
    """Await ``work`` for at most ``seconds``; a shutdown step that hangs must not hold the exit."""
    try:
        await asyncio.wait_for(work, max(0.1, seconds))
    except TimeoutError:
        logger.warning("shutdown: %s took too long; going on", what)
    except Exception:
        logger.exception("shutdown: %s failed; going on", what)


def platform_facts() -> Mapping[str, PlatformFacts]:
    """What the core knows of every platform mentorbot supports (configured or not)."""
    from adapters.registry import PLATFORMS

    return PLATFORMS


def platform_names() -> tuple[str, ...]:
    """The platforms a roster may name (every adapter mentorbot ships)."""
    return tuple(platform_facts())


def build_console_app(settings: Settings, *, engine: Engine, clock: Clock,
                      echo: Callable[[str], None] | None = None,
                      policies: PolicyBook | None = None) -> tuple[MentorBot, ConsoleAdapter]:
    """The console demo's app: the console adapter is its only platform (``mentorbot demo``)."""
    from adapters.console import ConsoleAdapter

    console = ConsoleAdapter(workspace="demo", echo=echo, clock=clock)
    app = build_app(settings, adapters={"console": console}, engine=engine, clock=clock, policies=policies)
    return app, console


def build_app(settings: Settings | None = None, *, adapters: dict[str, Adapter] | None = None,
              engine: Engine | None = None, clock: Clock | None = None,
              policies: PolicyBook | None = None, mailer: MailSender | None = None) -> MentorBot:
    """Build the app: production defaults for every port, fakes where the caller passes them."""
    settings = settings or Settings()
    clock = clock or utcnow
    if engine is None:
        engine = open_configured_database(settings)
    if adapters is None:
        from adapters.registry import build_adapters

        adapters = build_adapters(settings)
    platforms = {**platform_facts(), **{name: a.facts for name, a in adapters.items() if hasattr(a, "facts")}}
    metrics = Metrics()
    policies = policies or PolicyBook()
    review = ReviewDesk(engine=engine, clock=clock, quiet_until=quiet_hours_end(policies))
    delivery = DeliveryWorker(
        engine=engine, adapters=adapters, clock=clock, metrics=metrics,
        on_failure=lambda session, row, error: delivery_failed(session, row, error, clock()),
        max_attempts=settings.delivery_max_attempts, poll_seconds=settings.delivery_poll_seconds,
        before_pass=review.release_due, lease=timedelta(seconds=settings.delivery_lease_seconds),
        order_window=timedelta(seconds=settings.delivery_order_window_seconds),
    )
    if mailer is None and settings.email_configured:
        from adapters.email import build as build_mailer

        mailer = build_mailer(settings)
    mail = None
    if mailer is not None:
        mail = MailWorker(engine=engine, sender=mailer, clock=clock, desk_url=desk_url(settings),
                          poll_seconds=settings.mail_poll_seconds)

    def wake() -> None:
        delivery.wake()
        if mail is not None:
            mail.wake()

    relay = Relay(engine=engine, policies=policies, clock=clock, platforms=platforms,
                  on_recorded=metrics.message)
    core = Core(
        settings=settings, engine=engine, clock=clock, review=review, adapters=adapters, wake=wake,
        relay=relay, commands=Commands(engine=engine, review=review, clock=clock), metrics=metrics,
        year=YearActions(engine=engine, clock=clock, platforms=tuple(platforms)),
    )
    metrics.watch(engine=engine, clock=clock, adapters=adapters)
    readiness = Readiness(engine=engine, adapters=adapters, clock=clock,
                          outbox_max_age=settings.ready_outbox_max_age_seconds)
    return MentorBot(core=core, adapters=adapters, delivery=delivery, mail=mail, metrics=metrics,
                     readiness=readiness)
