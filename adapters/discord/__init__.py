"""Discord adapter (discord.py 2.x): relay, notices, slash commands and review buttons for one bot."""

from __future__ import annotations

from typing import Any

from adapters.discord.adapter import DiscordAdapter, DiscordFatalError


def build(settings: Any) -> DiscordAdapter:
    """The production adapter from ``bot.settings.Settings`` (REST/gateway URLs only for tests)."""
    return DiscordAdapter(
        token=settings.discord_token or "",
        api_base=getattr(settings, "discord_api_base", None) or None,
        gateway_url=getattr(settings, "discord_gateway_url", None) or None,
        notice_mode=getattr(settings, "discord_notice_mode", None) or "reply",
        coordinator_role=getattr(settings, "discord_coordinator_role", None) or "Coordinator",
    )


__all__ = ["DiscordAdapter", "DiscordFatalError", "build"]
