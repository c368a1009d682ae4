"""Discord adapter (discord.py 2.x): relay, notices, slash commands and review buttons for one bot.

The SDK is imported on first use, so ``adapters.discord.facts`` (read by the registry) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from adapters.discord.adapter import DiscordAdapter, DiscordFatalError
    from bot.settings import Settings


def build(settings: Settings) -> DiscordAdapter:
    """The production adapter from settings (REST/gateway URLs are set only by tests)."""
    from adapters.discord.adapter import DiscordAdapter

    return DiscordAdapter(
        token=settings.discord_token or "",
        api_base=settings.discord_api_base or None,
        gateway_url=settings.discord_gateway_url or None,
        notice_mode=settings.discord_notice_mode,
        coordinator_role=settings.discord_coordinator_role,
        guild_ready_timeout=settings.discord_guild_ready_timeout,
        shard_id=settings.discord_shard_id,
        shard_count=settings.discord_shard_count,
    )


def __getattr__(name: str) -> Any:
    if name in ("DiscordAdapter", "DiscordFatalError"):
        from adapters.discord import adapter

        return getattr(adapter, name)
    raise AttributeError(name)


__all__ = ["DiscordAdapter", "DiscordFatalError", "build"]
