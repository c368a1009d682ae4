"""Gateway sharding for replicas, and the adapter's counts of failed REST calls.

With ``DISCORD_SHARD_ID``/``DISCORD_SHARD_COUNT`` each ``mentorbot run`` opens one shard of the
bot's gateway. Discord sends a guild's events only to shard ``(guild_id >> 22) % shard_count`` and
direct messages only to shard 0 (https://discord.com/developers/docs/events/gateway#sharding), so
each replica catches up and checks only the guilds it serves. Sending (REST) works from any shard.
"""

from __future__ import annotations

import collections
import logging
from typing import Any

import aiohttp
import discord

from adapters.discord.convert import DM_WORKSPACE

logger = logging.getLogger(__name__)

Shard = tuple[int, int]  # (this process's shard id, number of shards)


def check(shard_id: int | None, shard_count: int | None) -> Shard | None:
    """The shard to identify as, or None for an unsharded bot; ValueError names the setting to fix."""
    if shard_id is None and shard_count is None:
        return None
    if shard_id is None or shard_count is None:
        raise ValueError("set DISCORD_SHARD_ID and DISCORD_SHARD_COUNT together (or neither)")
    if shard_count < 1 or not 0 <= shard_id < shard_count:
        raise ValueError(f"DISCORD_SHARD_ID must be 0..{shard_count - 1} for "
                         f"DISCORD_SHARD_COUNT={shard_count} (got {shard_id})")
    return shard_id, shard_count


def shard_of(guild: str, shard_count: int) -> int:
    """Discord's formula: which shard receives a guild's events (direct messages: shard 0)."""
    if guild == DM_WORKSPACE or not guild.isdigit():
        return 0
    return (int(guild) >> 22) % shard_count


def serves(shard: Shard | None, guild: str) -> bool:
    """Whether a process on ``shard`` (None: unsharded, every guild) receives the guild's events."""
    return shard is None or shard_of(guild, shard[1]) == shard[0]


async def compare_with_recommended(client: discord.Client, shard: Shard) -> None:
    """Ask ``GET /gateway/bot`` how many shards Discord recommends; say so when this deployment runs fewer."""
    try:
        recommended, _url, limit = await client.http.get_bot_gateway()
    except (discord.HTTPException, discord.GatewayNotFound, aiohttp.ClientError) as exc:
        logger.warning("could not ask Discord for its recommended shard count: %s", exc)
        return
    logger.info("Discord gateway: shard %d of %d; Discord recommends %d; %s of %s session starts left today",
                shard[0], shard[1], recommended, limit.get("remaining"), limit.get("total"))
    if recommended > shard[1]:
        logger.warning("Discord recommends %d shards for this bot but DISCORD_SHARD_COUNT is %d: raise "
                       "DISCORD_SHARD_COUNT on every replica (one replica per shard id) before Discord "
                       "refuses the connection (4011 sharding required)", recommended, shard[1])


def socket_open(client: discord.Client) -> bool:
    """Whether the client's gateway WebSocket is open (discord.py keeps it as ``client.ws``)."""
    ws = getattr(client, "ws", None)
    socket = getattr(ws, "socket", None)
    return socket is not None and not socket.closed


def error_counter(errors: collections.Counter[str]) -> aiohttp.TraceConfig:
    """An aiohttp trace that counts failed REST calls (discord.py retries 429s itself, unseen otherwise)."""
    trace = aiohttp.TraceConfig()

    async def on_request_end(_session: Any, _context: Any, params: aiohttp.TraceRequestEndParams) -> None:
        status = params.response.status
        if status == 429:
            errors["rate_limited"] += 1
        elif status >= 500:
            errors["server_error"] += 1
        elif status >= 400 and status != 404:  # 404s are expected answers (a deleted message, say)
            errors["client_error"] += 1

    async def on_request_exception(_session: Any, _context: Any, _params: Any) -> None:
        errors["network"] += 1

    trace.on_request_end.append(on_request_end)
    trace.on_request_exception.append(on_request_exception)
    return trace
