"""The Slack catch-up: messages Slack gave up delivering are read from the channel's history.

Real slack_bolt / slack_sdk against the fake Slack (``conversations.history``/``replies`` paged
with cursors, 429 with ``Retry-After``); the core is the recording fake, which keeps each event
once by its ``dedupe_key`` as the real log does.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sworld import SCHOOL, socket_adapter_for

from adapters.slack import SlackAdapter, WorkspaceConfig, history
from bot.messages import ChannelRef
from fakes.core import RecordingCore
from fakes.slack_server import FakeSlack, message_changed, message_event, post_signed

STUDENTS = ChannelRef("slack", SCHOOL, "CSTUDENTS")
BASE = time.time() - 3600  # an hour ago: the bot last heard the channel then


def ts(offset: float) -> str:
    return f"{BASE + offset:.6f}"


def said(fake: FakeSlack, text: str, at: float, *, user: str = "USTUDENT1",
         thread: float | None = None) -> dict:
    """Someone wrote in #students while the bot was away: only the history has it."""
    body = message_event(fake.workspace(SCHOOL), "CSTUDENTS", user, text, ts=ts(at),
                         thread_ts=ts(thread) if thread is not None else None)
    fake.remember(body)
    return body


def following(core: RecordingCore, *, last_logged: float | None = 0.0) -> None:
    core.channels = [STUDENTS]
    if last_logged is not None:
        core.last_logged[STUDENTS] = ts(last_logged)


async def started(fake: FakeSlack, core: RecordingCore, **kwargs) -> SlackAdapter:  # type: ignore[no-untyped-def]
    adapter = socket_adapter_for(fake, **kwargs)
    await adapter.start(core)
    return adapter


def texts(core: RecordingCore) -> list[str]:
    return [e.text for e in core.events]


async def test_missed_messages_come_once_in_order_before_newer_live_ones(fake_slack, fake_core):
    following(fake_core)
    school = fake_slack.workspace(SCHOOL)
    away = [said(fake_slack, f"away {i}", i) for i in (1, 2, 3)]
    # in the history too, and none of it a person's message to screen:
    fake_slack.add_history(SCHOOL, "CSTUDENTS", {"type": "message", "subtype": "bot_message", "ts": ts(1.5),
                                                 "bot_id": school.bot_id, "username": "Morgan Diaz",
                                                 "text": "a relayed copy"})
    fake_slack.add_history(SCHOOL, "CSTUDENTS", {"type": "message", "user": "UOTHERBOT", "bot_id": "BOTHER",
                                                 "text": "reminder: homework", "ts": ts(2.2)})
    fake_slack.add_history(SCHOOL, "CSTUDENTS", {"type": "message", "subtype": "channel_join", "ts": ts(2.5),
                                                 "user": "USTUDENT2", "text": "<@USTUDENT2> has joined"})
    fake_slack.add_history(SCHOOL, "CSTUDENTS", {"type": "message", "user": school.bot_user_id,
                                                 "text": "the bot itself", "ts": ts(2.7)})
    said(fake_slack, "logged before the outage", -5)
    replayed = await fake_slack.push(SCHOOL, away[1])  # Slack still retries this one: sent on connect
    fake_slack.delays["conversations.history"] = 0.3  # the live message below arrives mid catch-up
    adapter = await started(fake_slack, fake_core)
    try:
        live = await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1", "back now",
                                                           ts=ts(10)))
        await fake_slack.wait_ack(live)
        await fake_slack.wait_ack(replayed)
        await adapter.wait_caught_up(5)
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["away 1", "away 2", "away 3", "back now"]
    assert fake_core.duplicates == 1  # the replayed envelope: found in history first, recorded once
    assert [e.author_name for e in fake_core.events] == ["Riley S."] * 4  # same path as live events
    assert fake_core.events[1].dedupe_key == f"slack:{SCHOOL}:CSTUDENTS:{ts(2)}"
    assert fake_slack.unacked(SCHOOL) == []


async def test_a_late_retry_after_the_catch_up_is_recorded_once(fake_slack, fake_core):
    following(fake_core)
    body = said(fake_slack, "only once", 1)
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(5)
        eid = await fake_slack.push(SCHOOL, body, retry_attempt=3, retry_reason="timeout")
        await fake_slack.wait_ack(eid)
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["only once"] and fake_core.duplicates == 1


