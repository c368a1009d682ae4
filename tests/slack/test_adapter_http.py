"""SlackAdapter in HTTP mode: signed requests only, retries recorded once, several workspaces."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

import pytest
from sworld import CORP, SCHOOL

from adapters.slack import SlackAdapter, WorkspaceConfig
from fakes.slack_server import FakeSlack, message_event, post_signed, slash_command


@pytest.fixture
async def http_adapter(fake_slack: FakeSlack, fake_core) -> AsyncIterator[SlackAdapter]:
    adapter = SlackAdapter(
        workspaces=[
            WorkspaceConfig(bot_token=w.bot_token, signing_secret=w.signing_secret)
            for w in fake_slack.workspaces.values()
        ],
        mode="http",
        api_url=fake_slack.base_url,
        http_host="127.0.0.1",
        http_port=0,
    )
    await adapter.start(fake_core)
    try:
        yield adapter
    finally:
        await adapter.stop()


def url(adapter: SlackAdapter, team: str) -> str:
    return f"{adapter.http_url}{adapter.http_path(team)}"


async def test_signed_event_is_recorded_before_200(fake_slack, fake_core, http_adapter):
    school = fake_slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "hello from HTTP")
    status, _ = await post_signed(url(http_adapter, SCHOOL), body, school.signing_secret)
    assert status == 200
    assert [e.text for e in fake_core.events] == ["hello from HTTP"]


@pytest.mark.parametrize("how", ["unsigned", "forged", "replayed", "wrong_secret", "other_workspace_secret"])
async def test_bad_signatures_are_rejected(fake_slack, fake_core, http_adapter, how):
    school, corp = fake_slack.workspace(SCHOOL), fake_slack.workspace(CORP)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "should not pass")
    kwargs: dict = {}
    secret: str | None = school.signing_secret
    if how == "unsigned":
        secret = None
    elif how == "forged":
        kwargs["forge"] = True
    elif how == "replayed":
        kwargs["timestamp"] = int(time.time()) - 6 * 60  # older than Slack's 5-minute window
    elif how == "wrong_secret":
        secret = "not-the-secret"
    else:
        secret = corp.signing_secret
    status, _ = await post_signed(url(http_adapter, SCHOOL), body, secret, **kwargs)
    assert status == 401
    assert fake_core.events == []


async def test_retry_header_delivery_is_recorded_once(fake_slack, fake_core, http_adapter):
    school = fake_slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "slow network")
    assert (await post_signed(url(http_adapter, SCHOOL), body, school.signing_secret))[0] == 200
    assert (await post_signed(url(http_adapter, SCHOOL), body, school.signing_secret, retry_num=1))[0] == 200
    assert len(fake_core.events) == 1 and fake_core.duplicates == 1


async def test_core_failure_answers_500_so_slack_retries(fake_slack, fake_core, http_adapter):
    school = fake_slack.workspace(SCHOOL)
    fake_core.fail_next = 1
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "db hiccup")
    assert (await post_signed(url(http_adapter, SCHOOL), body, school.signing_secret))[0] == 500
    assert (await post_signed(url(http_adapter, SCHOOL), body, school.signing_secret, retry_num=1))[0] == 200
    assert [e.text for e in fake_core.events] == ["db hiccup"]


async def test_second_workspace_has_its_own_url_and_secret(fake_slack, fake_core, http_adapter):
    corp = fake_slack.workspace(CORP)
    body = message_event(corp, "CMENTORS", "UMENTOR1", "hi from the company side")
    status, _ = await post_signed(url(http_adapter, CORP), body, corp.signing_secret)
    assert status == 200
    [event] = fake_core.events
    assert (event.channel.workspace, event.author_name) == (CORP, "Morgan Diaz")


async def test_slash_command_over_http(fake_slack, fake_core, http_adapter):
    fake_core.command_reply = "Your coordinator is P. Lee."
    school = fake_slack.workspace(SCHOOL)
    status, text = await post_signed(
        url(http_adapter, SCHOOL),
        slash_command(school, "CSTUDENTS", "USTUDENT1", "help"),
        school.signing_secret,
    )
    assert status == 200
    assert json.loads(text) == {"text": "Your coordinator is P. Lee.", "response_type": "ephemeral"}


@pytest.fixture
async def single_workspace_adapter(fake_slack: FakeSlack, fake_core) -> AsyncIterator[SlackAdapter]:
    school = fake_slack.workspace(SCHOOL)
    adapter = SlackAdapter(
        workspaces=[WorkspaceConfig(bot_token=school.bot_token, signing_secret=school.signing_secret)],
        mode="http", api_url=fake_slack.base_url, http_host="127.0.0.1", http_port=0,
    )
    await adapter.start(fake_core)
    try:
        yield adapter
    finally:
        await adapter.stop()


async def test_the_documented_single_workspace_path_answers_a_signed_request(
        fake_slack, fake_core, single_workspace_adapter):
    """Issue 12 item 7: Slack's Request URL ``…/slack/events`` works with one workspace."""
    school = fake_slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "hello on the plain path")
    status, _ = await post_signed(f"{single_workspace_adapter.http_url}/slack/events", body,
                                  school.signing_secret)
    assert status == 200
    assert [e.text for e in fake_core.events] == ["hello on the plain path"]
    status, _ = await post_signed(f"{single_workspace_adapter.http_url}/slack/events", body, "wrong")
    assert status == 401


@pytest.mark.parametrize("stamp", ["not-a-number", "", "12.5", "1e9", "９９９"])
async def test_a_malformed_timestamp_is_401_not_500(fake_slack, fake_core, http_adapter, stamp):
    """Issue 12 item 7: a malformed ``X-Slack-Request-Timestamp`` is an unauthenticated request."""
    import aiohttp

    school = fake_slack.workspace(SCHOOL)
    body = json.dumps(message_event(school, "CSTUDENTS", "USTUDENT1", "x")).encode()
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": "v0=" + "0" * 64}
    async with aiohttp.ClientSession() as session, session.post(
            url(http_adapter, SCHOOL), data=body, headers=headers) as response:
        assert response.status == 401
    assert fake_core.events == []
