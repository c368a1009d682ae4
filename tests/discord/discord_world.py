"""The world of the Discord end-to-end tests: a student in (fake) Discord, a mentor in (fake)
Slack, one core over a migrated SQLite file with the predictable test policy (phone numbers
blocked, "secret" held). A module name of its own, so tests in other folders cannot shadow it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from dworld import School, adapter_for, make_school
from sqlalchemy import Engine

from adapters.discord import DiscordAdapter
from adapters.slack import SlackAdapter, WorkspaceConfig
from bot.app import MentorBot, build_app
from bot.relay.policy_cache import PolicyBook
from bot.settings import Settings
from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, Workspace, message_event
from support.fake_policy import FakePolicy
from support.roster_helpers import import_roster
from support.waiting import until

CORP, MENTORS = "TCORP", "CMENTORS"

ROSTER = """
program:
  id: lincoln-ptech
  name: Lincoln P-TECH
  timezone: America/New_York
  review_channel: {{platform: discord, workspace: "{guild}", channel: "{review}"}}
people:
  - id: kim
    name: P. Kim
    role: coordinator
    accounts: [{{platform: discord, workspace: "{guild}", user: "{kim}"}}]
  - id: morgan
    name: Morgan Diaz
    role: mentor
    cleared: 2026-08-20
    accounts: [{{platform: slack, workspace: {corp}, user: UMENTOR1}}]
  - id: lee
    name: Morgan Lee
    role: mentor
    cleared: 2026-08-20
    accounts: [{{platform: discord, workspace: "{guild}", user: "{lee}"}}]
  - id: ana
    name: Ana R.
    role: student
    grade: 10
    consent: 2026-09-08
    accounts: [{{platform: discord, workspace: "{guild}", user: "{ana}"}}]
  - id: ben
    name: Ben T.
    role: student
    grade: 9
    consent: 2026-09-08
    accounts: [{{platform: discord, workspace: "{guild}", user: "{ben}"}}]
matches:
  - id: morgan-ana
    model: one-to-one
    status: active
    started: 2026-09-15
    coordinator: kim
    mentors: [morgan]
    students: [ana]
    channels:
      - {{side: mentor, platform: slack, workspace: {corp}, channel: {mentors_slack}}}
      - {{side: student, platform: discord, workspace: "{guild}", channel: "{students}"}}
  - id: lee-ben
    model: one-to-one
    status: active
    started: 2026-09-15
    coordinator: kim
    mentors: [lee]
    students: [ben]
    channels:
      - {{side: mentor, platform: discord, workspace: "{guild}", channel: "{mentors}"}}
      - {{side: student, platform: discord, workspace: "{guild}", channel: "{ben_channel}"}}
"""


@dataclass
class World:
    app: MentorBot
    discord: FakeDiscord
    slack: FakeSlack
    school: School
    ben: str
    ben_channel: str
    adapter: DiscordAdapter

    def slack_texts(self) -> list[str]:
        return [m.get("text", "") for m in self.slack.channel_messages(CORP, MENTORS)]

    def slack_posts(self) -> list[tuple[str, str]]:
        return [
            (m.get("username", ""), m.get("text", "")) for m in self.slack.channel_messages(CORP, MENTORS)
        ]

    async def until(self, check: Callable[[], bool], timeout: float = 5.0) -> None:
        """Let events arrive and the outbox drain until ``check()`` holds (bounded)."""
        await until(check, app=self.app, timeout=timeout)

    async def mentor_says(self, text: str) -> None:
        w = self.slack.workspace(CORP)
        await self.slack.push(CORP, message_event(w, MENTORS, "UMENTOR1", text))


@pytest.fixture
async def world(fake_discord: FakeDiscord, sqlite_engine: Engine, tmp_path: Path) -> AsyncIterator[World]:
    school = make_school(fake_discord)
    ben = fake_discord.add_member(school.guild, "Ben T.")
    ben_channel = fake_discord.add_channel(school.guild, "match-8-students")  # no overwrites: all can read
    corp = Workspace.make(CORP, name="Acme Engineering")
    corp.add_user("UMENTOR1", "Morgan Diaz", avatar="https://avatars.invalid/morgan.png")
    corp.add_channel(MENTORS, "mentoring-lincoln", members=["UMENTOR1"], private=True)
    roster = tmp_path / "program.yml"
    roster.write_text(
        ROSTER.format(
            guild=school.guild,
            review=school.review,
            kim=school.kim,
            lee=school.lee,
            ana=school.ana,
            ben=ben,
            corp=CORP,
            mentors_slack=MENTORS,
            students=school.students,
            mentors=school.mentors,
            ben_channel=ben_channel,
        )
    )
    import_roster(sqlite_engine, roster)
    async with FakeSlack(workspaces=[corp]) as fake_slack:
        discord_adapter = adapter_for(fake_discord)
        slack_adapter = SlackAdapter(
            workspaces=[WorkspaceConfig(bot_token=corp.bot_token, app_token=corp.app_token)],
            mode="socket",
            api_url=fake_slack.base_url,
            connect_timeout=5,
        )
        book = PolicyBook(loader=lambda _path: FakePolicy())
        app = build_app(
            Settings(_env_file=None),
            adapters={"discord": discord_adapter, "slack": slack_adapter},
            engine=sqlite_engine,
            policies=book,
        )
        await discord_adapter.start(app.core)
        await slack_adapter.start(app.core)
        await fake_slack.wait_connected(CORP)
        world = World(app, fake_discord, fake_slack, school, ben, ben_channel, discord_adapter)
        try:
            yield world
            assert world.adapter.stopped or world.adapter.is_running, world.adapter.fatal_error
        finally:
            await world.adapter.stop()
            await slack_adapter.stop()
