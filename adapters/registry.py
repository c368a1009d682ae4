"""Which adapters a process runs, from settings: an explicit dict, no plugin discovery."""

from __future__ import annotations

from bot.ports import Adapter
from bot.settings import Settings


def build_adapters(settings: Settings) -> dict[str, Adapter]:
    """One adapter per configured platform (tokens present)."""
    adapters: dict[str, Adapter] = {}
    if settings.slack_configured:
        from adapters.slack import build as build_slack

        adapters["slack"] = build_slack(settings)
    if settings.discord_configured:
        from adapters.discord import build as build_discord

        adapters["discord"] = build_discord(settings)
    return adapters
