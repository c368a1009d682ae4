"""DiscordAdapter: the port implemented with discord.py 2.x (lifecycle and outbound I/O)."""

from __future__ import annotations

import asyncio
import collections
import logging
from typing import Any, Literal

import discord
import yarl

from adapters.discord import convert, marks, resend, sharding
from adapters.discord.facts import FACTS
from adapters.discord.inbound import InboundPump, MentorClient
from adapters.discord.interactions import needs_sync
from adapters.discord.notices import NoticesAndReviews
from adapters.discord.webhooks import (
    UNKNOWN_MESSAGE,
    UNKNOWN_WEBHOOK,
    WebhookCache,
    delivery_error,
    error_code,
)
from bot.messages import ChannelRef, Outbound
from bot.ports import Capabilities, CoreGateway, DeliveryError

logger = logging.getLogger(__name__)

NO_TEXT = "*(message without text)*"


def point_at(api_base: str | None, gateway_url: str | None) -> None:
    """Aim discord.py at another REST base / gateway (tests' fake Discord); unset keeps discord.com.

    These are discord.py 2.7 internals (``Route.BASE``, ``DiscordWebSocket.DEFAULT_GATEWAY``);
    tests/discord/test_internals.py fails if they go away.
    """
    if api_base:
        discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class DiscordFatalError(RuntimeError):
    """Discord refused the bot in a way retrying cannot fix (bad token, intents not enabled)."""


