"""Pace outgoing platform calls under published rate limits, so bulk posts (weekly prompts) get no 429s.

A window per scope (the bot, a workspace, a channel): ``slot`` waits until a call fits every
window that applies and holds it while the call runs, so concurrent senders queue, never burst.
Limits are per process: several processes sharing one bot token should share the budget (the
delivery worker still honours any 429's ``retry_after``).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from bot.messages import ChannelRef


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``count`` calls in any window of ``seconds``."""

    count: int
    seconds: float = 1.0


@dataclass(frozen=True, slots=True)
class PlatformLimits:
    per_bot: Rate | None = None
    per_workspace: Rate | None = None
    per_channel: Rate | None = None


# Published limits, checked 2026-11, with a safety margin (the server counts in its own windows):
# Discord: 50 requests/s per bot (global rate limit) -> 48 per second.
# Slack chat.postMessage: 1 message/s per channel, "several hundred per minute" per workspace
# -> 1 per 1.1 s per channel, 290 in any minute per workspace.
PUBLISHED = {
    "discord": PlatformLimits(per_bot=Rate(48, 1.0)),
    "slack": PlatformLimits(per_workspace=Rate(290, 60.0), per_channel=Rate(1, 1.1)),
}


class Window:
    """At most ``count`` calls per ``seconds``, counted conservatively: a call holds its slot from the
    moment it starts until ``seconds`` after it *finished*. Whenever the server receives a call, it
    is between those two moments, so no server-side window can ever see more than ``count`` — even
    when a busy event loop delays sends (measured: stamping only the start time drew 429s)."""

    def __init__(self, rate: Rate, clock=time.monotonic):  # type: ignore[no-untyped-def]
        self.rate, self.clock = rate, clock
        self.slots: list[list[float]] = []  # [finished at]; inf while in flight

    def take(self) -> tuple[float, list[float] | None]:
        """(0, slot) when a call may start now, else (seconds to wait, None)."""
        now = self.clock()
        self.slots = [s for s in self.slots if s[0] + self.rate.seconds > now]
        if len(self.slots) < self.rate.count:
            slot = [math.inf]
            self.slots.append(slot)
            return 0.0, slot
        soonest = min(s[0] for s in self.slots)
        return (0.005 if soonest == math.inf else soonest + self.rate.seconds - now + 0.001), None

    def done(self, slot: list[float]) -> None:
        slot[0] = self.clock()

    @property
    def idle(self) -> bool:
        return not self.slots


class RateLimiter:
    """Windows for every platform that declares limits; other platforms are not paced."""

    def __init__(self, limits: dict[str, PlatformLimits]):
        self._limits = limits
        self._windows: dict[tuple[str, ...], Window] = {}

    def _window(self, key: tuple[str, ...], rate: Rate) -> Window:
        window = self._windows.get(key)
        if window is None:
            if len(self._windows) > 50_000:  # forget idle channels
                self._windows = {k: w for k, w in self._windows.items() if not w.idle}
            window = self._windows[key] = Window(rate)
        return window

    @contextlib.asynccontextmanager
    async def slot(self, channel: ChannelRef) -> AsyncIterator[None]:
        """Wait until one call to ``channel`` fits every limit, hold the slots while it runs."""
        limits = self._limits.get(channel.platform)
        taken: list[tuple[Window, list[float]]] = []
        if limits is not None:
            scopes = ((limits.per_channel, (channel.platform, channel.workspace, channel.channel)),
                      (limits.per_workspace, (channel.platform, channel.workspace)),
                      (limits.per_bot, (channel.platform,)))
            for rate, key in scopes:
                if rate is None:
                    continue
                window = self._window(key, rate)
                while True:
                    delay, held = window.take()
                    if held is not None:
                        taken.append((window, held))
                        break
                    await asyncio.sleep(delay)
        try:
            yield
        finally:
            for window, held in taken:
                window.done(held)


def limiter_for(adapters: dict) -> RateLimiter:  # type: ignore[type-arg]
    """An adapter may declare ``rate_limits: PlatformLimits``; else the published ones by its name."""
    limits = {}
    for name, adapter in adapters.items():
        declared = getattr(adapter, "rate_limits", None)
        if declared is not None or name in PUBLISHED:
            limits[name] = declared or PUBLISHED[name]
    return RateLimiter(limits)
