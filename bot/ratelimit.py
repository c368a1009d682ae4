"""Pace outgoing platform calls under published rate limits, so bulk posts (weekly prompts) get no 429s.

A token bucket per scope (the bot, a workspace, a channel). ``wait`` reserves a slot in every bucket
that applies and sleeps until it is due, so concurrent senders queue in order instead of bursting.
Limits are per process: several processes sharing one bot token should share the budget (the
delivery worker still honours any 429's ``retry_after``).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from bot.types import ChannelRef


@dataclass(frozen=True, slots=True)
class Rate:
    per_second: float
    burst: int = 1


@dataclass(frozen=True, slots=True)
class PlatformLimits:
    per_bot: Rate | None = None
    per_workspace: Rate | None = None
    per_channel: Rate | None = None


# Published limits, checked 2026-11, with a safety margin (the server counts in its own windows):
# Discord: 50 requests/s per bot (global rate limit) -> 45/s, burst 3 (at most 48 in any second).
# Slack chat.postMessage: 1 message/s per channel, "several hundred per minute" per workspace
# -> 1 per 1.1 s per channel, 4.75/s burst 5 per workspace (at most 290 in any minute).
PUBLISHED = {
    "discord": PlatformLimits(per_bot=Rate(45.0, 3)),
    "slack": PlatformLimits(per_workspace=Rate(4.75, 5), per_channel=Rate(1 / 1.1, 1)),
}


class TokenBucket:
    """``reserve`` returns how long to wait for the next token (negative balance = reservations)."""

    def __init__(self, rate: Rate, clock=time.monotonic):  # type: ignore[no-untyped-def]
        self.rate, self.clock = rate, clock
        self.tokens = float(rate.burst)
        self.stamp = clock()

    def reserve(self) -> float:
        now = self.clock()
        self.tokens = min(float(self.rate.burst), self.tokens + (now - self.stamp) * self.rate.per_second)
        self.stamp = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate.per_second

    @property
    def idle(self) -> bool:
        return self.tokens + (self.clock() - self.stamp) * self.rate.per_second >= self.rate.burst


class RateLimiter:
    """Buckets for every platform that declares limits; other platforms are not paced."""

    def __init__(self, limits: dict[str, PlatformLimits]):
        self._limits = limits
        self._buckets: dict[tuple[str, ...], TokenBucket] = {}

    def _bucket(self, key: tuple[str, ...], rate: Rate) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) > 50_000:  # forget idle channels
                self._buckets = {k: b for k, b in self._buckets.items() if not b.idle}
            bucket = self._buckets[key] = TokenBucket(rate)
        return bucket

    async def wait(self, channel: ChannelRef) -> float:
        """Sleep until one call to ``channel`` fits every limit; returns the seconds waited."""
        limits = self._limits.get(channel.platform)
        if limits is None:
            return 0.0
        waited = 0.0
        scopes = ((limits.per_channel, (channel.platform, channel.workspace, channel.channel)),
                  (limits.per_workspace, (channel.platform, channel.workspace)),
                  (limits.per_bot, (channel.platform,)))
        for rate, key in scopes:
            if rate is not None:
                delay = self._bucket(key, rate).reserve()
                if delay > 0:
                    await asyncio.sleep(delay)
                    waited += delay
        return waited


def limiter_for(adapters: dict) -> RateLimiter:  # type: ignore[type-arg]
    """An adapter may declare ``rate_limits: PlatformLimits``; else the published ones by its name."""
    limits = {}
    for name, adapter in adapters.items():
        declared = getattr(adapter, "rate_limits", None)
        if declared is not None or name in PUBLISHED:
            limits[name] = declared or PUBLISHED[name]
    return RateLimiter(limits)
