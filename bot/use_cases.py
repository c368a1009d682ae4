"""The use cases every surface calls: adapters (as their ``CoreGateway``), the web desk, the CLI,
the console demo and the scheduler's jobs.

Each one runs its synchronous database transaction off the event loop and, when the transaction
may have queued outbox rows, wakes the delivery worker, so no caller has to remember either. The
transactions themselves live in their rooms (``relay``, ``review``, ``commands``, ``roster``,
``prompts``, ``alerts``); this module only sequences them.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from itertools import groupby
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import report_unsafe_setup
from bot.commands import Commands
from bot.governance.anchoring import Published, publish_heads
from bot.governance.retention import apply_all
from bot.messages import AlertRequest, ChannelRef, CommandRequest, Form, Inbound, InboundKind, ReviewRequest
from bot.ops.logs import process_name
from bot.ops.metrics import Metrics
from bot.ports import Adapter, FollowedChannel, adapter_serves
from bot.prompts.digest import post_due_digests
from bot.prompts.nudges import NudgeReport, nudge_quiet_matches
from bot.prompts.weekly import TickReport, WeekResult, post_due_prompts, send_now
from bot.relay.encoder_batch import EncoderBatcher
from bot.relay.pipeline import Relay
from bot.review import patterns
from bot.review.desk import HoldView, ReviewDesk, ReviewError
from bot.review.gate_holds import release_cleared_gates
from bot.roster.pausing import MatchError, set_paused
from bot.settings import Settings
from bot.year.actions import YearActions
from bot.year.checkins import post_due_checkins
from bot.year.expectations import post_for_new_matches
from bot.year.expiry import remind_expiring
from bot.year_use_cases import YearUseCases
from storage import job_claims, repo
from storage.backup import Manifest, prune, take_backup
from storage.clock import as_utc
from storage.models import Match, Person, ReviewItem
from storage.safe_text import without_lone_surrogates

logger = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]


class Core(YearUseCases):
    """mentorbot's use cases over one database; implements ``bot.ports.CoreGateway``.

    The program year's use cases (profiles, bios, choosing, matching, hand-over) come from
    ``YearUseCases`` (``bot/year_use_cases.py``), including the gateway's ``submit_form``."""

    def __init__(self, *, settings: Settings, engine: Engine, clock: Clock, relay: Relay, review: ReviewDesk,
                 commands: Commands, adapters: Mapping[str, Adapter], wake: Callable[[], None],
                 year: YearActions, metrics: Metrics | None = None):
        self.settings, self.engine, self.clock = settings, engine, clock
        self.relay, self.review, self.commands = relay, review, commands
        self.year = year  # the program year's records and edits (issue 14)
        self._adapters = adapters
        self._wake = wake
        self.metrics = metrics
        self.encoder_batch = EncoderBatcher(relay.policies)

    async def _write(self, transaction: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a transaction that may queue deliveries off the loop, then wake the worker."""
        try:
            return await asyncio.to_thread(transaction, *args, **kwargs)
        finally:
            self._wake()

    # -- what adapters ask (CoreGateway) -------------------------------------------------------------

    async def handle(self, event: Inbound) -> None:
        logger.info("<= %s %s in %s from %s", event.kind, event.event_key, event.channel, event.author_id)
        if event.kind in (InboundKind.MESSAGE, InboundKind.EDIT) and event.text:
            await self.encoder_batch.ready(without_lone_surrogates(event.text))  # with concurrent events
        await self._write(self.relay.record, event)

    async def run_command(self, request: CommandRequest) -> str | Form:
        reply, linked = await self._write(self.commands.run, request,
                                          max_options=self.menu_options(request.channel.platform))
        if linked is not None:
            await self.check_channel(ChannelRef(linked.platform, linked.workspace, linked.channel))
        return reply

    async def _account(self, platform: str, workspace: str, user_id: str) -> Person | None:
        def lookup() -> Person | None:
            with Session(self.engine) as session:
                return repo.person_by_account(session, platform, workspace, user_id)
        return await asyncio.to_thread(lookup)

    async def decide_review(self, request: ReviewRequest) -> str:
        person = await self._account(request.platform, request.workspace, request.user_id)
        if person is None or person.role != "coordinator":
            return "Only a coordinator of this program can decide held messages."
        try:
            item = await self.decide(request.review_id, request.decision, coordinator=person,
                                     actor=person.key, note=request.note)
        except ReviewError as error:
            return str(error)
        return f"Held message #{item.id} {item.state.replace('_', ' ')}."

    async def act_on_alert(self, request: AlertRequest) -> str:
        """An alert card's button: today "Pause match" on a pattern alert."""
        person = await self._account(request.platform, request.workspace, request.user_id)
        if person is None or person.role != "coordinator":
            return "Only a coordinator of this program can act on alerts."
        if request.action != "pause_match":
            return f"Unknown alert action {request.action!r}."
        try:
            match = await self.pause_from_alert(request.alert_id, coordinator=person, actor=person.key,
                                                via=f"the {request.platform} alert card")
        except (patterns.PatternError, MatchError) as error:
            return str(error)
        return (f"Match {match.key} paused: both sides were told, and every message waits for you "
                "until you resume it.")

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
        """Ask the channel's adapter who can read it and alert the coordinator about anything unsafe.

        Only where this process serves the channel: a Discord replica knows the members of its own
        shard's servers only (another replica checks the rest)."""
        adapter = self._adapters.get(channel.platform)
        if not adapter_serves(adapter, channel):
            logger.debug("set-up check of %s left to the replica that serves it", channel)
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

    async def open_holds(self, program_id: str | None = None, *, reader: str | None = None) -> list[HoldView]:
        """Open holds; ``reader`` (who is shown their text) is audited."""
        return await asyncio.to_thread(partial(self.review.open_holds, program_id, reader=reader))

    async def set_paused(self, match_key: str, *, paused: bool, program_id: str | None, actor: str,
                         reason: str = "") -> Match:
        """Pause or resume a match; both sides are told (``MatchError`` if it makes no sense)."""
        return await self._write(set_paused, self.engine, match_key, paused=paused, program_id=program_id,
                                 actor=actor, clock=self.clock, reason=reason)

    async def year_do(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """One of ``self.year``'s actions (it may release held messages or queue posts)."""
        return await self._write(action, *args, **kwargs)
    async def pause_from_alert(self, alert_id: int, *, coordinator: Person, actor: str, reason: str = "",
                               via: str = "the desk") -> Match:
        """Pause a pattern alert's match (the match pause there is) and note it on the alert."""
        return await self._write(patterns.pause_from_alert, self.engine, alert_id, coordinator=coordinator,
                                 actor=actor, clock=self.clock, reason=reason, via=via)

    async def review_pattern(self, alert_id: int, *, coordinator: Person, actor: str,
                             reason: str) -> patterns.Reviewed:
        """"Not a concern": clear the score, then deliver what only the pattern held (as approvals)."""
        reviewed = await self._write(patterns.mark_reviewed, self.engine, alert_id, coordinator=coordinator,
                                     actor=actor, reason=reason, clock=self.clock)
        for review_id in reviewed.release:
            try:
                await self.decide(review_id, "approve", coordinator=coordinator, actor=actor,
                                  note="")
            except ReviewError:
                continue  # decided meanwhile by another coordinator
        return reviewed

    async def mark_flags_seen(self, program_id: str, signal_ids: list[int], *, actor: str) -> int:
        return await asyncio.to_thread(patterns.mark_flags_seen, self.engine, program_id, signal_ids,
                                       actor=actor, clock=self.clock)

    async def release_cleared_gates(self, program_id: str, *, actor: str,
                                    match_ids: list[int] | None = None) -> list[int]:
        """Deliver the holds whose program gates have cleared (after a form, clearance or activation
        recorded outside the roster import, which calls it itself); returns the review ids released."""
        def transaction() -> list[int]:
            with Session(self.engine) as session:
                released = release_cleared_gates(session, program_id=program_id, now=self.clock(),
                                                 actor=actor, match_ids=match_ids)
                session.commit()
                return released
        return await self._write(transaction)

    async def override_gate(self, review_id: int, *, gates: list[str], reason: str, coordinator: Person,
                            actor: str, decision: str = "approve", note: str = "") -> ReviewItem:
        """Deliver a gate hold anyway, naming the gates and the reason (audited)."""
        return await self._write(self.review.override, review_id, gates=gates, reason=reason,
                                 coordinator=coordinator, actor=actor, decision=decision, note=note)

    async def send_prompt_now(self, program_id: str, *, match_keys: list[str] | None = None) -> WeekResult:
        """This week's prompt to every match (or these) that has not had it."""
        result = await self._write(send_now, self.engine, program_id, self.clock(), match_keys=match_keys)
        if self.metrics is not None:
            self.metrics.prompts_posted(result.posted)
        return result

    # -- what the scheduler runs -----------------------------------------------------------------------

    async def check_all_channels(self, *, once_per: str | None = None) -> None:
        """The set-up check over every supervised channel this process serves.

        ``once_per`` (the scheduler passes the day) makes replicas split the work: the replicas that
        serve the same channels of a platform (every Slack replica; the one replica of a Discord
        shard) claim it for the period in the database, and only the one that wins checks them."""
        def channels() -> list[ChannelRef]:
            with Session(self.engine) as session:
                return [ChannelRef(c.platform, c.workspace, c.channel) for c in repo.active_channels(session)]
        served = [c for c in await asyncio.to_thread(channels)
                  if adapter_serves(self._adapters.get(c.platform), c)]
        for platform, group in groupby(sorted(served, key=lambda c: c.platform), key=lambda c: c.platform):
            mine = list(group)
            if once_per and not await asyncio.to_thread(self._claim, _share(platform, mine), once_per):
                logger.info("set-up check of %s channels: another replica has it for %s", platform, once_per)
                continue
            for channel in mine:
                await self.check_channel(channel)
        if once_per:
            await asyncio.to_thread(job_claims.forget_before, self.engine, self.clock())

    def _claim(self, job: str, period: str) -> bool:
        return job_claims.claim(self.engine, job, period, now=self.clock(),
                                holder=process_name(self.settings.replica_name))

    async def post_due_prompts(self) -> TickReport:
        """Due weekly prompts, then due digests (idempotent: the database decides what is due)."""
        now = self.clock()
        report = await self._write(post_due_prompts, self.engine, now)
        await self._write(post_due_digests, self.engine, now)
        if self.metrics is not None:
            self.metrics.prompts_posted(sum(result.posted for result in report.results))
        return report

    async def nudge_quiet_matches(self) -> NudgeReport:
        return await self._write(nudge_quiet_matches, self.engine, self.clock())

    async def daily_data_care(self, *, once_per: str | None = None) -> list[Published]:
        """Once a day: apply every program's retention schedule, then publish the chain heads
        (to the head file and each review channel), so the day's erasures are under the head.

        ``once_per`` (the scheduler passes the day): with replicas only the one that claims the
        period does it, so heads are published once, not once per replica."""
        now, settings = self.clock(), self.settings
        if once_per and not await asyncio.to_thread(self._claim, "data-care", once_per):
            logger.info("data care: another replica has it for %s", once_per)
            return []
        if settings.retention_daily:
            await asyncio.to_thread(apply_all, self.engine, actor="retention (daily)", now=now,
                                    unrouted_days=settings.unrouted_retention_days)
        return await self._write(publish_heads, self.engine, now=now, head_file=settings.chain_head_file)

    async def post_year_posts(self) -> int:
        """Expectations for matches that started, then each term's due check-ins (idempotent)."""
        now = self.clock()
        posted = await self._write(post_for_new_matches, self.engine, now)
        return posted + await self._write(post_due_checkins, self.engine, now)

    async def remind_expiring(self) -> int:
        """Alerts for permission forms, training and clearance that expire soon or did (once each)."""
        return await self._write(remind_expiring, self.engine, self.clock())


    async def back_up(self, *, once_per: str | None = None) -> Manifest | None:
        """The daily backup (BACKUP_DAILY_AT) into BACKUP_DIR, then backups past BACKUP_KEEP_DAYS deleted.

        ``once_per`` (the scheduler passes the day): with replicas only the one that claims the day
        takes it, so a deployment makes one backup a day, not one per replica."""
        settings, now = self.settings, self.clock()
        if once_per and not await asyncio.to_thread(self._claim, "backup", once_per):
            logger.info("backup: another replica has it for %s", once_per)
            return None

        def backup_and_prune() -> Manifest:
            folder = settings.resolved_backup_dir
            manifest = take_backup(self.engine, folder, now=now, pg_bin=settings.pg_bin_dir)
            removed = prune(folder, keep_days=settings.backup_keep_days, now=now)
            logger.info("backup %s taken; %d older backup(s) deleted", manifest.file, len(removed))
            return manifest

        return await asyncio.to_thread(backup_and_prune)


def _share(platform: str, channels: list[ChannelRef]) -> str:
    """A job name shared by the replicas that serve exactly these channels' workspaces."""
    workspaces = "\n".join(sorted({c.workspace for c in channels}))
    return f"setup-check:{platform}:{hashlib.sha256(workspaces.encode()).hexdigest()[:16]}"
