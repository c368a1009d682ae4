"""The use cases every surface calls: adapters (as their ``CoreGateway``), the web desk, the CLI,
the console demo and the scheduler's jobs.

Each one runs its synchronous database transaction off the event loop and, when the transaction
may have queued outbox rows, wakes the delivery worker, so no caller has to remember either. The
transactions themselves live in their rooms (``relay``, ``review``, ``commands``, ``roster``,
``prompts``, ``alerts``); this module only sequences them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import report_unsafe_setup
from bot.commands import Commands
from bot.messages import ChannelRef, CommandRequest, Inbound, ReviewRequest
from bot.ports import Adapter, FollowedChannel
from bot.prompts.digest import post_due_digests
from bot.prompts.nudges import NudgeReport, nudge_quiet_matches
from bot.prompts.weekly import TickReport, WeekResult, post_due_prompts, send_now
from bot.relay.pipeline import Relay
from bot.review.desk import HoldView, ReviewDesk, ReviewError
from bot.roster.pausing import set_paused
from bot.settings import Settings
from storage import repo
from storage.backup import Manifest, prune, take_backup
from storage.clock import as_utc
from storage.models import Match, Person, ReviewItem

logger = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]


class Core:
    """mentorbot's use cases over one database; implements ``bot.ports.CoreGateway``."""

    def __init__(self, *, settings: Settings, engine: Engine, clock: Clock, relay: Relay, review: ReviewDesk,
                 commands: Commands, adapters: Mapping[str, Adapter], wake: Callable[[], None]):
        self.settings, self.engine, self.clock = settings, engine, clock
        self.relay, self.review, self.commands = relay, review, commands
        self._adapters = adapters
        self._wake = wake

    async def _write(self, transaction: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a transaction that may queue deliveries off the loop, then wake the worker."""
        try:
            return await asyncio.to_thread(transaction, *args, **kwargs)
        finally:
            self._wake()

    # -- what adapters ask (CoreGateway) -------------------------------------------------------------

    async def handle(self, event: Inbound) -> None:
        logger.info("<= %s %s in %s from %s", event.kind, event.event_key, event.channel, event.author_id)
        await self._write(self.relay.record, event)

    async def run_command(self, request: CommandRequest) -> str:
        reply, linked = await self._write(self.commands.run, request)
        if linked is not None:
            await self.check_channel(ChannelRef(linked.platform, linked.workspace, linked.channel))
        return reply

    async def decide_review(self, request: ReviewRequest) -> str:
        def coordinator() -> Person | None:
            with Session(self.engine) as session:
                return repo.person_by_account(session, request.platform, request.workspace, request.user_id)

        person = await asyncio.to_thread(coordinator)
        if person is None or person.role != "coordinator":
            return "Only a coordinator of this program can decide held messages."
        try:
            item = await self.decide(request.review_id, request.decision, coordinator=person,
                                     actor=person.key, note=request.note)
        except ReviewError as error:
            return str(error)
        return f"Held message #{item.id} {item.state.replace('_', ' ')}."

    async def supervised_channels(self, platform: str) -> list[FollowedChannel]:
        def query() -> list[FollowedChannel]:
            with Session(self.engine) as session:
                followed = []
                for row in repo.active_channels(session, platform):
                    ref = ChannelRef(row.platform, row.workspace, row.channel)
                    followed.append(FollowedChannel(ref, repo.last_logged_message_id(session, ref),
                                                    as_utc(row.linked_at)))
                return followed
        return await asyncio.to_thread(query)

    async def check_channel(self, channel: ChannelRef) -> None:
        """Ask the channel's adapter who can read it and alert the coordinator about anything unsafe."""
        adapter = self._adapters.get(channel.platform)
        if adapter is None:
            return
        try:
            members = await adapter.members(channel)
        except Exception:
            logger.exception("could not list members of %s", channel)
            return

        def record() -> int:
            with Session(self.engine) as session:
                raised = report_unsafe_setup(session, channel, members.user_ids, now=self.clock(),
                                             coordinator_can_see=members.coordinator_can_see)
                session.commit()
                return raised
        await self._write(record)

    # -- what coordinators do (desk, CLI, demo, chat buttons) ---------------------------------------

    async def decide(self, review_id: int, decision: str, *, coordinator: Person | None, actor: str,
                     note: str = "") -> ReviewItem:
        """Approve, approve redacted or reject a held message (``ReviewError`` if it cannot be)."""
        return await self._write(self.review.decide, review_id, decision, coordinator=coordinator,
                                 actor=actor, note=note)

    async def open_holds(self, program_id: str | None = None) -> list[HoldView]:
        return await asyncio.to_thread(self.review.open_holds, program_id)

    async def set_paused(self, match_key: str, *, paused: bool, program_id: str | None, actor: str,
                         reason: str = "") -> Match:
        """Pause or resume a match; both sides are told (``MatchError`` if it makes no sense)."""
        return await self._write(set_paused, self.engine, match_key, paused=paused, program_id=program_id,
                                 actor=actor, clock=self.clock, reason=reason)

    async def send_prompt_now(self, program_id: str, *, match_keys: list[str] | None = None) -> WeekResult:
        """This week's prompt to every match (or these) that has not had it."""
        return await self._write(send_now, self.engine, program_id, self.clock(), match_keys=match_keys)

    # -- what the scheduler runs -----------------------------------------------------------------------

    async def check_all_channels(self) -> None:
        """The daily set-up check over every supervised channel this process can reach."""
        def channels() -> list[ChannelRef]:
            with Session(self.engine) as session:
                return [ChannelRef(c.platform, c.workspace, c.channel) for c in repo.active_channels(session)]
        for channel in await asyncio.to_thread(channels):
            await self.check_channel(channel)

    async def post_due_prompts(self) -> TickReport:
        """Due weekly prompts, then due digests (idempotent: the database decides what is due)."""
        now = self.clock()
        report = await self._write(post_due_prompts, self.engine, now)
        await self._write(post_due_digests, self.engine, now)
        return report

    async def nudge_quiet_matches(self) -> NudgeReport:
        return await self._write(nudge_quiet_matches, self.engine, self.clock())

    async def back_up(self) -> Manifest:
        """The daily backup (BACKUP_DAILY_AT) into BACKUP_DIR, then backups past BACKUP_KEEP_DAYS deleted."""
        settings, now = self.settings, self.clock()

        def backup_and_prune() -> Manifest:
            folder = settings.resolved_backup_dir
            manifest = take_backup(self.engine, folder, now=now, pg_bin=settings.pg_bin_dir)
            removed = prune(folder, keep_days=settings.backup_keep_days, now=now)
            logger.info("backup %s taken; %d older backup(s) deleted", manifest.file, len(removed))
            return manifest

        return await asyncio.to_thread(backup_and_prune)
