"""Pace outgoing platform calls under published rate limits, so bulk posts (weekly prompts) get no 429s.

The limits are platform facts each adapter declares (``adapters/<platform>/facts.py``).

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
from collections.abc import AsyncIterator, Mapping

from bot.messages import ChannelRef
from bot.ports import PlatformLimits, Rate


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


def limiter_for(adapters: Mapping[str, object]) -> RateLimiter:
    """Windows from each adapter's published limits (``adapter.facts.limits``, adapters/*/facts.py)."""
    limits = {}
    for name, adapter in adapters.items():
        facts = getattr(adapter, "facts", None)  # test doubles without facts are not paced
        if facts is not None:
            limits[name] = facts.limits
    return RateLimiter(limits)
