"""Every adapter behind the same port, each against its platform (the console in memory, Slack and
Discord as fakes on 127.0.0.1 driven by the real slack-bolt and discord.py code)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import discord
import pytest
import yarl

TESTS = Path(__file__).resolve().parents[1]
sys.path.extend(str(p) for p in (TESTS / "slack", TESTS / "discord") if str(p) not in sys.path)

from dworld import adapter_for, make_school  # noqa: E402
from sworld import SCHOOL, make_workspaces, socket_adapter_for  # noqa: E402

from adapters.console import ConsoleAdapter  # noqa: E402
from bot.messages import ChannelRef  # noqa: E402
from bot.ports import Adapter  # noqa: E402
from fakes.core import RecordingCore  # noqa: E402
from fakes.discord_server import FakeDiscord  # noqa: E402
from fakes.slack_server import FakeSlack, message_event  # noqa: E402


@dataclass
class Platform:
    """One started adapter over its platform, and how a person there acts and what they see."""

    adapter: Adapter
    core: RecordingCore  # what the adapter pushed to the core
    channel: ChannelRef  # a supervised channel the person reads
    review: ChannelRef  # the coordinators' review channel
    person: str  # the person's platform user id
    bots: set[str]  # other bots' ids in the channel (never counted as readers)
    say: Callable[[str], Awaitable[None]]  # the person writes in ``channel``
    seen: Callable[[], list[str]]  # what a reader of ``channel`` sees now, oldest first
    told: Callable[[str], list[str]]  # what one person was told privately (or the closest thing)
    cards: Callable[[], int]  # review cards shown in ``review``


async def console_platform() -> AsyncIterator[Platform]:
    core = RecordingCore()
    console = ConsoleAdapter(workspace="demo")
    await console.start(core)
    channel = console.ref("match-7-students")
    console.readers[channel] = ["ana", "kim"]

    async def say(text: str) -> None:
        await console.say("ana", channel.channel, text)

    yield Platform(
        adapter=console, core=core, channel=channel, review=console.ref("review"), person="ana", bots=set(),
        say=say, seen=lambda: [p.text for p in console.visible(channel.channel)],
        told=lambda user: console.private.get(user, []), cards=lambda: len(console.review_cards),
    )
    await console.stop()


async def slack_platform() -> AsyncIterator[Platform]:
    async with FakeSlack(workspaces=make_workspaces()) as fake:
        core = RecordingCore()
        adapter = socket_adapter_for(fake)
        await adapter.start(core)
        for team in fake.workspaces:
            await fake.wait_connected(team)

        async def say(text: str) -> None:
            event = message_event(fake.workspace(SCHOOL), "CSTUDENTS", "USTUDENT1", text)
            eid = await fake.push(SCHOOL, event)
            await fake.wait_ack(eid)

        try:
            yield Platform(
                adapter=adapter, core=core, channel=ChannelRef("slack", SCHOOL, "CSTUDENTS"),
                review=ChannelRef("slack", SCHOOL, "CREVIEW"), person="USTUDENT1", bots={"UOTHERBOT"},
                say=say, seen=lambda: [m["text"] for m in fake.channel_messages(SCHOOL, "CSTUDENTS")],
                told=lambda user: [e["text"] for e in fake.ephemerals if e["user"] == user],
                cards=lambda: len(fake.channel_messages(SCHOOL, "CREVIEW")),
            )
        finally:
            await adapter.stop()


async def discord_platform(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Platform]:
    # the adapter aims discord.py at the fake; put its endpoints back afterwards
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        yarl.URL(str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)))
    fake = FakeDiscord()
    await fake.start()
    school = make_school(fake)
    core = RecordingCore(channels=[school.ref(school.students)])
    adapter = adapter_for(fake)
    await adapter.start(core)

    async def say(text: str) -> None:
        await fake.user_says(school.students, school.ana, text)

    def told(user: str) -> list[str]:  # a reply on the person's own side, addressed to them
        prefix = f"<@{user}> "
        return [m["content"].removeprefix(prefix) for m in fake.messages[school.students]
                if m["content"].startswith(prefix)]

    try:
        yield Platform(
            adapter=adapter, core=core, channel=school.ref(school.students), review=school.ref(school.review),
            person=school.ana, bots={school.other_bot}, say=say, seen=lambda: fake.texts(school.students),
            told=told, cards=lambda: len(fake.messages[school.review]),
        )
    finally:
        await adapter.stop()
        await fake.stop()


@pytest.fixture(params=["console", "slack", "discord"])
async def platform(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
                   ) -> AsyncIterator[Platform]:
    """The same scenarios run once per adapter mentorbot ships."""
    makers = {"console": console_platform, "slack": slack_platform,
              "discord": lambda: discord_platform(monkeypatch)}
    async for ready in makers[request.param]():
        yield ready
