"""``/mentorbot choose`` from Slack (a modal) and Discord (select menus), through the REAL
slack-bolt and discord.py against the fakes in tests/fakes (which follow the platforms' documented
payloads: views.open / view_submission; component interactions answered with type 7).
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select

HERE = Path(__file__).resolve().parent
sys.path.extend(
    p
    for p in (str(HERE.parent), str(HERE.parent / "slack"), str(HERE.parent / "discord"))
    if p not in sys.path
)

from adapters.slack import SlackAdapter, WorkspaceConfig  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.relay.policy_cache import PolicyBook  # noqa: E402
from bot.settings import Settings  # noqa: E402
from fakes.slack_server import FakeSlack, Workspace, slash_command, view_submission  # noqa: E402
from storage.models import Person  # noqa: E402
from storage.models_choosing import Profile  # noqa: E402
from support.fake_policy import FakePolicy  # noqa: E402
from support.roster_helpers import import_roster  # noqa: E402
from support.waiting import until  # noqa: E402
from support.year_helpers import PROGRAM, YEAR_ROSTER, choices_of  # noqa: E402

ROSTER = YEAR_ROSTER
SCHOOL, CORP = "TSCHOOL", "TCORP"


async def ready_to_choose(app) -> None:  # type: ignore[no-untyped-def]
    """Bios checked (Lee's refused: a phone number; Sam's flagged), the round open."""
    await app.core.check_bios(PROGRAM, actor="web:nora")
    await app.core.open_round(
        PROGRAM, key="2026-fall", starts_on=date(2026, 11, 2), actor="web:nora", open_now=True
    )


@pytest.fixture
async def slack_world(sqlite_engine, clock) -> AsyncIterator[tuple]:  # type: ignore[no-untyped-def]
    school, corp = (
        Workspace.make(SCHOOL, name="Northside P-TECH"),
        Workspace.make(CORP, name="Example Software"),
    )
    school.add_user("USTUDENT1", "Ana R.")
    school.add_channel("CCHOOSE", "choosing", members=["USTUDENT1"])
    corp.add_user("UMENTOR1", "Lee Moreno")
    corp.add_channel("CLOBBY", "mentors", members=["UMENTOR1"])
    import_roster(sqlite_engine, ROSTER)
    async with FakeSlack(workspaces=[school, corp]) as fake:
        adapter = SlackAdapter(
            workspaces=[
                WorkspaceConfig(bot_token=w.bot_token, app_token=w.app_token) for w in (school, corp)
            ],
            mode="socket",
            api_url=fake.base_url,
            ping_interval=0.2,
            connect_timeout=5,
        )
        app = build_app(
            Settings(_env_file=None),
            adapters={"slack": adapter},
            engine=sqlite_engine,
            clock=clock,
            policies=PolicyBook(loader=lambda _path: FakePolicy()),
        )
        await adapter.start(app.core)
        for team in (SCHOOL, CORP):
            await fake.wait_connected(team)
        try:
            yield app, fake
        finally:
            await adapter.stop()


async def _submit(fake: FakeSlack, team: str, view_id: str, picks: dict) -> dict | None:  # type: ignore[type-arg]
    eid = await fake.push(team, view_submission(fake, view_id, picks))
    return (await fake.wait_ack(eid)).payload


async def test_a_student_chooses_in_a_slack_modal_and_a_mistake_keeps_it_open(slack_world, sqlite_engine):
    app, fake = slack_world
    await ready_to_choose(app)
    eid = await fake.push(SCHOOL, slash_command(fake.workspace(SCHOOL), "CCHOOSE", "USTUDENT1", "choose"))
    ack = await fake.wait_ack(eid)
    assert not (ack.payload or {}).get("text")  # nothing to read in the channel: a modal opened instead
    [view] = fake.opened_views("USTUDENT1")
    assert view["title"]["text"] == "Choose your mentors"
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["label"]["text"] for b in inputs] == ["1st choice", "2nd choice", "3rd choice"]
    offered = [o["value"] for o in inputs[0]["element"]["options"]]
    # cleared mentors whose bios passed, best fit first (Dana shares Ana's interest); not Lee
    # (phone number in the bio), Sam (flagged, not approved) or Kim (not cleared)
    assert offered == ["dana", "raj"]

    refused = await _submit(fake, SCHOOL, view["id"], {"rank1": "dana", "rank2": "dana"})
    assert refused == {
        "response_action": "errors",
        "errors": {
            "rank2": "Dana Whitfield is already your 1st choice; choose someone else, or leave this one empty"
        },
    }
    assert choices_of(sqlite_engine, "ana") == []

    assert await _submit(fake, SCHOOL, view["id"], {"rank1": "dana", "rank2": "raj"}) in (None, {})
    await until(lambda: any("Saved" in e["text"] for e in fake.ephemerals), app=app)
    [told] = [e for e in fake.ephemerals if "Saved" in e["text"]]
    assert told["user"] == "USTUDENT1" and told["channel"] == "CCHOOSE"
    assert "1st: Dana Whitfield; 2nd: Raj Patel" in told["text"]
    assert choices_of(sqlite_engine, "ana") == ["dana", "raj"]

    # choosing again shows what was saved
    eid = await fake.push(SCHOOL, slash_command(fake.workspace(SCHOOL), "CCHOOSE", "USTUDENT1", "choose"))
    await fake.wait_ack(eid)
    again = fake.opened_views("USTUDENT1")[-1]
    firsts = [
        b["element"].get("initial_option", {}).get("value") for b in again["blocks"] if b["type"] == "input"
    ]
    assert firsts == ["dana", "raj", None]


async def test_a_mentor_states_capacity_and_models_in_a_slack_modal(slack_world, sqlite_engine):
    app, fake = slack_world
    await ready_to_choose(app)
    eid = await fake.push(CORP, slash_command(fake.workspace(CORP), "CLOBBY", "UMENTOR1", "choose"))
    await fake.wait_ack(eid)
    [view] = fake.opened_views("UMENTOR1")
    assert view["title"]["text"] == "Your mentoring offer"
    assert await _submit(
        fake,
        CORP,
        view["id"],
        {"capacity": "2", "models": ["one-to-one", "small-group"], "grades": ["9", "10"]},
    ) in (None, {})
    await until(lambda: any("Saved" in e["text"] for e in fake.ephemerals), app=app)
    with Session(sqlite_engine) as session:
        lee = session.exec(select(Person).where(Person.key == "lee")).one()
        profile = session.get(Profile, lee.id)
    assert (profile.capacity, profile.models_json, profile.grades_json) == (
        2,
        '["one-to-one", "small-group"]',
        "[9, 10]",
    )


DISCORD_ROSTER_IDS = {'"1000"': "guild", '"2001"': "ben", '"3001"': "lee"}


@pytest.fixture
async def discord_world(fake_discord, sqlite_engine, clock, tmp_path):  # type: ignore[no-untyped-def]
    from dworld import adapter_for

    guild = fake_discord.add_guild("Northside P-TECH")
    ids = {
        "guild": guild,
        "ben": fake_discord.add_member(guild, "Ben T."),
        "lee": fake_discord.add_member(guild, "Lee Moreno"),
    }
    lobby = fake_discord.add_channel(guild, "choosing")
    text = ROSTER.read_text()
    for placeholder, name in DISCORD_ROSTER_IDS.items():
        text = text.replace(placeholder, f'"{ids[name]}"')
    (tmp_path / "roster.yml").write_text(text)
    import_roster(sqlite_engine, tmp_path / "roster.yml")
    adapter = adapter_for(fake_discord)
    app = build_app(
        Settings(_env_file=None),
        adapters={"discord": adapter},
        engine=sqlite_engine,
        clock=clock,
        policies=PolicyBook(loader=lambda _path: FakePolicy()),
    )
    await adapter.start(app.core)
    try:
        yield app, fake_discord, ids, lobby
    finally:
        await adapter.stop()


async def test_a_student_chooses_with_discord_select_menus_saved_one_at_a_time(discord_world, sqlite_engine):
    from fakes.discord_components import find_select

    app, fake, ids, lobby = discord_world
    await ready_to_choose(app)
    await fake.slash(lobby, ids["ben"], "mentorbot", {"command": "choose"})
    await fake.wait_for(lambda: fake.ephemeral_for(ids["ben"]))
    [form] = fake.ephemeral_for(ids["ben"])
    assert form["flags"] & 64  # only Ben sees it
    rows = [row["components"][0] for row in form["components"]]
    assert [r["placeholder"] for r in rows] == ["1st choice", "2nd choice", "3rd choice"]
    assert [o["value"] for o in rows[0]["options"]][:1] == ["raj"]  # Raj shares Ben's interest: first

    await fake.select(form["id"], rows[0]["custom_id"], ["raj"], ids["ben"])
    await fake.wait_for(lambda: "Saved" in form["content"])
    assert choices_of(sqlite_engine, "ben") == ["raj"]
    shown = find_select(form, rows[0]["custom_id"])
    assert [o["value"] for o in shown["options"] if o.get("default")] == ["raj"]  # redrawn as picked

    await fake.select(form["id"], rows[1]["custom_id"], ["raj"], ids["ben"])
    await fake.wait_for(lambda: "already your 1st choice" in form["content"])
    assert choices_of(sqlite_engine, "ben") == ["raj"]
    second = find_select(form, rows[1]["custom_id"])
    assert not [o for o in second["options"] if o.get("default")]  # the refused pick is undone on screen

    await fake.select(form["id"], rows[1]["custom_id"], ["dana"], ids["ben"])
    await fake.wait_for(lambda: "2nd: Dana Whitfield" in form["content"])
    assert choices_of(sqlite_engine, "ben") == ["raj", "dana"]
