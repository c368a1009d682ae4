"""Inbound side: the discord.py client's events -> one ordered queue -> catch-up first, then the core.

Every new gateway session (discord.py's ``on_connect``, at READY; not on RESUME, where Discord
replays what was missed) first fetches what each supervised channel got since its newest logged
message — or, with nothing logged yet, since it was linked — and only then hands that channel's
live events to the core. discord.py reports ``on_ready`` seconds after READY (it waits for the
guilds), and live MESSAGE_CREATEs arrive meanwhile: they wait in the queue behind their channel's
catch-up, so a live message can never move the starting point past the missed ones.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import aiohttp
import discord

from adapters.discord import convert
from adapters.discord.forms import FormSelect
from adapters.discord.interactions import AlertButton, ReviewButton, build_tree
from bot.messages import ChannelRef, Inbound

if TYPE_CHECKING:
    from bot.ports import CoreGateway, FollowedChannel


class PumpHost(Protocol):
    """What the inbound side needs of the adapter (a protocol, so this module never imports adapter.py)."""

    client: MentorClient | None
    core: CoreGateway
    pump: InboundPump

    async def sync_commands(self) -> None: ...

    def serves(self, channel: ChannelRef) -> bool: ...

logger = logging.getLogger(__name__)

_WAKE = object()  # on_ready: catch up every channel not caught up yet, then check set-ups
_SESSION = object()  # on_connect: a new session began; every channel needs a catch-up again
CATCH_UP_MAX_AGE = timedelta(days=7)  # a channel with nothing logged: from its link time, at most this far
CATCH_UP_ROUNDS = 10  # pages of backfill_limit messages one catch-up reads at most
CATCH_UP_RETRIES = (0.5, 1.0, 2.0)  # pauses after a failed history fetch; then it gives up for now
SEEN_KEYS = 10_000  # event keys remembered to drop gateway replays before they reach the core
HANDLE_ATTEMPTS = 3


def intents() -> discord.Intents:
    """Only what the adapter uses: guilds (channels, roles, permissions), guild messages, direct
    messages (a DM to the bot is logged and answered with a pointer), message content
    (privileged: the text to screen) and members (privileged: who can read a channel)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    wanted.members = True
    return wanted


def message_fields(message: discord.Message) -> dict[str, Any]:
    """A discord.py Message back in the API's shape, so one converter serves live events and history."""
    data: dict[str, Any] = {
        "id": str(message.id),
        "channel_id": str(message.channel.id),
        "content": message.content,
        "type": message.type.value,
        "timestamp": message.created_at.isoformat(),
        "edited_timestamp": message.edited_at.isoformat() if message.edited_at else None,
        "author": {
            "id": str(message.author.id),
            "username": message.author.name,
            "bot": message.author.bot,
            "global_name": message.author.global_name,
            "system": message.author.system,
        },
        "attachments": [{"id": str(a.id)} for a in message.attachments],
        "sticker_items": [{"id": str(s.id)} for s in message.stickers],
    }
    if message.guild is not None:
        data["guild_id"] = str(message.guild.id)
    if message.webhook_id:
        data["webhook_id"] = str(message.webhook_id)
    nick = getattr(message.author, "nick", None)
    if nick:
        data["member"] = {"nick": nick}
    snapshots = getattr(message, "message_snapshots", None) or []
    if snapshots:  # a forward: its text and files are not in ``content``
        data["message_snapshots"] = [{"message": {
            "content": snap.content,
            "attachments": [{"id": str(a.id)} for a in snap.attachments],
            "sticker_items": [{"id": str(s.id)} for s in getattr(snap, "stickers", [])],
        }} for snap in snapshots]
    if message.poll is not None:
        data["poll"] = {"question": {"text": message.poll.question},
                        "answers": [{"poll_media": {"text": a.text}} for a in message.poll.answers]}
    if message.reference and message.reference.message_id:
        data["message_reference"] = {"message_id": str(message.reference.message_id)}
    return data


