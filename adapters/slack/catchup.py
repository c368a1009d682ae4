"""Slack catch-up: what supervised channels got while the bot could not hear them, screened first.

Slack retries an event it could not deliver only three times (at once, after one minute, after
five minutes), then drops it. So on start and after every Socket Mode
reconnect, each supervised channel of the workspace is read from ``conversations.history`` after
its newest logged message (a channel with nothing logged yet: from its link time, at most
``CATCH_UP_MAX_AGE`` back), with the replies of threads that had replies since, and every message
goes, oldest first, through the same path and under the same log key as its live event would
(``convert.message_key``) — so one also delivered late by Slack is logged once.

Order: the moment the first connection is up, and before any event on it is handled, the
workspace's gate closes; a channel's live message events wait at the gate until that channel is
caught up. A reconnect (Slack refreshes Socket Mode connections routinely, and a replica's peers
keep receiving meanwhile) catches up in the background without holding live events: reading
every channel's history is rate-limited (Tier 3), and holding a large workspace's live traffic for
minutes after every refresh would cost more than the rare message a reconnect missed arriving a
little after newer ones.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import history
from adapters.slack.errors import PERMANENT_ERRORS
from bot.ports import FollowedChannel

logger = logging.getLogger(__name__)

CATCH_UP_MAX_AGE = timedelta(days=7)  # a channel with nothing logged: from its link time, at most this far
THREAD_LOOK_BACK = timedelta(days=7)  # threads started this long ago are checked for replies since
CATCH_UP_RETRIES = (0.5, 1.0, 2.0)  # pauses after a failed read or record; then it tries again later
LATER_RETRIES = (60.0, 300.0, 900.0)  # a channel given up on is tried again (live events go on meanwhile)


class RecordFailed(Exception):
    """The core could not record a caught-up message (the next attempt starts that window again)."""


_FAILURES = (SlackApiError, history.HistoryTooLong, aiohttp.ClientError, OSError, TimeoutError, RecordFailed)


class WorkspaceCatchUp:
    """The catch-up of one workspace's supervised channels, and the gate that holds their live events."""

    def __init__(self, *, team_id: str, client: AsyncWebClient,
                 followed: Callable[[], Awaitable[list[FollowedChannel]]],
                 deliver: Callable[[dict[str, Any]], Awaitable[bool]],
                 max_age: timedelta = CATCH_UP_MAX_AGE, thread_look_back: timedelta = THREAD_LOOK_BACK):
        self.team_id = team_id
        self.client = client
        self._followed = followed
        self._deliver = deliver
        self.max_age = max_age
        self.thread_look_back = thread_look_back
        self.rounds = 0  # catch-up rounds finished (one per connection, unless a newer one cut it short)
        self.screened = 0  # messages and edits handed to the core by catch-ups
        self._listed = asyncio.Event()
        self._listed.set()
        self._pending: dict[str, asyncio.Event] = {}
        self._again = False
        self._task: asyncio.Task[None] | None = None
        self._later: set[asyncio.Task[None]] = set()
        self.idle = asyncio.Event()
        self.idle.set()
        self.sessions = 0  # connections announced; only the first one holds live events
        self._hold_live = True

    # -------------------------------------------------------------- the gate
    def new_session(self) -> None:
        """A connection is up: hold every channel's live events until its catch-up is done.

        Synchronous, so it runs before the new connection's first event is handled. Only the first
        connection holds live events (see the module's docstring); later ones catch up alongside."""
        self.sessions += 1
        self._hold_live = self.sessions == 1
        if self._hold_live:
            self._listed.clear()
        self._again = True
        self.idle.clear()
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def wait(self, channel: str) -> None:
        """Return once live events of ``channel`` may go to the core."""
        while True:
            if not self._listed.is_set():
                await self._listed.wait()
                continue
            pending = self._pending.get(channel)
            if pending is None or pending.is_set():
                return
            await pending.wait()

    def _hold(self, channels: list[str]) -> None:
        for old in self._pending.values():
            old.set()  # its waiters look again and find the new gate
        self._pending = {channel: asyncio.Event() for channel in channels}
        self._listed.set()

    def _release(self, channel: str) -> None:
        gate = self._pending.pop(channel, None)
        if gate is not None:
            gate.set()

    async def close(self) -> None:
        tasks = [t for t in (self._task, *self._later) if t is not None and not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._hold([])

    # -------------------------------------------------------------- rounds
    async def _run(self) -> None:
        try:
            while self._again:
                self._again = False
                await self._round()
        finally:
            self._hold([])  # no round runs any more: nothing may stay held
            self.idle.set()

    async def _round(self) -> None:
        followed = await self._list_channels()
        if self._again:
            return  # a newer connection came up meanwhile: its round takes over
        self._hold([f.channel.channel for f in followed] if self._hold_live else [])
        for channel in followed:
            if self._again:
                return
            try:
                await self._catch_up(channel)
            except Exception:  # one channel's surprise must not hold the others' live events
                logger.exception("slack catch-up of %s failed", channel.channel)
            finally:
                self._release(channel.channel.channel)
        self.rounds += 1

    async def _list_channels(self) -> list[FollowedChannel]:
        for pause in CATCH_UP_RETRIES:
            try:
                return [f for f in await self._followed() if f.channel.workspace == self.team_id]
            except Exception:
                logger.exception("slack catch-up of %s: could not list the supervised channels", self.team_id)
                await asyncio.sleep(pause)
        logger.error("slack catch-up of %s skipped: the supervised channels could not be listed",
                     self.team_id)
        return []

    async def _catch_up(self, followed: FollowedChannel) -> None:
        oldest = catch_up_oldest(followed.last_logged_message_id, followed.linked_at,
                                 now=datetime.now(UTC), max_age=self.max_age)
        if oldest is None:
            return
        if not await self._attempts(followed.channel.channel, oldest, CATCH_UP_RETRIES):
            task = asyncio.get_running_loop().create_task(self._retry_later(followed.channel.channel, oldest))
            self._later.add(task)
            task.add_done_callback(self._later.discard)

    async def _attempts(self, channel: str, oldest: float, pauses: tuple[float, ...]) -> bool:
        """Screen the channel after ``oldest``, trying again after each pause; True once done."""
        for pause in pauses:
            try:
                screened = await self._screen(channel, oldest)
            except _FAILURES as exc:
                error = exc.response.get("error") if isinstance(exc, SlackApiError) else None
                if error in PERMANENT_ERRORS:  # removed from the channel, archived, scope taken away
                    logger.error("slack catch-up of %s/%s impossible: %s", self.team_id, channel, error)
                    return True
                logger.warning("slack catch-up of %s/%s failed (%s); trying again in %.1fs",
                               self.team_id, channel, error or repr(exc), pause)
                await asyncio.sleep(pause)
                continue
            logger.info("slack catch-up of %s/%s: %d missed message(s) and edit(s) screened",
                        self.team_id, channel, screened)
            return True
        return False

    async def _retry_later(self, channel: str, oldest: float) -> None:
        """After giving up (live events went on), try the same window again: dedupe keeps it single."""
        logger.error("slack catch-up of %s/%s gave up for now: messages sent there while the bot was away "
                     "are screened when it tries again (in %.0fs)", self.team_id, channel, LATER_RETRIES[0])
        for pause in LATER_RETRIES:
            await asyncio.sleep(pause)
            if await self._attempts(channel, oldest, (1.0,)):
                return
        logger.error("slack catch-up of %s/%s failed: messages sent there while the bot was away may "
                     "not be screened until the next start or reconnect", self.team_id, channel)

    # -------------------------------------------------------------- one channel
    async def _screen(self, channel: str, oldest: float) -> int:
        """Hand the core every message after ``oldest`` (replies in recent threads too) and every edit
        made since of a message read, in the order they happened."""
        scan_from = min(oldest, time.time() - self.thread_look_back.total_seconds())
        items: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}
        for message in await history.channel_since(self.client, channel, scan_from):
            self._consider(items, channel, message, oldest)
            if _thread_active_since(message, oldest):
                for reply in await history.thread_replies(self.client, channel, message["ts"]):
                    self._consider(items, channel, reply, oldest)
        screened = 0
        for _at, body in sorted(items.values(), key=lambda item: item[0]):
            if not await self._deliver_or_raise(body):
                continue
            screened += 1
        self.screened += screened
        return screened

    async def _deliver_or_raise(self, body: dict[str, Any]) -> bool:
        try:
            return await self._deliver(body)
        except Exception as exc:
            raise RecordFailed(str(exc)) from exc

    def _consider(self, items: dict[tuple[str, str], tuple[float, dict[str, Any]]], channel: str,
                  message: dict[str, Any], oldest: float) -> None:
        ts = message.get("ts") or ""
        if not ts:
            return
        if float(ts) > oldest:
            items[("message", ts)] = (float(ts), history.history_body(self.team_id, channel, message))
            return
        edited = (message.get("edited") or {}).get("ts")
        if edited and float(edited) > oldest:
            items[("edit", ts)] = (float(edited), history.history_edit_body(self.team_id, channel, message))


def catch_up_oldest(last_logged: str | None, linked_at: datetime | None, *, now: datetime,
                    max_age: timedelta) -> float | None:
    """Where a channel's catch-up starts (exclusive, as a Slack ``ts``): after the newest logged
    message, else from the moment the channel was linked but never further back than ``max_age``;
    None when neither is known."""
    if last_logged:
        try:
            return float(last_logged)
        except ValueError:
            pass
    if linked_at is None:
        return None
    return max(linked_at, now - max_age).timestamp()


def _thread_active_since(message: dict[str, Any], oldest: float) -> bool:
    """A thread parent whose newest reply came after ``oldest``."""
    if not message.get("reply_count") or message.get("thread_ts") not in (None, message.get("ts")):
        return False
    return float(message.get("latest_reply") or 0) > oldest
