"""Which adapters a process runs, from settings, and what the core knows of each platform.

An explicit dict, no plugin discovery. ``PLATFORMS`` is read without importing any platform SDK,
so the roster check and the delivery worker know every platform even when none is configured.
"""

from __future__ import annotations

from adapters.console.facts import FACTS as CONSOLE
from adapters.discord.facts import FACTS as DISCORD
from adapters.slack.facts import FACTS as SLACK
from bot.ports import Adapter, PlatformFacts
from bot.settings import Settings

PLATFORMS: dict[str, PlatformFacts] = {facts.name: facts for facts in (CONSOLE, SLACK, DISCORD)}


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
