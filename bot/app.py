"""The composition root (STYLE.md point 6): build mentorbot from settings, no globals.

Tests pass fakes (adapters, clock, engine) into the same ``build_app`` the product uses.
``MentorBot`` is the core gateway every adapter talks to.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, select

from adapters.base import Adapter
from bot.commands import Commands
from bot.delivery import DeliveryWorker
from bot.policy_book import PolicyBook
from bot.relay import Relay
from bot.review import ReviewDesk, ReviewError
from bot.scheduler import SchedulerHandle, attach_scheduler
from bot.settings import Settings
from bot.setup_check import already_reported, unsafe_findings
from bot.types import ChannelRef, CommandRequest, Inbound, ReviewRequest
from storage import repo
from storage.clock import as_utc, utcnow
from storage.db import open_database
from storage.models import Alert, Delivery, Match, Program, SupervisedChannel

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class MentorBot:
    """The running core: relay, review desk, commands and the delivery worker over one database."""

    def __init__(self, *, settings: Settings, engine: Engine, adapters: dict[str, Adapter], clock: Clock,
                 policies: PolicyBook | None = None):
        self.settings = settings
        self.engine = engine
        self.adapters = adapters
        self.clock = clock
        self.policies = policies or PolicyBook()
        self.relay = Relay(engine=engine, policies=self.policies, clock=clock)
        self.review = ReviewDesk(engine=engine, relay=self.relay, clock=clock)
        self.commands = Commands(engine=engine, relay=self.relay, review=self.review, clock=clock)
        self.delivery = DeliveryWorker(
            engine=engine, adapters=adapters, clock=clock, on_failure=self._delivery_failed,
            max_attempts=settings.delivery_max_attempts, poll_seconds=settings.delivery_poll_seconds,
            before_pass=self.review.release_due, lease=timedelta(seconds=settings.delivery_lease_seconds),
        )
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.scheduler: SchedulerHandle | None = None  # weekly prompts, nudges, digest, set-up check

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect every adapter, then start draining the outbox."""
        self._stop.clear()
        for name, adapter in self.adapters.items():
            logger.info("starting adapter %s", name)
            await adapter.start(self)
        self._tasks.append(asyncio.create_task(self.delivery.run_forever(self._stop)))
        self.scheduler = attach_scheduler(self)
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

    # -- CoreGateway -----------------------------------------------------------------------------

    async def handle(self, event: Inbound) -> None:
        logger.info("<= %s %s in %s from %s", event.kind, event.event_key, event.channel, event.author_id)
        if await asyncio.to_thread(self.relay.record, event):
            self.delivery.wake()

    async def run_command(self, request: CommandRequest) -> str:
        reply, linked = await asyncio.to_thread(self.commands.run, request)
        self.delivery.wake()
        if linked is not None:
            await self.check_channel(linked)
        return reply

    async def decide_review(self, request: ReviewRequest) -> str:
        coordinator = await asyncio.to_thread(
            self.review.coordinator_for, request.platform, request.workspace, request.user_id)
        if coordinator is None or coordinator.role != "coordinator":
            return "Only a coordinator of this program can decide held messages."
        try:
            item = await asyncio.to_thread(self.review.decide, request.review_id, request.decision,
                                           coordinator=coordinator, actor=coordinator.key,
                                           note=request.note)
        except ReviewError as error:
            return str(error)
        self.delivery.wake()
        return f"Held message #{item.id} {item.state.replace('_', ' ')}."

    async def supervised_channels(self, platform: str) -> list[ChannelRef]:
        def query() -> list[ChannelRef]:
            with Session(self.engine) as session:
                rows = session.exec(select(SupervisedChannel).where(
                    SupervisedChannel.platform == platform, SupervisedChannel.active == True))  # noqa: E712
                return [ChannelRef(r.platform, r.workspace, r.channel) for r in rows]
        return await asyncio.to_thread(query)

    async def last_logged_message_id(self, channel: ChannelRef) -> str | None:
        def query() -> str | None:
            with Session(self.engine) as session:
                return repo.last_logged_message_id(session, channel)
        return await asyncio.to_thread(query)

    async def channel_linked_at(self, channel: ChannelRef) -> datetime | None:
        def query() -> datetime | None:
            with Session(self.engine) as session:
                row = repo.supervised_channel(session, channel)
                return as_utc(row.linked_at) if row is not None else None
        return await asyncio.to_thread(query)

    async def report_members(self, channel: ChannelRef, user_ids: list[str], *,
                             coordinator_can_see: bool) -> None:
        def record() -> int:
            visible = coordinator_can_see or self._coordinator_in(channel, user_ids)
            with Session(self.engine) as session:
                row = repo.supervised_channel(session, channel)
                if row is None:
                    return 0
                match = session.get(Match, row.match_id)
                program = session.get(Program, match.program_id) if match else None
                assert match is not None and program is not None
                raised = 0
                for finding in unsafe_findings(session, row, user_ids, coordinator_can_see=visible):
                    summary = f"Unsafe set-up: {finding}"
                    if not already_reported(session, program.id, summary):
                        self.relay.raise_alert(session, program=program, kind="unsafe_setup", urgent=True,
                                               match_id=match.id, summary=summary)
                        raised += 1
                session.commit()
                return raised
        if await asyncio.to_thread(record):
            self.delivery.wake()

    # -- jobs --------------------------------------------------------------------------------------

    async def check_channel(self, channel: SupervisedChannel) -> None:
        """Ask the channel's adapter who can read it and report anything unsafe."""
        adapter = self.adapters.get(channel.platform)
        if adapter is None:
            return
        ref = ChannelRef(channel.platform, channel.workspace, channel.channel)
        try:
            members = await adapter.list_members(ref)
        except Exception:
            logger.exception("could not list members of %s", ref)
            return
        coordinator_can_see = await asyncio.to_thread(self._coordinator_in, ref, members)
        await self.report_members(ref, members, coordinator_can_see=coordinator_can_see)

    async def check_all_channels(self) -> None:
        """The daily set-up check over every supervised channel this process can reach."""
        def channels() -> list[SupervisedChannel]:
            with Session(self.engine) as session:
                return list(session.exec(select(SupervisedChannel).where(SupervisedChannel.active == True)))  # noqa: E712
        for channel in await asyncio.to_thread(channels):
            await self.check_channel(channel)

    def _coordinator_in(self, ref: ChannelRef, members: list[str]) -> bool:
        with Session(self.engine) as session:
            for user_id in members:
                person = repo.person_by_account(session, ref.platform, ref.workspace, user_id)
                if person is not None and person.role == "coordinator":
                    return True
            return False

    def _delivery_failed(self, session: Session, delivery: Delivery, error: str) -> None:
        program = session.get(Program, delivery.program_id) if delivery.program_id else None
        if program is None:
            return
        summary = (f"Could not deliver a {delivery.kind} to {delivery.platform} channel {delivery.channel}: "
                   f"{error}. Check that the bot is still in the channel and its token is valid.")
        if delivery.kind in ("review_card", "review_update"):
            session.add(Alert(program_id=program.id, kind="delivery_failure", urgent=True,
                              summary=summary, created_at=self.clock()))
        else:
            self.relay.raise_alert(session, program=program, kind="delivery_failure", urgent=True,
                                   summary=summary, message_id=delivery.message_id)


def build_app(settings: Settings | None = None, *, adapters: dict[str, Adapter] | None = None,
              engine: Engine | None = None, clock: Clock | None = None,
              policies: PolicyBook | None = None) -> MentorBot:
    """Build the app: production defaults for every port, fakes where the caller passes them."""
    settings = settings or Settings()
    if engine is None:
        engine = open_database(settings.resolved_database_url)
    if adapters is None:
        from adapters.registry import build_adapters

        adapters = build_adapters(settings)
    return MentorBot(settings=settings, engine=engine, adapters=adapters, clock=clock or utcnow,
                     policies=policies)