async def test_long_history_and_threads_are_read_page_by_page(fake_slack, fake_core, monkeypatch):
    monkeypatch.setattr(history, "PAGE_SIZE", 4)
    following(fake_core)
    said(fake_slack, "old thread", -50)
    said(fake_slack, "old reply", -40, thread=-50)
    expected = []
    for i in range(1, 11):
        expected.append(said(fake_slack, f"top {i}", 10 * i)["event"]["text"])
        if i % 2 == 0:  # the old thread goes on meanwhile
            expected.append(said(fake_slack, f"reply {i}", 10 * i + 5, thread=-50)["event"]["text"])
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(5)
    finally:
        await adapter.stop()
    assert texts(fake_core) == expected
    assert {e.thread_id for e in fake_core.events if e.text.startswith("reply")} == {ts(-50)}
    pages = fake_slack.calls_to("conversations.history", channel="CSTUDENTS")
    assert [bool(p.args.get("cursor")) for p in pages] == [False, True, True]  # 11 top-level, 4 a page
    assert len(fake_slack.calls_to("conversations.replies", channel="CSTUDENTS")) == 2  # 6 replies, 4 a page


async def test_a_429_mid_catch_up_is_waited_out_and_nothing_is_lost(fake_slack, fake_core, monkeypatch):
    monkeypatch.setattr(history, "PAGE_SIZE", 4)
    following(fake_core)
    for i in range(1, 10):
        said(fake_slack, f"m{i}", i)
    fake_slack.rate_limit("conversations.history", retry_after=1, after=1)  # the second page: 429
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(10)
    finally:
        await adapter.stop()
    assert texts(fake_core) == [f"m{i}" for i in range(1, 10)] and fake_core.duplicates == 0
    pages = fake_slack.calls_to("conversations.history", channel="CSTUDENTS")
    assert [p.status for p in pages] == [200, 429, 200, 200]
    assert pages[2].at - pages[1].at >= 1.0  # Retry-After honoured by slack_sdk's retry handler
    assert pages[2].args.get("cursor") == pages[1].args.get("cursor")  # the same page asked again
    assert adapter.errors["rate_limited"] == 1  # counted for /metrics like a refused post


async def test_a_long_rate_limit_lets_live_messages_through_and_tries_again_later(
        fake_slack, fake_core, monkeypatch):
    monkeypatch.setattr("adapters.slack.catchup.CATCH_UP_RETRIES", (0.05,))
    monkeypatch.setattr("adapters.slack.catchup.LATER_RETRIES", (0.3,))
    following(fake_core)
    said(fake_slack, "missed", 1)
    fake_slack.rate_limit("conversations.history", retry_after=120)  # longer than a catch-up waits
    adapter = await started(fake_slack, fake_core)
    try:
        school = fake_slack.workspace(SCHOOL)
        body = message_event(school, "CSTUDENTS", "USTUDENT1", "live", ts=ts(5))
        live = await fake_slack.push(SCHOOL, body)
        await fake_slack.wait_ack(live, timeout=3)
        await fake_core.wait_events(2, timeout=3)
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["live", "missed"]  # late, out of order, but not lost


async def test_edits_made_while_away_are_seen_once(fake_slack, fake_core):
    following(fake_core, last_logged=2)
    school = fake_slack.workspace(SCHOOL)
    fake_slack.add_history(SCHOOL, "CSTUDENTS", {  # logged as "see you at 5", edited while the bot was away
        "type": "message", "user": "USTUDENT1", "text": "see you at 6", "ts": ts(1),
        "edited": {"user": "USTUDENT1", "ts": ts(3)}})
    said(fake_slack, "untouched", 2)
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(5)
        late = message_changed(school, "CSTUDENTS", "USTUDENT1", ts(1), "see you at 6", "see you at 5")
        late["event"]["message"]["edited"]["ts"] = ts(3)  # Slack's late retry of that edit
        await fake_slack.wait_ack(await fake_slack.push(SCHOOL, late))
    finally:
        await adapter.stop()
    [edit] = fake_core.events
    assert (edit.kind, edit.message_id, edit.text) == ("edit", ts(1), "see you at 6")
    assert fake_core.duplicates == 1


