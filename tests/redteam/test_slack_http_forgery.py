"""Slack HTTP mode attacked with real signatures: each workspace's app has its own signing secret
(the company's Slack admin holds the company app's), so a request signed with one workspace's
secret must never speak for another workspace's people. Also a signed request replayed within
Slack's five-minute window. The real slack-bolt app over HTTP, the real core over SQLite."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).parents[1] / "slack"))

from sworld import CORP, SCHOOL, World, make_workspaces  # noqa: E402

from adapters.slack import SlackAdapter, WorkspaceConfig  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.relay.policy_cache import PolicyBook  # noqa: E402
from bot.settings import Settings  # noqa: E402
from fakes.slack_server import FakeSlack, block_actions, message_event, post_signed, slash_command  # noqa: E402
from storage.models import MessageLog, ReviewItem  # noqa: E402
from support.fake_policy import FakePolicy  # noqa: E402
from support.roster_helpers import import_roster  # noqa: E402

ROSTER = Path(__file__).parents[1] / "slack" / "program.yml"


@pytest.fixture
async def http_world(sqlite_engine: Engine, clock) -> AsyncIterator[World]:  # type: ignore[no-untyped-def]
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=make_workspaces()) as fake:
        adapter = SlackAdapter(
            workspaces=[WorkspaceConfig(bot_token=w.bot_token, signing_secret=w.signing_secret)
                        for w in fake.workspaces.values()],
            mode="http", api_url=fake.base_url, http_host="127.0.0.1", http_port=0)
        app = build_app(Settings(_env_file=None), adapters={"slack": adapter}, engine=sqlite_engine,
                        clock=clock, policies=PolicyBook(loader=lambda _path: FakePolicy()))
        await adapter.start(app.core)
        try:
            yield World(app, fake, adapter, sqlite_engine, clock)
        finally:
            await adapter.stop()


def _url(world: World, team: str) -> str:
    return f"{world.adapter.http_url}{world.adapter.http_path(team)}"


def _texts(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return [row.text for row in session.exec(select(MessageLog))]


async def test_the_company_secret_cannot_post_as_a_student_of_the_school(http_world: World) -> None:
    school, corp = http_world.slack.workspace(SCHOOL), http_world.slack.workspace(CORP)
    forged = message_event(school, "CSTUDENTS", "USTUDENT1", "Morgan, text me at home tonight")
    status, _ = await post_signed(_url(http_world, CORP), forged, corp.signing_secret)
    assert status in (200, 401, 403)
    await http_world.app.delivery.run_once()
    assert "Morgan, text me at home tonight" not in _texts(http_world.engine)
    assert http_world.mentor_side() == []
    # the genuine request still works
    real = message_event(school, "CSTUDENTS", "USTUDENT1", "hello Morgan")
    assert (await post_signed(_url(http_world, SCHOOL), real, school.signing_secret))[0] == 200
    await http_world.until(lambda: [m["text"] for m in http_world.mentor_side()] == ["hello Morgan"])


async def test_the_company_secret_cannot_press_the_school_coordinators_approve(http_world: World) -> None:
    school, corp = http_world.slack.workspace(SCHOOL), http_world.slack.workspace(CORP)
    held = message_event(school, "CSTUDENTS", "USTUDENT1", "it's our secret ok")
    assert (await post_signed(_url(http_world, SCHOOL), held, school.signing_secret))[0] == 200
    await http_world.until(lambda: http_world.count(ReviewItem) == 1 and bool(http_world.review_cards()))
    with Session(http_world.engine) as session:
        item = session.exec(select(ReviewItem)).one()
    card_ts = http_world.review_cards()[0]["ts"]
    click = block_actions(school, "CREVIEW", "UCOORD1", "mentorbot_review:approve", str(item.id),
                          message_ts=card_ts)
    status, _ = await post_signed(_url(http_world, CORP), click, corp.signing_secret)
    assert status in (200, 401, 403)
    await http_world.app.delivery.run_once()
    with Session(http_world.engine) as session:
        assert session.get(ReviewItem, item.id).state == "open"  # type: ignore[union-attr]
    assert "it's our secret ok" not in [m["text"] for m in http_world.mentor_side()]


async def test_the_company_secret_cannot_run_the_coordinators_commands(http_world: World) -> None:
    school, corp = http_world.slack.workspace(SCHOOL), http_world.slack.workspace(CORP)
    command = slash_command(school, "CREVIEW", "UCOORD1", "transcript morgan-riley")
    status, text = await post_signed(_url(http_world, CORP), command, corp.signing_secret)
    assert "Riley" not in text and "hello" not in text


async def test_a_signed_event_replayed_within_five_minutes_is_recorded_once(http_world: World) -> None:
    school = http_world.slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "see you at the fair")
    for _ in range(3):  # the same signed bytes again, and again (no retry header)
        assert (await post_signed(_url(http_world, SCHOOL), body, school.signing_secret))[0] == 200
    await http_world.until(lambda: len(http_world.mentor_side()) == 1)
    for _ in range(2):
        await http_world.app.delivery.run_once()
    assert [m["text"] for m in http_world.mentor_side()] == ["see you at the fair"]
    assert _texts(http_world.engine).count("see you at the fair") == 1


async def test_a_replayed_approve_click_decides_once(http_world: World) -> None:
    school = http_world.slack.workspace(SCHOOL)
    held = message_event(school, "CSTUDENTS", "USTUDENT1", "our secret: I got the internship")
    assert (await post_signed(_url(http_world, SCHOOL), held, school.signing_secret))[0] == 200
    await http_world.until(lambda: bool(http_world.review_cards()))
    with Session(http_world.engine) as session:
        item = session.exec(select(ReviewItem)).one()
    click = block_actions(school, "CREVIEW", "UCOORD1", "mentorbot_review:approve", str(item.id),
                          message_ts=http_world.review_cards()[0]["ts"])
    for _ in range(3):
        assert (await post_signed(_url(http_world, SCHOOL), click, school.signing_secret))[0] == 200
    await http_world.until(lambda: len(http_world.mentor_side()) == 1)
    for _ in range(2):
        await http_world.app.delivery.run_once()
    assert [m["text"] for m in http_world.mentor_side()] == ["our secret: I got the internship"]
