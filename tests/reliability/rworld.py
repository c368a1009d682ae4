"""A program spread over a fake Slack and a fake Discord: all-Slack, all-Discord and cross-platform
matches, each a mentor-side and a student-side channel with one person in each, and its roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fakes.discord_model import VIEW_CHANNEL
from fakes.discord_server import FakeDiscord
from fakes.slack_server import Workspace

TEAM = "TACME"
PROGRAM = "reliable-high"
# A prompt's grace window never runs past the end of its local day, so a rig that makes the prompt
# due "now" must not run across local midnight (a CI run at 00:00 New York saw the window close
# before the replicas were up: prompts 0). The world takes the first zone where it is daytime.
ZONES = ("America/New_York", "Europe/London", "Asia/Tokyo")


def daytime_zone(now: datetime | None = None) -> str:
    """The first of ``ZONES`` whose local hour is 01–20, so a run of minutes stays in one local day."""
    moment = now or datetime.now(ZoneInfo("UTC"))
    return next(zone for zone in ZONES if 1 <= moment.astimezone(ZoneInfo(zone)).hour <= 20)


@dataclass(frozen=True)
class Side:
    """One side of a match: where it sits and who writes there."""

    platform: str  # slack | discord
    channel: str
    person: str  # roster id
    user: str  # platform user id
    name: str
    workspace: str = TEAM  # the Slack team or the Discord guild


@dataclass(frozen=True)
class MatchSpec:
    key: str
    mentor: Side
    student: Side

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.mentor, self.student

    def other(self, side: Side) -> Side:
        return self.student if side is self.mentor else self.mentor


@dataclass
class World:
    discord: FakeDiscord
    slack: Workspace
    guild: str  # the first guild: the review channel is there
    review: str
    coordinator: str
    matches: list[MatchSpec]
    guilds: list[str] = field(default_factory=list)  # every guild, the coordinator in each
    timezone: str = field(default_factory=daytime_zone)  # the program's, chosen when the world is made

    def roster(self, policy: Path) -> str:
        accounts = ", ".join(f'{{platform: discord, workspace: "{g}", user: "{self.coordinator}"}}'
                             for g in self.guilds or [self.guild])
        people = [f"  - {{id: kim, name: P. Kim, role: coordinator, accounts: [{accounts}]}}"]
        matches = []
        for match in self.matches:
            for role, side in (("mentor", match.mentor), ("student", match.student)):
                people.append(_person(side.person, side.name, role, side.platform, self.workspace(side),
                                      side.user))
            channels = ", ".join(
                f'{{side: {role}, platform: {s.platform}, workspace: "{self.workspace(s)}", '
                f'channel: "{s.channel}"}}'
                for role, s in (("mentor", match.mentor), ("student", match.student)))
            matches.append(f"  - {{id: {match.key}, model: one-to-one, status: active, started: 2026-09-15, "
                           f"coordinator: kim, mentors: [{match.mentor.person}], "
                           f"students: [{match.student.person}], channels: [{channels}]}}")
        review = f'{{platform: discord, workspace: "{self.guild}", channel: "{self.review}"}}'
        return (f"program:\n  id: {PROGRAM}\n  name: Reliable High\n  timezone: {self.timezone}\n"
                f"  policy: {policy}\n  review_channel: {review}\n"
                "people:\n" + "\n".join(people) + "\nmatches:\n" + "\n".join(matches) + "\n")

    def workspace(self, side: Side) -> str:
        return side.workspace


def _person(key: str, name: str, role: str, platform: str, workspace: str, user: str) -> str:
    extra = {"mentor": ", cleared: 2026-08-20", "student": ", grade: 10, consent: 2026-09-08"}.get(role, "")
    return (f"  - {{id: {key}, name: {name}, role: {role}{extra}, "
            f'accounts: [{{platform: {platform}, workspace: "{workspace}", user: "{user}"}}]}}')


def make_world(discord: FakeDiscord, *, cross: int = 0, slack_only: int = 0, discord_only: int = 0,
               guilds: int = 1, shards: int = 1) -> World:
    """The guilds (``guilds`` of them, spread over ``shards`` Discord shards, the coordinator in
    each), the workspace's users and channels, and the matches (ids m1, m2, … in that order; matches
    with a Discord side take the guilds in turn)."""
    slack = Workspace.make(TEAM, name="Acme Engineering")
    ids = [discord.add_guild(f"Reliable High {n + 1}", on_shard=(n % shards, shards) if shards > 1 else None)
           for n in range(guilds)]
    coordinator = discord.add_member(ids[0], "P. Kim")
    for guild in ids[1:]:
        discord.add_member(guild, "P. Kim", user_id=coordinator)
    review = discord.add_channel(ids[0], "mentorbot-review")
    world = World(discord, slack, ids[0], review, coordinator, [], ids)
    for kind in ["cross"] * cross + ["slack"] * slack_only + ["discord"] * discord_only:
        add_match(world, kind)
    return world


def add_match(world: World, kind: str) -> MatchSpec:
    """One more match (``cross``, ``slack`` or ``discord``) with new people and channels."""
    n = len(world.matches) + 1
    mentor_platform = "discord" if kind == "discord" else "slack"
    student_platform = "slack" if kind == "slack" else "discord"
    with_discord = sum(1 for m in world.matches if "discord" in (m.mentor.platform, m.student.platform))
    guild = (world.guilds or [world.guild])[with_discord % len(world.guilds or [world.guild])]
    args = (world.discord, world.slack, guild, world.coordinator)
    mentor = _side(*args, mentor_platform, f"mentor{n}", f"Mentor {n}", f"m{n}-mentors")
    student = _side(*args, student_platform, f"student{n}", f"Student {n}", f"m{n}-students")
    match = MatchSpec(f"m{n}", mentor, student)
    world.matches.append(match)
    return match


def _side(discord: FakeDiscord, slack: Workspace, guild: str, coordinator: str, platform: str, person: str,
          name: str, channel_name: str) -> Side:
    if platform == "slack":
        user, channel = f"U{person.upper()}", f"C{channel_name.upper().replace('-', '')}"
        slack.add_user(user, name)
        slack.add_channel(channel, channel_name, members=[user], private=True)
        return Side("slack", channel, person, user, name, TEAM)
    user = discord.add_member(guild, name)
    channel = discord.add_channel(guild, channel_name, overwrites=[  # only the person and the coordinator
        discord.overwrite(guild, deny=VIEW_CHANNEL),
        discord.overwrite(user, member=True, allow=VIEW_CHANNEL),
        discord.overwrite(coordinator, member=True, allow=VIEW_CHANNEL),
    ])
    return Side("discord", channel, person, user, name, guild)