async def test_every_reconnect_catches_up(fake_slack, fake_core):
    following(fake_core)
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(5)
        await fake_slack.drop_socket(SCHOOL)
        said(fake_slack, "while the socket was down", 1)  # Slack gave up on it: history only
        await fake_slack.wait_connected(SCHOOL, connections=2, timeout=10)
        await fake_core.wait_events(1, timeout=10)
        assert adapter._by_team[SCHOOL].catch_up.sessions == 2  # type: ignore[union-attr]
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["while the socket was down"]


async def test_a_reconnect_does_not_hold_live_messages_while_it_reads_history(fake_slack, fake_core):
    following(fake_core)
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(5)
        fake_slack.delays["conversations.history"] = 4.0  # a large workspace's rate-limited reads
        await fake_slack.drop_socket(SCHOOL)
        await fake_slack.wait_connected(SCHOOL, connections=2, timeout=10)
        school = fake_slack.workspace(SCHOOL)
        live = await fake_slack.push(SCHOOL, message_event(school, "CSTUDENTS", "USTUDENT1",
                                                           "live right after the refresh", ts=ts(10)))
        await fake_slack.wait_ack(live, timeout=2)
        await fake_core.wait_events(1, timeout=2)  # well before the history read could finish
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["live right after the refresh"]


async def test_a_channel_with_nothing_logged_is_caught_up_from_its_link_time_at_most_max_age(
        fake_slack, fake_core):
    school = fake_slack.workspace(SCHOOL)
    school.add_channel("CNEW", "match-9-students", members=["USTUDENT2"])
    new, old = ChannelRef("slack", SCHOOL, "CNEW"), STUDENTS
    fake_core.channels = [new, old]
    now = datetime.now(UTC)
    fake_core.linked_at = {new: now - timedelta(minutes=30), old: now - timedelta(days=30)}
    for channel, text, age in [("CNEW", "before the link", 3600), ("CNEW", "after the link", 600),
                               ("CSTUDENTS", "ten days ago", 10 * 86400), ("CSTUDENTS", "yesterday", 86400)]:
        fake_slack.remember(message_event(school, channel, "USTUDENT2", text, ts=f"{time.time() - age:.6f}"))
    adapter = await started(fake_slack, fake_core, catch_up_max_age=timedelta(days=7))
    try:
        await adapter.wait_caught_up(5)
    finally:
        await adapter.stop()
    assert sorted(texts(fake_core)) == ["after the link", "yesterday"]


async def test_http_mode_catches_up_before_the_first_request(fake_slack, fake_core):
    following(fake_core)
    said(fake_slack, "missed", 1)
    school = fake_slack.workspace(SCHOOL)
    fake_slack.delays["conversations.history"] = 0.2
    adapter = SlackAdapter(workspaces=[WorkspaceConfig(bot_token=w.bot_token, signing_secret=w.signing_secret)
                                       for w in fake_slack.workspaces.values()],
                           mode="http", api_url=fake_slack.base_url, http_host="127.0.0.1", http_port=0)
    await adapter.start(fake_core)
    try:
        url = f"{adapter.http_url}{adapter.http_path(SCHOOL)}"
        body = message_event(school, "CSTUDENTS", "USTUDENT1", "live", ts=ts(5))
        status, _ = await post_signed(url, body, school.signing_secret)
        assert status == 200
    finally:
        await adapter.stop()
    assert texts(fake_core) == ["missed", "live"]


async def test_a_core_failure_during_catch_up_is_retried_without_doubles(fake_slack):
    core = RecordingCore(fail_next=1)  # the database hiccups once
    following(core)
    for i in (1, 2):
        said(fake_slack, f"m{i}", i)
    adapter = await started(fake_slack, core)
    try:
        await adapter.wait_caught_up(5)
    finally:
        await adapter.stop()
    assert texts(core) == ["m1", "m2"] and core.duplicates == 0


async def test_a_channel_the_bot_was_removed_from_is_not_retried(fake_slack, fake_core):
    following(fake_core)
    fake_slack.fail("conversations.history", "not_in_channel", channel="CSTUDENTS")
    adapter = await started(fake_slack, fake_core)
    try:
        await adapter.wait_caught_up(1)  # no pauses, no later tries
    finally:
        await adapter.stop()
    assert len(fake_slack.calls_to("conversations.history", channel="CSTUDENTS")) == 1
