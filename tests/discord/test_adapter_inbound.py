"""The real discord.py client against the fake Discord: what reaches the core, once, in order."""

from __future__ import annotations

import pytest
from dworld import School, adapter_for

from adapters.discord import DiscordFatalError
from bot.messages import InboundKind, Outbound
from fakes.core import RecordingCore as FakeCore
from fakes.discord_server import FakeDiscord

INTENTS = (
    (1 << 0) | (1 << 1) | (1 << 9) | (1 << 12) | (1 << 15)
)  # guilds, members, guild/DM messages, content


async def test_connects_with_only_the_intents_it_needs_and_registers_the_command(
    adapter, fake_discord: FakeDiscord, school: School
) -> None:
    assert fake_discord.identifies[0]["intents"] == INTENTS
    assert [c["name"] for c in fake_discord.commands[school.guild]] == ["mentorbot"]


async def test_a_student_message_reaches_the_core_with_who_where_and_what(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    msg = await fake_discord.user_says(school.students, school.ana, "Hi! What do engineers do all day?")
    [event] = await fake_core.wait_events(1)
    assert event.kind == InboundKind.MESSAGE
    assert event.channel == school.ref(school.students)
    assert (event.message_id, event.event_key, event.author_id) == (msg["id"], msg["id"], school.ana)
    assert event.author_name == "Ana R."
    assert event.text == "Hi! What do engineers do all day?"
    assert event.sent_at is not None and event.sent_at.tzinfo is not None
    assert not event.is_direct


async def test_own_relays_other_bots_and_webhooks_are_dropped(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    await adapter.send(
        Outbound(school.ref(school.students), "relayed from the mentor", "k1", sender_name="Morgan")
    )
    await fake_discord.user_says(school.students, school.other_bot, "Reminder: forms due Friday")
    await adapter.notify_private(school.ref(school.students), school.ana, "held for review")
    await fake_discord.user_says(school.students, school.ana, "after")
    events = await fake_core.wait_events(1)
    await fake_discord.wait_for(lambda: fake_discord.session.delivered == fake_discord.session.seq)
    assert [e.text for e in events] == ["after"]


async def test_edits_and_deletions_follow_and_link_previews_do_not_count_as_edits(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    msg = await fake_discord.user_says(school.students, school.ana, "my number is 555")
    await fake_core.wait_events(1)
    unfurl = {**msg, "embeds": [{"type": "link", "url": "https://example.org"}]}  # no edited_timestamp
    await fake_discord.dispatch("MESSAGE_UPDATE", unfurl)
    edited = await fake_discord.user_edits(school.students, msg["id"], "never mind")
    await fake_discord.user_deletes(school.students, msg["id"])
    events = await fake_core.wait_events(3)
    assert [e.kind for e in events] == [InboundKind.MESSAGE, InboundKind.EDIT, InboundKind.DELETE]
    assert events[1].text == "never mind"
    assert events[1].event_key == f"{msg['id']}:{edited['edited_timestamp']}"
    assert events[2].event_key == f"del:{msg['id']}"
    assert events[2].author_id == school.ana  # known from the cache here; the core's log keeps the old text


async def test_replies_and_threads_name_their_root_message(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    root = await fake_discord.user_says(school.students, school.ana, "question")
    await fake_discord.user_says(school.students, school.ana, "and a follow-up", reply_to=root["id"])
    thread = fake_discord.add_thread(school.students, root["id"])
    await fake_discord.dispatch("THREAD_CREATE", {**fake_discord.channels[thread], "newly_created": True})
    await fake_discord.user_says(thread, school.ana, "in the thread")
    events = await fake_core.wait_events(3)
    assert events[1].thread_id == root["id"]
    assert events[2].channel == school.ref(school.students)  # filed under the supervised parent channel
    assert events[2].thread_id == root["id"]


async def test_direct_messages_are_marked_direct(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    dm = fake_discord.add_dm(school.ana)
    await fake_discord.user_says(dm, school.ana, "can we talk privately?")
    [event] = await fake_core.wait_events(1)
    assert event.is_direct and event.channel.workspace == "dm"


async def test_a_dropped_gateway_resumes_and_loses_and_duplicates_nothing(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    await fake_discord.user_says(school.students, school.ana, "one")
    await fake_core.wait_events(1)
    fake_discord.replay_duplicates = 2  # Discord may resend events the client already had
    await fake_discord.drop()
    await fake_discord.user_says(school.students, school.ana, "two (sent while the bot was disconnected)")
    await fake_discord.wait_connected()
    events = await fake_core.wait_events(2)
    await fake_discord.user_says(school.students, school.ana, "three")
    events = await fake_core.wait_events(3)
    assert [e.text for e in events] == ["one", "two (sent while the bot was disconnected)", "three"]
    assert len(fake_discord.identifies) == 1 and len(fake_discord.resumes) == 1
    assert fake_discord.replayed >= 1  # the fake did resend an event the client had already seen
    assert fake_core.duplicates == 0  # replays were dropped by the adapter before reaching the core


async def test_op7_reconnect_resumes_the_session(
    adapter, fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    await fake_discord.request_reconnect()
    await fake_discord.user_says(school.students, school.ana, "still here?")
    await fake_discord.wait_connected()
    events = await fake_core.wait_events(1)
    assert events[0].text == "still here?"
    assert fake_discord.resumes and fake_discord.resumes[0]["session_id"] == "fake-session-1"


async def test_backfill_screens_missed_messages_oldest_first_before_live_ones(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    seen = await fake_discord.user_says(
        school.students, school.ana, "logged before the outage", dispatch=False
    )
    fake_core.last_logged[school.ref(school.students)] = seen["id"]
    for text in ("missed 1", "missed 2", "missed 3"):
        await fake_discord.user_says(school.students, school.ana, text, dispatch=False)
    adapter = adapter_for(fake_discord)
    await adapter.start(fake_core)
    try:
        await fake_discord.user_says(school.students, school.ana, "live")
        events = await fake_core.wait_events(4)
        assert [e.text for e in events] == ["missed 1", "missed 2", "missed 3", "live"]
        assert adapter.is_running
    finally:
        await adapter.stop()


@pytest.mark.parametrize(("code", "words"), [(4004, "token"), (4014, "MESSAGE CONTENT INTENT")])
async def test_fatal_close_codes_stop_with_a_clear_message_instead_of_looping(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School, code: int, words: str
) -> None:
    if code == 4004:
        fake_discord.token_for_gateway = "rotated"
    else:
        fake_discord.fatal_on_identify = code
    adapter = adapter_for(fake_discord)
    with pytest.raises(DiscordFatalError, match=words):
        await adapter.start(fake_core)
    assert len(fake_discord.identifies) == 1
    assert not adapter.is_running


async def test_a_fatal_close_after_ready_stops_the_adapter(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    adapter = adapter_for(fake_discord)
    await adapter.start(fake_core)
    try:
        await fake_discord.close_fatal(4014)
        await fake_discord.wait_for(lambda: not adapter.is_running)
        assert "4014" in (adapter.fatal_error or "")
        assert len(fake_discord.identifies) == 1 and fake_discord.resumes == []
    finally:
        await adapter.stop()


async def test_a_bad_token_fails_at_login(fake_discord: FakeDiscord, fake_core: FakeCore) -> None:
    with pytest.raises(DiscordFatalError, match="DISCORD_TOKEN"):
        await adapter_for(fake_discord, token="wrong").start(fake_core)
    assert fake_discord.identifies == []


async def test_set_up_checks_report_who_can_read_each_supervised_channel(
    fake_discord: FakeDiscord, fake_core: FakeCore, school: School
) -> None:
    outsiders = fake_discord.add_channel(school.guild, "open-to-all")  # no overwrites: everyone can read
    hidden = fake_discord.add_channel(
        school.guild,
        "no-coordinator",
        overwrites=[
            fake_discord.overwrite(school.guild, deny=1 << 10),
            fake_discord.overwrite(school.ana, member=True, allow=1 << 10),
        ],
    )
    fake_core.channels += [school.ref(outsiders), school.ref(hidden)]
    adapter = adapter_for(fake_discord)
    await adapter.start(fake_core)
    try:
        await fake_discord.wait_for(lambda: len(fake_core.checked) == 4)  # every channel, after READY
        report = {}
        for ref in fake_core.checked:  # what the core reads back when it checks each one
            members = await adapter.members(ref)
            report[ref.channel] = (set(members.user_ids), members.coordinator_can_see)
    finally:
        await adapter.stop()
    assert report[school.students] == ({school.ana, school.kim}, True)
    assert report[outsiders] == ({school.ana, school.kim, school.lee}, True)
    assert report[hidden] == ({school.ana}, False)
