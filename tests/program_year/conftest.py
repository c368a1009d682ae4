"""Fixtures for the program-year tests (issue 14): the sample program on the console adapter, a
person running ``/mentorbot`` verbs in their own channel, and the year's actions."""

from __future__ import annotations

import pytest

from bot.messages import ChannelRef, CommandRequest

PROGRAM = "riverside-ptech"


class Year:
    """The harness plus the year's verbs and actions, as the tests use them."""

    def __init__(self, harness) -> None:  # type: ignore[no-untyped-def]
        self.h = harness
        self.core = harness.app.core

    async def command(self, user: str, channel: str, text: str) -> str:
        """``user`` types ``/mentorbot <text>`` in ``channel``; returns the private reply."""
        reply = await self.core.run_command(
            CommandRequest(ChannelRef("console", "demo", channel), user, user, text)
        )
        await self.h.app.delivery.run_once()
        return reply

    async def do(self, action: str, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
        """A coordinator action of ``core.year`` in the sample program (queued posts delivered)."""
        said = await self.core.year_do(getattr(self.core.year, action), PROGRAM, *args, **kwargs)
        await self.h.app.delivery.run_once()
        return said

    async def tick(self) -> None:
        """What the scheduler's year jobs do, then deliver."""
        await self.core.post_year_posts()
        await self.core.remind_expiring()
        await self.h.app.delivery.run_once()


@pytest.fixture
async def year(make_harness) -> Year:  # type: ignore[no-untyped-def]
    return Year(await make_harness())