class MentorClient(discord.Client):
    """discord.Client that hands every message event to the adapter's pump, in arrival order."""

    def __init__(self, *, adapter: PumpHost, **options: Any) -> None:
        super().__init__(intents=intents(), **options)
        self.adapter = adapter
        self.tree = build_tree(self)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ReviewButton, FormSelect, AlertButton)

    async def on_connect(self) -> None:
        self.adapter.pump.new_session()  # before any await: ahead of this session's first message

    async def on_ready(self) -> None:
        logger.info("<= READY as %s in %d guild(s)", self.user, len(self.guilds))
        await self.adapter.pump.on_ready()

    async def on_resumed(self) -> None:
        logger.info("<= RESUMED: missed events are replayed by Discord; no catch-up needed")

    async def on_message(self, message: discord.Message) -> None:
        self.adapter.pump.offer_message(message_fields(message))

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        self.adapter.pump.offer_edit(payload.data)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        data: dict[str, Any] = {"id": str(payload.message_id), "channel_id": str(payload.channel_id)}
        if payload.guild_id:
            data["guild_id"] = str(payload.guild_id)
        cached = payload.cached_message
        if cached is not None and (cached.author.bot or cached.webhook_id):
            return  # one of the bot's relays or another bot's message
        self.adapter.pump.offer_delete(data, author_id=str(cached.author.id) if cached else "")

    async def on_guild_channel_update(self, before: Any, after: Any) -> None:
        if getattr(before, "overwrites", None) != getattr(after, "overwrites", None):
            await self.adapter.pump.check_channel(after.id)