class DiscordAdapter(NoticesAndReviews):
    """Relays via webhooks (sender's name and avatar), notices by reaction + reply, reviews with buttons."""

    name = FACTS.name
    facts = FACTS
    capabilities = Capabilities(
        threads=True,
        sender_identity=True,
        ephemeral=False,
        edit=True,
        delete=True,
        review_buttons=True,
        max_length=convert.MAX_LEN,
    )

    def __init__(
        self,
        *,
        token: str,
        api_base: str | None = None,
        gateway_url: str | None = None,
        notice_mode: Literal["reply", "dm"] = "reply",
        coordinator_role: str = "Coordinator",
        guild_ready_timeout: float = 2.0,
        max_ratelimit_timeout: float = 30.0,
        backfill_limit: int = 1000,
        connect_timeout: float = 60.0,
        sync_commands: bool = True,
        shard_id: int | None = None,
        shard_count: int | None = None,
    ) -> None:
        if not token:
            raise DiscordFatalError(
                "DISCORD_TOKEN is empty: copy the bot token from the Discord Developer Portal "
                "(Application > Bot > Reset Token) into DISCORD_TOKEN (see docs/discord.md)."
            )
        try:
            self._shard = sharding.check(shard_id, shard_count)
        except ValueError as exc:
            raise DiscordFatalError(str(exc)) from exc
        self._token = token
        self._api_base = api_base
        self._gateway_url = gateway_url
        self.notice_mode = notice_mode
        self.coordinator_role = coordinator_role.lower()
        self.errors: collections.Counter[str] = collections.Counter()  # failed REST calls, by kind
        self._client_options: dict[str, Any] = {
            "guild_ready_timeout": guild_ready_timeout,
            "max_ratelimit_timeout": max_ratelimit_timeout,
            "http_trace": sharding.error_counter(self.errors),
        }
        if self._shard is not None:
            self._client_options.update(shard_id=self._shard[0], shard_count=self._shard[1])
        self._connect_timeout = connect_timeout
        self._sync_commands = sync_commands
        self.pump = InboundPump(adapter=self, backfill_limit=backfill_limit)
        self.webhooks = WebhookCache(bot_user_id=self._bot_user_id)
        self.client: MentorClient | None = None
        self.core: CoreGateway
        self.fatal_error: str | None = None
        self.stopped = False
        self._connect_task: asyncio.Task[None] | None = None
        self._pump_task: asyncio.Task[None] | None = None
        self._partial_sends: dict[str, list[str]] = {}  # idempotency key -> parts already posted

    # ------------------------------------------------------------------ lifecycle

    @property
    def is_running(self) -> bool:
        """True while the gateway task is alive (it dies on a fatal close or a malformed dispatch)."""
        return self._connect_task is not None and not self._connect_task.done()

    def is_connected(self) -> bool:
        """Whether the gateway socket is open now (readiness; False while it reconnects)."""
        client = self.client
        return (self.is_running and client is not None and not client.is_closed()
                and sharding.socket_open(client))

    def serves(self, channel: ChannelRef) -> bool:
        """Whether this process's gateway shard receives the channel's events (``(guild >> 22) % count``)."""
        return sharding.serves(self._shard, channel.workspace)

    async def start(self, core: CoreGateway) -> None:
        self.core = core
        point_at(self._api_base, self._gateway_url)
        self.client = MentorClient(adapter=self, **self._client_options)
        try:
            await self.client.login(self._token)
        except discord.LoginFailure as exc:
            await self.client.close()
            raise DiscordFatalError(
                "Discord rejected DISCORD_TOKEN (401). Reset the token in the Developer Portal "
                "(Application > Bot) and update DISCORD_TOKEN."
            ) from exc
        if self._shard is not None:
            await sharding.compare_with_recommended(self.client, self._shard)
        self._pump_task = asyncio.create_task(self.pump.run(), name="discord-inbound")
        self._connect_task = asyncio.create_task(self._connect(), name="discord-gateway")
        ready = asyncio.create_task(self.pump.ready.wait())
        done, _ = await asyncio.wait(
            {ready, self._connect_task}, timeout=self._connect_timeout, return_when=asyncio.FIRST_COMPLETED
        )
        ready.cancel()
        if self._connect_task in done or not done:
            reason = self.fatal_error or "no READY from the Discord gateway in time"
            await self.stop()
            raise DiscordFatalError(reason)

    async def _connect(self) -> None:
        assert self.client is not None
        try:
            await self.client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            self.fatal_error = (
                "Discord closed the gateway with 4014 (disallowed intents): enable MESSAGE CONTENT INTENT "
                "and SERVER MEMBERS INTENT in the Developer Portal "
                "(Application > Bot > Privileged Gateway Intents)."
            )
        except discord.ConnectionClosed as exc:
            hint = {4004: "the token is invalid; reset it and update DISCORD_TOKEN"}.get(exc.code, exc.reason)
            self.fatal_error = f"Discord closed the gateway with {exc.code}: {hint}. Not reconnecting."
        except discord.LoginFailure:
            self.fatal_error = "Discord rejected DISCORD_TOKEN. Not reconnecting."
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # keep the reason visible instead of a silent dead task
            self.fatal_error = f"Discord adapter stopped: {exc!r}"
            logger.exception("Discord gateway task failed")
        if self.fatal_error:
            logger.error("%s", self.fatal_error)
        if self.client is not None and not self.client.is_closed():
            await self.client.close()

    async def stop(self) -> None:
        self.stopped = True
        if self.client is not None and not self.client.is_closed():
            await self.client.close()
        for task in (self._connect_task, self._pump_task):
            if task is not None and not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

    async def sync_commands(self) -> None:
        """Register ``/mentorbot`` in every guild (at once; global commands take up to an hour), but
        only where the registered command differs from ours: Discord limits command updates."""
        client = self.client
        if not self._sync_commands or client is None:
            return
        for guild in client.guilds:
            if guild.id in self.pump.synced_guilds:
                continue
            client.tree.copy_global_to(guild=guild)
            try:
                if await needs_sync(client.tree, guild):
                    await client.tree.sync(guild=guild)
                    logger.info("=> /mentorbot registered in guild %s", guild.id)
                self.pump.synced_guilds.add(guild.id)
            except discord.HTTPException as exc:
                logger.warning(
                    "could not register /mentorbot in guild %s (invite with the applications.commands "
                    "scope): %s",
                    guild.id,
                    exc,
                )

    # ------------------------------------------------------------------ helpers

    def _bot_user_id(self) -> int | None:
        user = self.client.user if self.client is not None else None
        return user.id if user is not None else None

    def _ready_client(self) -> MentorClient:
        if self.client is None or self.client.is_closed():
            raise DeliveryError(
                self.fatal_error or "Discord adapter is not running", permanent=bool(self.fatal_error)
            )
        return self.client

    async def _channel(self, ref: ChannelRef) -> Any:
        client = self._ready_client()
        channel = client.get_channel(int(ref.channel))
        if channel is None:
            try:
                channel = await client.fetch_channel(int(ref.channel))
            except Exception as exc:
                raise delivery_error(exc, f"channel {ref}") from exc
        return channel

    def _thread(self, channel: Any, thread_id: str | None) -> discord.Thread | None:
        if thread_id is None or not hasattr(channel, "guild"):
            return None
        thread = channel.guild.get_thread(int(thread_id))
        return thread if thread is not None and thread.parent_id == channel.id else None

    # ------------------------------------------------------------------ outbound: messages

    async def send(self, message: Outbound) -> str:
        channel = await self._channel(message.channel)
        thread, root = None, None
        if message.thread_id:  # the id this adapter returned for the root's copy: "thread/ids" or "ids"
            ids, thread_id = convert.decode_ids(message.thread_id)
            thread = self._thread(channel, thread_id or (ids[0] if ids else None))
            root = ids[0] if ids else None
        text = message.text
        if root and thread is None and hasattr(channel, "guild"):
            text = convert.reply_link(str(channel.guild.id), str(channel.id), root) + text
        try:
            hook = await self.webhooks.get(channel) if hasattr(channel, "webhooks") else None
            prefix = "" if hook is not None else convert.prefixed(message.sender_name, "")
            parts = convert.split_text(text, convert.MAX_LEN - len(prefix) - marks.MARK_LEN) or [NO_TEXT]
            done = self._partial_sends.setdefault(message.idempotency_key, [])
            if message.attempt > 1 and not done:  # an earlier attempt may have posted before it died
                done.extend(await self._posted_before(thread or channel, channel, message, len(parts)))
            if hook is not None:
                ids = await self._send_webhook(hook, channel, thread, message, parts, done)
            else:
                ids = await self._send_plain(thread or channel, message, prefix, parts, done)
        except DeliveryError:
            raise
        except Exception as exc:
            raise delivery_error(exc, f"send to {message.channel}") from exc
        self._partial_sends.pop(message.idempotency_key, None)
        logger.info(
            "=> %s %s (%d part(s)) in %s", "webhook" if hook else "bot", ids[0], len(ids), message.channel
        )
        return convert.encode_ids(ids, str(thread.id) if thread else None)

    async def _posted_before(self, where: Any, channel: Any, message: Outbound, count: int) -> list[str]:
        found = await resend.earlier_parts(
            where, idempotency_key=message.idempotency_key, count=count,
            webhook_ids=self.webhooks.own_ids(channel.id),
            bot_user_id=self._bot_user_id(), queued_at=message.queued_at,
        )
        if found:
            logger.info("=> %s: %d of %d part(s) were already posted before a crash (%s)",
                        message.idempotency_key, len(found), count, found[0])
        return found

    async def _send_webhook(
        self,
        hook: discord.Webhook,
        channel: Any,
        thread: discord.Thread | None,
        message: Outbound,
        parts: list[str],
        done: list[str],
    ) -> list[str]:
        for number in range(len(done), len(parts)):
            kwargs: dict[str, Any] = {
                "username": convert.webhook_username(message.sender_name),
                "wait": True,
                "allowed_mentions": discord.AllowedMentions.none(),
                "suppress_embeds": True,  # no link preview: its title and text were never policed
            }
            if message.sender_avatar:
                kwargs["avatar_url"] = message.sender_avatar
            if thread is not None:
                kwargs["thread"] = thread
            try:
                mark = marks.mark_for(message.idempotency_key, number)
                sent = await hook.send(parts[number] + mark, **kwargs)
            except discord.NotFound as exc:
                if error_code(exc) != UNKNOWN_WEBHOOK:
                    raise
                self.webhooks.forget(channel.id)  # someone deleted it: make a new one next time
                raise DeliveryError("relay webhook was deleted; it will be recreated") from exc
            done.append(str(sent.id))
        return list(done)

    async def _send_plain(
        self, target: Any, message: Outbound, prefix: str, parts: list[str], done: list[str]
    ) -> list[str]:
        for number in range(len(done), len(parts)):
            sent = await target.send(
                prefix + parts[number] + marks.mark_for(message.idempotency_key, number),
                nonce=convert.nonce_for(message.idempotency_key, number),
                allowed_mentions=discord.AllowedMentions.none(),
                suppress_embeds=True,  # no link preview: its title and text were never policed
            )
            done.append(str(sent.id))
        return list(done)

    async def edit(self, channel: ChannelRef, message_id: str, text: str) -> None:
        target = await self._channel(channel)
        ids, thread_id = convert.decode_ids(message_id)
        parts = convert.fit_parts(text, len(ids))
        thread = discord.Object(id=int(thread_id)) if thread_id else discord.utils.MISSING
        try:
            hook = await self.webhooks.get(target) if hasattr(target, "webhooks") else None
            for mid, part in zip(ids, parts, strict=False):
                if not (hook and await self._edit_webhook_message(hook, mid, part, thread)):
                    await self._edit_plain(target, thread_id, mid, part)
            for mid in ids[len(parts) :]:
                await self._delete_one(target, hook, mid, thread)
        except DeliveryError:
            raise
        except Exception as exc:
            raise delivery_error(exc, f"edit {message_id} in {channel}") from exc
        logger.info("=> edit %s in %s", message_id, channel)

    async def _edit_webhook_message(self, hook: discord.Webhook, mid: str, text: str, thread: Any) -> bool:
        try:
            await hook.edit_message(
                int(mid), content=text, thread=thread, allowed_mentions=discord.AllowedMentions.none()
            )
            return True
        except discord.NotFound as exc:
            if error_code(exc) == UNKNOWN_WEBHOOK:
                self.webhooks.forget(hook.channel_id or 0)
            return False  # not one of this webhook's messages: a plain bot message

    async def _edit_plain(self, channel: Any, thread_id: str | None, mid: str, text: str) -> None:
        where = self.client.get_channel(int(thread_id)) if (thread_id and self.client) else channel
        msg = await (where or channel).fetch_message(int(mid))
        prefix, _ = convert.strip_prefix(msg.content)
        await msg.edit(content=prefix + text, allowed_mentions=discord.AllowedMentions.none())

    async def delete(self, channel: ChannelRef, message_id: str) -> None:
        target = await self._channel(channel)
        ids, thread_id = convert.decode_ids(message_id)
        thread = discord.Object(id=int(thread_id)) if thread_id else discord.utils.MISSING
        try:
            hook = await self.webhooks.get(target) if hasattr(target, "webhooks") else None
            for mid in ids:
                await self._delete_one(target, hook, mid, thread)
        except DeliveryError:
            raise
        except Exception as exc:
            raise delivery_error(exc, f"delete {message_id} in {channel}") from exc
        logger.info("=> delete %s in %s", message_id, channel)

    async def _delete_one(self, channel: Any, hook: discord.Webhook | None, mid: str, thread: Any) -> None:
        if hook is not None:
            try:
                await hook.delete_message(int(mid), thread=thread)
                return
            except discord.NotFound:
                pass  # not this webhook's relay: the bot's own message, or an original (Manage Messages)
        where = channel if thread is discord.utils.MISSING else self.client.get_channel(thread.id) or channel
        try:
            await where.get_partial_message(int(mid)).delete()
        except discord.NotFound as exc:
            if error_code(exc) != UNKNOWN_MESSAGE:
                raise
            logger.info("=> delete %s: already gone", mid)
        except discord.Forbidden as exc:
            raise DeliveryError(
                f"cannot delete message {mid}: removing other people's messages needs Manage Messages",
                permanent=True,
            ) from exc
