"""Shared pieces of the Discord tests: a first-class fake core, the school guild, an adapter factory."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from adapters.discord import DiscordAdapter
from bot.types import ChannelRef, CommandRequest, Inbound, ReviewRequest
from fakes.discord_model import VIEW_CHANNEL
from fakes.discord_server import FakeDiscord


@dataclass
class FakeCore:
    """Implements CoreGateway and keeps what it was told; records each event once by ``dedupe_key``."""

    events: list[Inbound] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    duplicates: int = 0
    commands: list[CommandRequest] = field(default_factory=list)
    reviews: list[ReviewRequest] = field(default_factory=list)
    members: list[tuple[ChannelRef, list[str], bool]] = field(default_factory=list)
    channels: list[ChannelRef] = field(default_factory=list)
    last_logged: dict[ChannelRef, str] = field(default_factory=dict)
    command_reply: str = "ok"

    async def handle(self, event: Inbound) -> None:
        if event.dedupe_key in self.seen:
            self.duplicates += 1
            return
        self.seen.add(event.dedupe_key)
        self.events.append(event)

    async def run_command(self, request: CommandRequest) -> str:
        self.commands.append(request)
        return self.command_reply

    async def decide_review(self, request: ReviewRequest) -> str:
        self.reviews.append(request)
        return f"Review {request.review_id}: {request.decision} recorded."

    async def supervised_channels(self, platform: str) -> list[ChannelRef]:
        return [c for c in self.channels if c.platform == platform]

    async def last_logged_message_id(self, channel: ChannelRef) -> str | None:
        ids = [e.message_id for e in self.events if e.channel == channel and e.kind == "message"]
        return ids[-1] if ids else self.last_logged.get(channel)

    async def report_members(
        self, channel: ChannelRef, user_ids: list[str], *, coordinator_can_see: bool
    ) -> None:
        self.members.append((channel, list(user_ids), coordinator_can_see))

    async def wait_events(self, count: int, timeout: float = 5.0) -> list[Inbound]:
        async def _wait() -> None:
            while len(self.events) < count:
                await asyncio.sleep(0.005)

        await asyncio.wait_for(_wait(), timeout)
        return self.events


@dataclass
class School:
    """The fake guild: a student-side channel, a mentor-side channel, a review channel, and people."""

    fake: FakeDiscord
    guild: str
    coordinator_role: str
    students: str
    mentors: str
    review: str
    ana: str  # student
    kim: str  # coordinator
    lee: str  # mentor
    other_bot: str

    def ref(self, channel: str) -> ChannelRef:
        return ChannelRef("discord", self.guild, channel)


def make_school(fake: FakeDiscord) -> School:
    g = fake.add_guild("Lincoln P-TECH")
    coord = fake.add_role(g, "Coordinator")
    student_role = fake.add_role(g, "Students")
    mentor_role = fake.add_role(g, "Mentors")
    kim = fake.add_member(g, "P. Kim", roles=[coord])
    ana = fake.add_member(g, "Ana R.", roles=[student_role])
    lee = fake.add_member(g, "Morgan Lee", roles=[mentor_role])
    other_bot = fake.add_member(g, "Reminders", bot=True)
    hide = fake.overwrite(g, deny=VIEW_CHANNEL)
    allow = VIEW_CHANNEL
    students = fake.add_channel(
        g,
        "match-7-students",
        overwrites=[hide, fake.overwrite(student_role, allow=allow), fake.overwrite(coord, allow=allow)],
    )
    mentors = fake.add_channel(
        g,
        "match-7-mentors",
        overwrites=[hide, fake.overwrite(mentor_role, allow=allow), fake.overwrite(coord, allow=allow)],
    )
    review = fake.add_channel(g, "mentorbot-review", overwrites=[hide, fake.overwrite(coord, allow=allow)])
    return School(fake, g, coord, students, mentors, review, ana, kim, lee, other_bot)


def adapter_for(fake: FakeDiscord, **kwargs) -> DiscordAdapter:  # type: ignore[no-untyped-def]
    return DiscordAdapter(
        token=kwargs.pop("token", fake.token),
        api_base=fake.api_base,
        gateway_url=fake.gateway_url,
        guild_ready_timeout=0.05,
        connect_timeout=kwargs.pop("connect_timeout", 5.0),
        **kwargs,
    )