class InboundPump:
    """Orders inbound events, drops replays, catches each channel up after (re)identify, feeds the core."""

    def __init__(self, *, adapter: PumpHost, backfill_limit: int) -> None:
        self.adapter = adapter
        self.backfill_limit = backfill_limit
        self.queue: asyncio.Queue[Any] = asyncio.Queue()
        self.backfills = 0  # catch-up rounds finished (one per session once every channel is done)
        self.max_age = CATCH_UP_MAX_AGE
        self._followed: dict[ChannelRef, FollowedChannel] = {}  # where each channel's catch-up starts
        self._stale = False  # True once a catch-up or delivery fell short: refresh before the next
        self._caught_up: set[ChannelRef] = set()
        self.ready = asyncio.Event()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self.last_seen: OrderedDict[tuple[ChannelRef, str], str] = OrderedDict()
        self.synced_guilds: set[int] = set()

    # -------------------------------------------------------------- producers (event handlers)

    def _bot_id(self) -> str:
        user = self.adapter.client.user if self.adapter.client else None
        return str(user.id) if user else ""

    def _parent(self, data: dict[str, Any]) -> str | None:
        client = self.adapter.client
        channel = client.get_channel(int(data["channel_id"])) if client else None
        if isinstance(channel, discord.Thread):
            return str(channel.parent_id)
        return None

    def offer_message(self, data: dict[str, Any]) -> None:
        if convert.is_relayable(data, bot_user_id=self._bot_id()):
            self.queue.put_nowait(convert.inbound_message(data, parent_id=self._parent(data)))

    def offer_edit(self, data: dict[str, Any]) -> None:
        if "author" in data and not convert.is_relayable(data, bot_user_id=self._bot_id()):
            return
        event = convert.inbound_edit(data, parent_id=self._parent(data))
        if event is not None:
            self.queue.put_nowait(event)

    def offer_delete(self, data: dict[str, Any], *, author_id: str) -> None:
        self.queue.put_nowait(convert.inbound_delete(data, parent_id=self._parent(data), author_id=author_id))

    def new_session(self) -> None:
        self.queue.put_nowait(_SESSION)

    async def on_ready(self) -> None:
        self.queue.put_nowait(_WAKE)
        await self.adapter.sync_commands()
        self.ready.set()

    # -------------------------------------------------------------- consumer

    async def run(self) -> None:
        """The one consumer: everything reaches the core in order, each channel after its catch-up."""
        while True:
            item = await self.queue.get()
            try:
                await self._consume(item)
            except Exception:  # the pump must outlive anything one event does
                logger.exception("inbound pump: handling %r failed", item)

    async def _consume(self, item: Any) -> None:
        if item is _SESSION:
            self._caught_up.clear()
            await self._follow()
        elif item is _WAKE:
            for ref in sorted(set(self._followed) - self._caught_up, key=str):
                await self.catch_up(ref)
            self.backfills += 1
            await self.check_all_channels()
        else:
            if item.channel in self._followed and item.channel not in self._caught_up:
                await self.catch_up(item.channel)
            if not await self.deliver(item):
                self._caught_up.discard(item.channel)  # the next event there fetches it again
                self._stale = True

    async def _served_channels(self) -> list[FollowedChannel]:
        """The supervised channels whose events this process's gateway shard receives."""
        followed = await self.adapter.core.supervised_channels(convert.PLATFORM)
        return [f for f in followed if self.adapter.serves(f.channel)]

    async def _follow(self) -> None:
        """Where each supervised channel stands now: taken before this session's events reach the core."""
        self._followed = {f.channel: f for f in await self._served_channels()}
        self._stale = False

    def _remember(self, key: str) -> bool:
        """True the first time ``key`` is seen."""
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > SEEN_KEYS:
            self._seen.popitem(last=False)
        return True

    async def deliver(self, event: Inbound) -> bool:
        """Hand one event to the core; False if the core failed it every time (it was not recorded)."""
        if not self._remember(event.dedupe_key):
            logger.debug("<= %s %s: replayed event dropped", event.kind, event.event_key)
            return True
        if event.kind == "message":
            self.last_seen[(event.channel, event.author_id)] = event.message_id
            if len(self.last_seen) > SEEN_KEYS:
                self.last_seen.popitem(last=False)
        logger.info("<= %s %s in %s from %s", event.kind, event.message_id, event.channel, event.author_id)
        for attempt in range(1, HANDLE_ATTEMPTS + 1):
            try:
                await self.adapter.core.handle(event)
                return True
            except Exception:
                logger.exception(
                    "core.handle failed (attempt %d/%d) for %s", attempt, HANDLE_ATTEMPTS, event.event_key
                )
                await asyncio.sleep(0.1 * attempt)
        self._seen.pop(event.dedupe_key, None)  # let a later replay or catch-up try again
        return False

    async def catch_up(self, ref: ChannelRef) -> None:
        """Screen what one channel got while the bot was away, oldest first (bounded in count and age).

        The channel counts as caught up only if every fetched message was recorded; otherwise its
        next event starts another catch-up from the newest logged message.
        """
        if self._stale:  # an earlier catch-up stopped short: where each channel stands has moved
            await self._follow()
        followed = self._followed[ref]
        start = convert.catch_up_after(followed.last_logged_message_id, followed.linked_at,
                                       now=datetime.now(UTC), max_age=self.max_age)
        if start is None:
            self._caught_up.add(ref)
            return
        for pause in CATCH_UP_RETRIES:
            try:
                screened, complete = await self._fetch_missed(ref, start)
            except (discord.HTTPException, aiohttp.ClientError, OSError, ValueError) as exc:
                logger.warning("catch-up of %s failed (%s); trying again in %.1fs", ref, exc, pause)
                await asyncio.sleep(pause)
                continue
            if complete:
                self._caught_up.add(ref)
            else:
                self._stale = True
            logger.info("catch-up of %s: %d missed message(s) screened", ref, screened)
            return
        self._stale = True
        logger.error("catch-up of %s gave up: messages sent there while the bot was away may not be "
                     "screened until its next event or the next start", ref)

    async def _fetch_missed(self, ref: ChannelRef, start: int) -> tuple[int, bool]:
        """Deliver the channel's messages after ``start`` in pages of ``backfill_limit``; stops at the
        first one the core could not record (the next catch-up resumes there). (screened, complete)."""
        client = self.adapter.client
        channel = client.get_channel(int(ref.channel)) or await client.fetch_channel(int(ref.channel))
        screened, after = 0, start
        for _ in range(CATCH_UP_ROUNDS):
            fetched = 0
            async for message in channel.history(
                limit=self.backfill_limit, after=discord.Object(id=after), oldest_first=True
            ):
                fetched, after = fetched + 1, message.id
                data = message_fields(message)
                if not convert.is_relayable(data, bot_user_id=self._bot_id()):
                    continue
                if not await self.deliver(convert.inbound_message(data)):
                    return screened, False
                screened += 1
            if fetched < self.backfill_limit:
                return screened, True
        return screened, False

    async def check_all_channels(self) -> None:
        for followed in await self._served_channels():
            await self._check(followed.channel)

    async def check_channel(self, channel_id: int) -> None:
        for followed in await self._served_channels():
            if followed.channel.channel == str(channel_id):
                await self._check(followed.channel)

    async def _check(self, ref: ChannelRef) -> None:
        """Ask the core to check who can read the channel (it calls back ``members``)."""
        try:
            await self.adapter.core.check_channel(ref)
        except Exception:
            logger.exception("set-up check of %s failed", ref)
