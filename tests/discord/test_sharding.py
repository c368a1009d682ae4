"""Discord gateway sharding: one shard per replica (``DISCORD_SHARD_ID`` of ``DISCORD_SHARD_COUNT``).

Discord sends a guild's events only to the shard ``(guild_id >> 22) % num_shards`` and direct
messages only to shard 0; the fake routes them the same way. Each replica then catches up and
checks only the guilds it serves, so two replicas never screen the same missed message or raise
the same set-up alert twice. Each replica here has its own fake core, to see who got what.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest
from dworld import adapter_for

from adapters.discord import DiscordAdapter
from bot.messages import ChannelRef
from fakes.core import RecordingCore as FakeCore
from fakes.discord_server import FakeDiscord
from support.waiting import until


@dataclass
class Guild:
    id: str
    channel: str
    member: str

    def ref(self) -> ChannelRef:
        return ChannelRef("discord", self.id, self.channel)


def add_guild(fake: FakeDiscord, name: str, shard: int) -> Guild:
    guild = fake.add_guild(name, on_shard=(shard, 2))
    member = fake.add_member(guild, f"{name} student")
    return Guild(guild, fake.add_channel(guild, "match-1-students"), member)


async def start_replicas(fake: FakeDiscord, guilds: list[Guild]) -> list[tuple[DiscordAdapter, FakeCore]]:
    replicas = []
    for shard in (0, 1):
        core = FakeCore(channels=[g.ref() for g in guilds])
        core.last_logged = {g.ref(): g.channel for g in guilds}  # catch up from the channel's creation
        adapter = adapter_for(fake, shard_id=shard, shard_count=2)
        await adapter.start(core)
        replicas.append((adapter, core))
    return replicas


async def test_each_replica_gets_only_its_shards_guilds_and_direct_messages_go_to_shard_zero(
        fake_discord: FakeDiscord) -> None:
    north, south = add_guild(fake_discord, "North", 0), add_guild(fake_discord, "South", 1)
    missed = await fake_discord.user_says(south.channel, south.member, "sent while no replica ran",
                                          dispatch=False)
    replicas = await start_replicas(fake_discord, [north, south])
    (first, first_core), (second, second_core) = replicas
    try:
        assert fake_discord.live_shards() == {(0, 2), (1, 2)}
        assert [i["shard"] for i in fake_discord.identifies] == [[0, 2], [1, 2]]
        await until(lambda: second_core.events)  # the missed message: caught up by its shard only
        await fake_discord.user_says(north.channel, north.member, "hello from the north")
        await fake_discord.user_says(south.channel, south.member, "hello from the south")
        dm = fake_discord.add_dm(south.member)
        await fake_discord.user_says(dm, south.member, "can you help me?")
        await until(lambda: len(first_core.events) == 2 and len(second_core.events) == 2)
    finally:
        for adapter, _ in replicas:
            await adapter.stop()
    assert [e.text for e in first_core.events] == ["hello from the north", "can you help me?"]
    assert first_core.events[1].is_direct
    assert [e.text for e in second_core.events] == [missed["content"], "hello from the south"]
    assert first.serves(north.ref()) and not first.serves(south.ref())
    assert second.serves(south.ref()) and not second.serves(north.ref())
    assert first_core.checked == [north.ref()] and second_core.checked == [south.ref()]  # set-up checks


async def test_fewer_shards_than_discord_recommends_is_said_at_start(
        fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    fake_discord.recommended_shards = 4
    north = add_guild(fake_discord, "North", 0)
    adapter = adapter_for(fake_discord, shard_id=0, shard_count=2)
    with caplog.at_level(logging.WARNING, logger="adapters.discord"):
        await adapter.start(FakeCore(channels=[north.ref()]))
        await adapter.stop()
    assert fake_discord.calls_to("GET", "/gateway/bot")
    assert "Discord recommends 4 shards" in caplog.text and "DISCORD_SHARD_COUNT" in caplog.text


def test_a_shard_id_outside_the_shard_count_is_refused_before_connecting() -> None:
    from adapters.discord import DiscordFatalError
    from bot.settings import Settings

    with pytest.raises(DiscordFatalError, match="DISCORD_SHARD_ID"):
        DiscordAdapter(token="t", shard_id=2, shard_count=2)
    with pytest.raises(ValueError, match="DISCORD_SHARD_ID"):
        Settings(_env_file=None, discord_shard_id=1)  # a shard id needs the shard count too
