"""Shared helpers for the Slack tests: two fake workspaces and a first-class fake core."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from adapters.slack import SlackAdapter, WorkspaceConfig
from bot.types import ChannelRef, CommandRequest, Inbound, ReviewRequest
from fakes.slack_server import FakeSlack, Workspace

SCHOOL, CORP = "TSCHOOL", "TCORP"


@dataclass
class FakeCore:
    """Implements CoreGateway; keeps what it was told so tests assert on state, not mock calls.

    Like the real core it records each platform event once (by ``dedupe_key``); ``fail_next``
    makes the next ``handle`` raise, as a database outage would.
    """

    events: list[Inbound] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0
    commands: list[CommandRequest] = field(default_factory=list)
    reviews: list[ReviewRequest] = field(default_factory=list)
    members: list[tuple[ChannelRef, list[str], bool]] = field(default_factory=list)
    channels: list[ChannelRef] = field(default_factory=list)
    command_reply: str = "ok"
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

    async def decide_review(self, request: ReviewRequest) -> str:
        self.reviews.append(request)
        return f"Review {request.review_id}: {request.decision} recorded."

    async def supervised_channels(self, platform: str) -> list[ChannelRef]:
        return [c for c in self.channels if c.platform == platform]

    async def last_logged_message_id(self, channel: ChannelRef) -> str | None:
        ids = [e.message_id for e in self.events if e.channel == channel]
        return ids[-1] if ids else None

    async def report_members(
        self, channel: ChannelRef, user_ids: list[str], *, coordinator_can_see: bool
    ) -> None:
        self.members.append((channel, list(user_ids), coordinator_can_see))

    async def wait_events(self, count: int, timeout: float = 5) -> list[Inbound]:
        async def _wait() -> None:
            while len(self.events) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(_wait(), timeout)
        return self.events


def make_workspaces() -> list[Workspace]:
    school, corp = (
        Workspace.make(SCHOOL, name="Lincoln P-TECH"),
        Workspace.make(CORP, name="Acme Engineering"),
    )
    school.add_user("USTUDENT1", "Riley S.")
    school.add_user("USTUDENT2", "Sam T.")
    school.add_user("UCOORD1", "P. Lee")
    school.add_user("UOTHERBOT", "Reminders", is_bot=True)
    corp.add_user("UMENTOR1", "Morgan Diaz", avatar="https://avatars.invalid/morgan.png")
    school.add_channel("CSTUDENTS", "match-7-students", members=["USTUDENT1", "USTUDENT2", "UOTHERBOT"])
    school.add_channel("CREVIEW", "mentorbot-review", members=["UCOORD1"], private=True)
    corp.add_channel("CMENTORS", "mentoring-lincoln", members=["UMENTOR1"], private=True)
    return [school, corp]


def socket_adapter_for(fake: FakeSlack, **kwargs) -> SlackAdapter:
    return SlackAdapter(
        workspaces=[
            WorkspaceConfig(bot_token=w.bot_token, app_token=w.app_token) for w in fake.workspaces.values()
        ],
        mode="socket",
        api_url=fake.base_url,
        ping_interval=kwargs.pop("ping_interval", 0.2),
        connect_timeout=5,
        **kwargs,
    )
