"""Restarts of the real discord.py client against a fake Discord that behaves like Discord where bugs hid.

Each test starts the adapter more than once (a restart is a new process: nothing in memory survives)
and checks what a user would notice: relays keep arriving after a restart, nothing sent while the
bot was down or starting is skipped, no webhook pile-up, the slash command is not re-registered for
nothing, and a resend after a crash between "Discord stored the post" and "the outbox recorded it"
does not show the message twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from dworld import School, adapter_for

from adapters.discord import DiscordAdapter
from bot.messages import Outbound
from fakes.core import RecordingCore as FakeCore
from fakes.discord_model import visible
from fakes.discord_server import FakeDiscord

WEBHOOKS = r"/channels/\d+/webhooks"


def out(school: School, text: str, key: str, **kw) -> Outbound:  # type: ignore[no-untyped-def]
    return Outbound(school.ref(school.students), text, key, sender_name="Morgan Lee", **kw)


@asynccontextmanager
async def running(fake: FakeDiscord, core: FakeCore, **kwargs) -> AsyncIterator[DiscordAdapter]:  # type: ignore[no-untyped-def]
    """One life of the bot: a fresh adapter (nothing remembered from an earlier run), stopped after."""
    adapter = adapter_for(fake, **kwargs)
    await adapter.start(core)
    try:
        yield adapter
        assert adapter.is_running, f"the gateway task died: {adapter.fatal_error}"
    finally:
        await adapter.stop()


def hooks_in(fake: FakeDiscord, channel: str) -> list[dict]:
    return [w for w in fake.webhooks.values() if w["channel_id"] == channel]


async def test_after_a_restart_relays_edits_and_deletions_still_reach_discord(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    async with running(fake_discord, fake_core) as first:
        await first.send(out(school, "before the restart", "k1"))
    async with running(fake_discord, fake_core) as second:  # lists the channel's webhooks: ours has a token
        copy = await second.send(out(school, "after the restart", "k2"))
        await second.edit(school.ref(school.students), copy, "after the restart (edited)")
        gone = await second.send(out(school, "soon deleted", "k3"))
        await second.delete(school.ref(school.students), gone)
    assert fake_discord.texts(school.students) == [
        "Morgan Lee: before the restart",
        "Morgan Lee: after the restart (edited)",
    ]
    assert len(hooks_in(fake_discord, school.students)) == 1
    assert len(fake_discord.calls_to("POST", WEBHOOKS)) == 1  # made once, found again after the restart


async def test_restarts_reuse_one_webhook_and_never_take_someone_elses(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    impostor = fake_discord.add_webhook(school.students, "mentorbot relay", creator=school.kim)
    for i in range(13):
        fake_discord.add_webhook(school.students, f"class announcements {i}", creator=school.kim)
    for run in range(3):
        async with running(fake_discord, fake_core) as adapter:
            await adapter.send(out(school, f"run {run}", f"k{run}"))
    hooks = hooks_in(fake_discord, school.students)
    ours = [w for w in hooks if w["creator"] == fake_discord.bot_user["id"]]
    assert len(hooks) == 15 and len(ours) == 1  # 14 of the school's + one of ours, never more
    relays = [m for m in fake_discord.messages[school.students] if m.get("webhook_id")]
    assert {m["webhook_id"] for m in relays} == {ours[0]["id"]} != {impostor["id"]}


async def test_a_channel_with_fifteen_webhooks_gets_plain_relays_instead_of_errors(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    for i in range(15):
        fake_discord.add_webhook(school.students, f"integration {i}", creator=school.kim)
    async with running(fake_discord, fake_core) as adapter:
        await adapter.send(out(school, "still delivered", "k1"))
    assert fake_discord.texts(school.students) == ["**Morgan Lee:** still delivered"]
    assert [c.status for c in fake_discord.calls_to("POST", WEBHOOKS)] == [400]  # Discord's 30007
    assert len(hooks_in(fake_discord, school.students)) == 15


async def test_the_slash_command_is_registered_again_only_when_it_changed(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    put = rf"/applications/\d+/guilds/{school.guild}/commands"
    for _ in range(3):
        async with running(fake_discord, fake_core):
            pass
    assert len(fake_discord.calls_to("PUT", put)) == 1
    fake_discord.commands[school.guild][0]["description"] = "an older mentorbot's description"
    async with running(fake_discord, fake_core):
        pass
    assert len(fake_discord.calls_to("PUT", put)) == 2
    assert [c["name"] for c in fake_discord.commands[school.guild]] == ["mentorbot"]


async def test_live_messages_during_start_up_wait_until_the_missed_ones_are_caught_up(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    logged = await fake_discord.user_says(
        school.students, school.ana, "logged before the outage", dispatch=False
    )
    fake_core.last_logged[school.ref(school.students)] = logged["id"]
    for text in ("missed 1", "missed 2", "missed 3"):
        await fake_discord.user_says(school.students, school.ana, text, dispatch=False)

    async def live_while_starting() -> None:  # discord.py reports on_ready only guild_ready_timeout later
        await fake_discord.user_says(school.students, school.ana, "live during start-up")

    fake_discord.after_identify.append(live_while_starting)
    async with running(fake_discord, fake_core, guild_ready_timeout=0.3):
        events = await fake_core.wait_events(4)
        await fake_discord.user_says(school.students, school.ana, "live after")
        events = await fake_core.wait_events(5)
    assert [e.text for e in events] == [
        "missed 1", "missed 2", "missed 3", "live during start-up", "live after"
    ]
    assert fake_core.duplicates == 0


async def test_a_channel_with_nothing_logged_is_caught_up_from_when_it_was_linked(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    await fake_discord.user_says(school.students, school.ana, "before the channel was linked", dispatch=False)
    await asyncio.sleep(0.01)
    fake_core.linked_at[school.ref(school.students)] = datetime.now(UTC)
    await asyncio.sleep(0.01)
    for text in ("first words, bot still down", "second words"):
        await fake_discord.user_says(school.students, school.ana, text, dispatch=False)
    async with running(fake_discord, fake_core):
        events = await fake_core.wait_events(2)
        await asyncio.sleep(0.1)
    assert [e.text for e in events] == ["first words, bot still down", "second words"]


async def test_a_new_session_after_a_refused_resume_catches_up_the_gap_before_live_messages(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    async with running(fake_discord, fake_core, guild_ready_timeout=0.3):
        await fake_discord.user_says(school.students, school.ana, "one")
        await fake_core.wait_events(1)
        fake_discord.session = None  # Discord forgot the session: RESUME is refused, the client identifies
        await fake_discord.drop()
        await fake_discord.user_says(school.students, school.ana, "two, while disconnected")

        async def live_while_starting() -> None:
            await fake_discord.user_says(school.students, school.ana, "three, during the new start-up")

        fake_discord.after_identify.append(live_while_starting)
        events = await fake_core.wait_events(3, timeout=15)  # discord.py waits 5 s before a re-IDENTIFY
    assert [e.text for e in events] == ["one", "two, while disconnected", "three, during the new start-up"]
    assert len(fake_discord.identifies) == 2


async def test_a_resend_after_a_crash_finds_the_earlier_post_instead_of_posting_twice(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    async with running(fake_discord, fake_core) as first:
        posted = await first.send(out(school, "ok", "relay:1"))  # then the process dies: never recorded
    async with running(fake_discord, fake_core) as second:
        again = await second.send(out(school, "ok", "relay:1", attempt=2))
        other = await second.send(out(school, "ok", "relay:2", attempt=2))  # same words, another delivery
    assert again == posted and other != posted
    assert fake_discord.texts(school.students) == ["Morgan Lee: ok", "Morgan Lee: ok"]


async def test_a_split_relay_cut_short_by_a_crash_resumes_with_the_missing_parts(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    words = [f"word{i:04d}" for i in range(500)]  # three parts
    async with running(fake_discord, fake_core) as first:
        sending = asyncio.create_task(first.send(out(school, " ".join(words), "relay:long")))
        crash: Callable[[dict], None] = lambda _msg: sending.cancel()  # noqa: E731  dies once part 1 is stored
        fake_discord.on_accept = crash
        await asyncio.gather(sending, return_exceptions=True)
        fake_discord.on_accept = None
    assert len(fake_discord.messages[school.students]) == 1
    async with running(fake_discord, fake_core) as second:
        ids = await second.send(out(school, " ".join(words), "relay:long", attempt=2))
    parts = [visible(m["content"]) for m in fake_discord.messages[school.students]]
    assert len(parts) == 3 and " ".join(parts).split() == words
    assert ids.split(",") == [m["id"] for m in fake_discord.messages[school.students]]


async def test_a_catch_up_start_point_is_the_last_logged_message_else_the_link_time_bounded() -> None:
    from adapters.discord.convert import catch_up_after, snowflake_at

    now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    week = timedelta(days=7)
    assert catch_up_after("1234", now - timedelta(days=400), now=now, max_age=week) == 1234
    assert catch_up_after(None, now - timedelta(hours=2), now=now, max_age=week) == snowflake_at(
        now - timedelta(hours=2)
    )
    assert catch_up_after(None, now - timedelta(days=400), now=now, max_age=week) == snowflake_at(now - week)
    assert catch_up_after(None, None, now=now, max_age=week) is None
