"""A first-class fake of the core gateway for adapter tests (STYLE.md point 7).

It implements ``bot.ports.CoreGateway`` and keeps what it was told, so tests assert on
state, not on mock calls. Like the real core it records each platform event once (by
``dedupe_key``); ``fail_next`` makes the next ``handle`` raise, as a database outage would, and
``handle_delay`` makes recording slow.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from bot.messages import (
    AlertRequest,
    ChannelRef,
    CommandRequest,
    FormResult,
    FormSubmission,
    Inbound,
    ReviewRequest,
)
from bot.ports import FollowedChannel


@dataclass
class RecordingCore:
    events: list[Inbound] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0
    commands: list[CommandRequest] = field(default_factory=list)
    reviews: list[ReviewRequest] = field(default_factory=list)
    alert_actions: list[AlertRequest] = field(default_factory=list)
    checked: list[ChannelRef] = field(default_factory=list)  # channels the adapter asked to check
    channels: list[ChannelRef] = field(default_factory=list)
    last_logged: dict[ChannelRef, str] = field(default_factory=dict)  # logged before the test began
    linked_at: dict[ChannelRef, datetime] = field(default_factory=dict)  # when a coordinator linked it
    command_reply: str = "ok"
    forms: list[FormSubmission] = field(default_factory=list)
    form_result: FormResult = field(default_factory=lambda: FormResult("Saved."))
    fail_next: int = 0
    handle_delay: float = 0.0
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, event: Inbound) -> None:
        if self.handle_delay:
            await asyncio.sleep(self.handle_delay)
        if self.fail_next:
            self.fail_next -= 1
            raise RuntimeError("database is locked")
        if event.dedupe_key in self.seen:
            self.duplicates += 1
            return
        self.seen.add(event.dedupe_key)
        self.events.append(event)
        self._arrived.set()

    async def run_command(self, request: CommandRequest) -> str:
        self.commands.append(request)
        return self.command_reply

    async def submit_form(self, submission: FormSubmission) -> FormResult:
        self.forms.append(submission)
        return self.form_result

    async def decide_review(self, request: ReviewRequest) -> str:
        self.reviews.append(request)
        return f"Review {request.review_id}: {request.decision} recorded."

    async def act_on_alert(self, request: AlertRequest) -> str:
        self.alert_actions.append(request)
        return f"Alert {request.alert_id}: {request.action} done."

    async def supervised_channels(self, platform: str) -> list[FollowedChannel]:
        return [FollowedChannel(c, self._last_logged(c), self.linked_at.get(c))
                for c in self.channels if c.platform == platform]

    def _last_logged(self, channel: ChannelRef) -> str | None:
        ids = [e.message_id for e in self.events if e.channel == channel and e.kind == "message"]
        return ids[-1] if ids else self.last_logged.get(channel)

    async def check_channel(self, channel: ChannelRef) -> None:
        self.checked.append(channel)

    async def wait_events(self, count: int, timeout: float = 5.0) -> list[Inbound]:
        """Wait (bounded) until ``count`` events were recorded."""

        async def _wait() -> None:
            while len(self.events) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(_wait(), timeout)
        return self.events
