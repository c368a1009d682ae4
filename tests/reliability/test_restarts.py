"""Restarts of the whole bot (core + real Slack and Discord clients) against the fakes, in one process.

Each ``restart`` builds new adapters and a new core over the same database, as a new process would:
nothing in memory survives. Checked like a user would: a clean restart keeps relays into Discord
working (edits too), what was sent while the bot was down and during its start-up arrives once and
in order, and a channel linked while the bot was down is caught up from its link time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rworld import PROGRAM, TEAM, World, add_match, make_world
from sqlalchemy import Engine

from adapters.discord import DiscordAdapter
from adapters.discord.marks import without_mark
from adapters.slack import SlackAdapter, WorkspaceConfig
from bot.app import MentorBot, build_app
from bot.ports import PlatformLimits
from bot.prompts.settings import set_schedule
from bot.settings import Settings
from fakes.discord_server import FakeDiscord
from fakes.slack_server import FakeSlack, message_changed, message_event
from support.roster_helpers import import_roster


@dataclass
class Bot:
    world: World
    discord: FakeDiscord
    slack: FakeSlack
    engine: Engine
    app: MentorBot | None = None
    adapters: dict = field(default_factory=dict)  # type: ignore[type-arg]

    async def start(self, **discord_options) -> None:  # type: ignore[no-untyped-def]
        slack = SlackAdapter(workspaces=[WorkspaceConfig(bot_token=self.world.slack.bot_token,
                                                         app_token=self.world.slack.app_token)],
                             mode="socket", api_url=self.slack.base_url, connect_timeout=5)
        discord = DiscordAdapter(token=self.discord.token, api_base=self.discord.api_base,
                                 gateway_url=self.discord.gateway_url, connect_timeout=5,
                                 guild_ready_timeout=discord_options.pop("guild_ready_timeout", 0.05))
        for adapter in (slack, discord):
            adapter.facts = replace(adapter.facts, limits=PlatformLimits())  # type: ignore[misc]  # any pace
        self.adapters = {"slack": slack, "discord": discord}
        self.app = build_app(Settings(_env_file=None), adapters=self.adapters, engine=self.engine)
        await self.app.start()

    async def stop(self) -> None:
        assert self.app is not None
        assert self.adapters["discord"].is_running, self.adapters["discord"].fatal_error
        await self.app.stop()

    async def until(self, check: Callable[[], bool], timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            assert time.monotonic() < deadline, "condition not met in time"
            assert self.app is not None
            await self.app.delivery.run_once()
            await asyncio.sleep(0.02)

    def seen_in(self, platform: str, channel: str) -> list[str]:
        """What the bot posted in a channel, as people read it."""
        if platform == "discord":
            return [without_mark(m["content"]) for m in self.discord.messages[channel] if m.get("webhook_id")]
        return [m["text"] for m in self.slack.channel_messages(TEAM, channel)]


@pytest.fixture
async def bot(sqlite_engine: Engine, fake_discord: FakeDiscord, permissive_policy: Path,
              tmp_path: Path) -> AsyncIterator[Bot]:
    world = make_world(fake_discord, cross=1, discord_only=1)
    roster = tmp_path / "program.yml"
    roster.write_text(world.roster(permissive_policy))
    import_roster(sqlite_engine, roster)
    # No weekly prompt in this world: the default schedule posts one on Monday mornings (local), into
    # the very channels whose relays these tests read, so they failed on Mondays 09:00-17:00 only.
    set_schedule(sqlite_engine, PROGRAM, actor="restart-test", clock=lambda: datetime.now(UTC), enabled=False)
    async with FakeSlack(workspaces=[world.slack]) as slack:
        harness = Bot(world, fake_discord, slack, sqlite_engine)
        try:
            yield harness
        finally:
            if harness.app is not None:
                await harness.app.stop()


async def test_after_a_clean_restart_relays_and_edits_still_reach_discord(bot: Bot) -> None:
    cross = bot.world.matches[0]
    mentor, student = cross.mentor, cross.student
    await bot.start()
    await bot.slack.push(TEAM, message_event(bot.world.slack, mentor.channel, mentor.user, "before"))
    await bot.until(lambda: bot.seen_in("discord", student.channel) == ["before"])
    await bot.stop()

    await bot.start()  # a new process: lists the channel's webhooks, finds its own (with a token)
    body = message_event(bot.world.slack, mentor.channel, mentor.user, "after the restart")
    await bot.slack.push(TEAM, body)
    await bot.until(lambda: bot.seen_in("discord", student.channel) == ["before", "after the restart"])
    ts = body["event"]["ts"]
    await bot.slack.push(TEAM, message_changed(bot.world.slack, mentor.channel, mentor.user, ts,
                                               "after the restart (edited)", "after the restart"))
    await bot.until(lambda: bot.seen_in("discord", student.channel)[-1] == "after the restart (edited)")
    hooks = [w for w in bot.discord.webhooks.values() if w["channel_id"] == student.channel]
    assert len(hooks) == 1


async def test_what_was_sent_while_down_and_during_start_up_arrives_once_in_order(bot: Bot) -> None:
    cross, pair = bot.world.matches
    await bot.start()
    await bot.discord.user_says(pair.student.channel, pair.student.user, "one")
    await bot.until(lambda: bot.seen_in("discord", pair.mentor.channel) == ["one"])
    await bot.stop()
    # the bot is down: people keep writing on both platforms
    await bot.discord.user_says(pair.student.channel, pair.student.user, "two (while down)")
    await bot.discord.user_says(cross.student.channel, cross.student.user, "hello from Discord (while down)")
    await bot.slack.push(TEAM, message_event(bot.world.slack, cross.mentor.channel, cross.mentor.user,
                                             "hello from Slack (while down)"))

    async def live_while_starting() -> None:
        await bot.discord.user_says(pair.student.channel, pair.student.user, "three (during start-up)")

    bot.discord.after_identify.append(live_while_starting)
    await bot.start(guild_ready_timeout=0.3)
    await bot.discord.user_says(pair.student.channel, pair.student.user, "four (live)")
    expected = ["one", "two (while down)", "three (during start-up)", "four (live)"]
    await bot.until(lambda: bot.seen_in("discord", pair.mentor.channel) == expected)
    for platform, channel, text in (("slack", cross.mentor.channel, "hello from Discord (while down)"),
                                    ("discord", cross.student.channel, "hello from Slack (while down)")):
        await bot.until(lambda p=platform, c=channel, t=text: bot.seen_in(p, c) == [t])
    await asyncio.sleep(0.2)
    await bot.app.delivery.run_once()  # type: ignore[union-attr]
    assert bot.seen_in("discord", pair.mentor.channel) == expected  # nothing doubled meanwhile


async def test_a_channel_linked_while_the_bot_was_down_is_caught_up_from_its_link_time(
    bot: Bot, sqlite_engine: Engine, permissive_policy: Path, tmp_path: Path
) -> None:
    await bot.start()
    await bot.stop()
    new = add_match(bot.world, "discord")  # new channels in the same server, not supervised yet
    await bot.discord.user_says(new.student.channel, new.student.user, "written before it was supervised")
    await asyncio.sleep(0.01)
    roster = tmp_path / "program.yml"
    roster.write_text(bot.world.roster(permissive_policy))
    import_roster(sqlite_engine, roster)  # the coordinator links it while the bot is down
    await asyncio.sleep(0.01)
    await bot.discord.user_says(new.student.channel, new.student.user, "first words in the new channel")
    await bot.start()
    await bot.until(lambda: bot.seen_in("discord", new.mentor.channel) == ["first words in the new channel"])
    await asyncio.sleep(0.2)
    await bot.app.delivery.run_once()  # type: ignore[union-attr]
    assert bot.seen_in("discord", new.mentor.channel) == ["first words in the new channel"]
