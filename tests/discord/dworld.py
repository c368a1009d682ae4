"""Shared pieces of the Discord tests: a first-class fake core, the school guild, an adapter factory."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.discord import DiscordAdapter
from bot.messages import ChannelRef
from fakes.discord_model import VIEW_CHANNEL
from fakes.discord_server import FakeDiscord


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
        guild_ready_timeout=kwargs.pop("guild_ready_timeout", 0.05),
        connect_timeout=kwargs.pop("connect_timeout", 5.0),
        **kwargs,
    )
