"""One relay webhook per channel, created once and reused; and Discord errors mapped to DeliveryError."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import aiohttp
import discord

from bot.ports import DeliveryError

logger = logging.getLogger(__name__)

WEBHOOK_NAME = "mentorbot relay"
RECHECK_FORBIDDEN_AFTER = 600.0  # seconds before asking again for a channel that refused webhooks

# Discord JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes)
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
MAX_WEBHOOKS = 30007  # "Maximum number of webhooks reached (15)"
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013


class WebhookCache:
    """The bot's own relay webhook per channel: found or created on first use, then cached by id.

    "Own" means made by the bot's user: Discord's webhook list names each webhook's creator in
    ``user`` and carries the ``token`` of incoming webhooks (discord.py 2.7's ``Webhook`` has
    ``user`` and ``token``, no ``application_id``). The oldest own webhook is reused across restarts,
    so there is never more than one per channel. ``get`` returns None where the bot lacks Manage
    Webhooks or the channel already holds Discord's maximum of 15 webhooks (the caller falls back
    to plain bot messages with the sender's name as a prefix); it asks again after
    ``RECHECK_FORBIDDEN_AFTER``.
    """

    def __init__(self, *, bot_user_id: Callable[[], int | None]) -> None:
        self._bot_user_id = bot_user_id
        self._hooks: dict[int, discord.Webhook] = {}
        self._own_ids: dict[int, set[int]] = {}  # channel -> ids of every webhook the bot made there
        self._forbidden: dict[int, float] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def forget(self, channel_id: int) -> None:
        self._hooks.pop(channel_id, None)

    def known_ids(self) -> set[int]:
        return {h.id for h in self._hooks.values()}

    def own_ids(self, channel_id: int) -> set[int]:
        """Ids of the bot's webhooks in a channel (its relays may have gone out through any of them)."""
        current = self._hooks.get(channel_id)
        return self._own_ids.get(channel_id, set()) | ({current.id} if current else set())

    async def get(self, channel: discord.TextChannel) -> discord.Webhook | None:
        if channel.id in self._hooks:
            return self._hooks[channel.id]
        refused = self._forbidden.get(channel.id)
        if refused is not None and time.monotonic() - refused < RECHECK_FORBIDDEN_AFTER:
            return None
        async with self._locks.setdefault(channel.id, asyncio.Lock()):
            if channel.id in self._hooks:
                return self._hooks[channel.id]
            try:
                hook = await self._find_or_create(channel)
            except discord.Forbidden:
                logger.warning(
                    "=> #%s: no Manage Webhooks; posting as the bot with the sender's name as prefix",
                    channel.id,
                )
                self._forbidden[channel.id] = time.monotonic()
                return None
            except discord.HTTPException as exc:
                if error_code(exc) != MAX_WEBHOOKS:
                    raise
                logger.warning(
                    "=> #%s already has Discord's maximum of 15 webhooks; posting as the bot with the "
                    "sender's name as prefix until a server admin removes one it no longer uses",
                    channel.id,
                )
                self._forbidden[channel.id] = time.monotonic()
                return None
            self._forbidden.pop(channel.id, None)
            self._hooks[channel.id] = hook
            return hook

    async def _find_or_create(self, channel: discord.TextChannel) -> discord.Webhook:
        me = self._bot_user_id()
        own = sorted((h for h in await channel.webhooks() if made_by(h, me)),
                     key=lambda h: (h.name != WEBHOOK_NAME, h.id))
        self._own_ids[channel.id] = {h.id for h in own}
        if own:
            logger.info("=> #%s: reusing relay webhook %s", channel.id, own[0].id)
            return own[0]
        hook = await channel.create_webhook(
            name=WEBHOOK_NAME, reason="mentorbot posts relayed messages under the sender's name"
        )
        self._own_ids[channel.id].add(hook.id)
        logger.info("=> #%s: created relay webhook %s", channel.id, hook.id)
        return hook


def made_by(hook: discord.Webhook, user_id: int | None) -> bool:
    """True for an incoming webhook (it has a token) that ``user_id`` created."""
    return bool(hook.token) and user_id is not None and hook.user is not None and hook.user.id == user_id


def error_code(exc: discord.HTTPException) -> int:
    return getattr(exc, "code", 0) or 0


def retry_after_of(exc: discord.HTTPException) -> float | None:
    """Seconds to wait from a 429: the JSON ``retry_after``, else the Retry-After header."""
    resp = getattr(exc, "response", None)
    headers = getattr(resp, "headers", None) or {}
    for key in ("X-RateLimit-Reset-After", "Retry-After"):
        if key in headers:
            try:
                return float(headers[key])
            except ValueError:
                continue
    return None


def delivery_error(exc: BaseException, what: str) -> DeliveryError:
    """Map a discord.py / transport failure to the port's DeliveryError."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, discord.RateLimited):
        return DeliveryError(f"{what}: rate limited", retry_after=exc.retry_after)
    if isinstance(exc, discord.HTTPException):
        if exc.status == 429:
            return DeliveryError(f"{what}: rate limited", retry_after=retry_after_of(exc) or 1.0)
        if isinstance(exc, discord.Forbidden):
            return DeliveryError(f"{what}: forbidden ({exc.text or 'missing permission'})", permanent=True)
        if isinstance(exc, discord.NotFound):
            return DeliveryError(f"{what}: not found ({exc.text or exc.code})", permanent=True)
        if exc.status >= 500:
            return DeliveryError(f"{what}: Discord server error {exc.status}")
        if exc.status in (400, 401):
            return DeliveryError(f"{what}: rejected by Discord ({exc.status} {exc.text})", permanent=True)
        return DeliveryError(f"{what}: HTTP {exc.status} {exc.text}")
    if isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError | OSError):
        return DeliveryError(f"{what}: network error {exc!r}")
    return DeliveryError(f"{what}: {exc!r}")
