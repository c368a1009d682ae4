"""End to end: a student in (fake) Discord, a mentor in (fake) Slack, one core, real clients on 127.0.0.1.

The real discord.py client talks to tests/fakes/discord_server.py and the real Slack adapter to
tests/fakes/slack_server.py; the core is ``build_app`` over a migrated SQLite file with the
predictable test policy (phone numbers blocked, "secret" held). The world: discord_world.py.
"""

from __future__ import annotations

import asyncio

from discord_world import World
from dworld import adapter_for


async def test_student_in_discord_and_mentor_in_slack_through_one_core(world: World) -> None:
    # Over 60 lines by design: one cross-platform conversation told in order, as a user would live it.
    d, s = world.discord, world.school

    # A normal exchange, both ways, each under the sender's name.
    await d.user_says(s.students, s.ana, "Hi Morgan! What does an engineer do all day?")
    await world.until(lambda: len(world.slack_texts()) == 1)
    assert world.slack_posts() == [("Ana R.", "Hi Morgan! What does an engineer do all day?")]
    await world.mentor_says("Mostly solving puzzles with a team. What do you like in class?")
    await world.until(lambda: len(d.texts(s.students)) == 2)
    assert (
        d.texts(s.students)[-1]
        == "Morgan Diaz: Mostly solving puzzles with a team. What do you like in class?"
    )

    # A held message: the student is told on her side, the coordinator approves with a Discord button.
    held = await d.user_says(s.students, s.ana, "can you keep this a secret?")
    await world.until(lambda: any(m["components"] for m in d.messages[s.review]))
    assert (s.students, held["id"], "✋") in d.reactions
    assert "Let's keep things open." in d.texts(s.students)[-1]
    assert (
        d.find_message(s.students, d.messages[s.students][-1]["id"])["message_reference"]["message_id"]
        == held["id"]
    )
    assert len(world.slack_texts()) == 1  # not relayed yet
    card = next(m for m in d.messages[s.review] if m["components"])
    approve = next(
        c["custom_id"] for c in card["components"][0]["components"] if c["custom_id"].endswith(":approve")
    )
    await d.click_button(s.review, card["id"], approve, s.kim)
    await world.until(
        lambda: len(world.slack_texts()) == 2 and not d.find_message(s.review, card["id"])["components"]
    )
    assert world.slack_texts()[-1] == "can you keep this a secret?"
    followup = [r for r in d.interaction_responses if r["kind"] == "followup"]
    assert followup and followup[-1]["flags"] & 64 and "approved" in followup[-1]["content"]

    # A blocked message: never relayed; the notice stays on the student's side.
    blocked = await d.user_says(s.students, s.ana, "text me at 555-123-4567")
    await world.until(
        lambda: (
            (s.students, blocked["id"], "✋") in d.reactions and "Phone numbers" in d.texts(s.students)[-1]
        )
    )
    await world.app.delivery.run_once()
    assert len(world.slack_texts()) == 2

    # An edit that retracts: the relayed copy disappears from Slack.
    ok = await d.user_says(s.students, s.ana, "ok, see you Tuesday")
    await world.until(lambda: world.slack_texts()[-1:] == ["ok, see you Tuesday"])
    await d.user_edits(s.students, ok["id"], "ok, call 555-123-4567")
    await world.until(lambda: "ok, see you Tuesday" not in world.slack_texts())
    assert all("555" not in t for t in world.slack_texts())

    # A gateway drop: the message sent meanwhile arrives once after RESUME.
    d.replay_duplicates = 3
    await d.drop()
    await d.user_says(s.students, s.ana, "are you still there?")
    await d.wait_connected()
    await world.until(lambda: world.slack_texts()[-1:] == ["are you still there?"])
    await asyncio.sleep(0.05)
    await world.app.delivery.run_once()
    assert world.slack_texts().count("are you still there?") == 1
    assert len(d.resumes) == 1 and len(d.identifies) == 1

    # A 429 burst on the relay webhook: everything arrives, in order.
    d.rate_limit("POST", r"/webhooks/\d+/whtoken-\d+", times=3, retry_after=0.05)
    for i in range(4):
        await world.mentor_says(f"tip {i}")
    await world.until(lambda: sum(t.startswith("Morgan Diaz: tip") for t in d.texts(s.students)) == 4)
    assert [t for t in d.texts(s.students) if "tip" in t] == [f"Morgan Diaz: tip {i}" for i in range(4)]
    assert sum(1 for c in d.calls if c.status == 429) == 3


async def test_backfill_after_downtime_screens_missed_messages_before_relaying(world: World) -> None:
    d, s = world.discord, world.school
    await d.user_says(s.students, s.ana, "before the outage")
    await world.until(lambda: world.slack_texts() == ["before the outage"])
    await world.adapter.stop()  # the bot is down; students keep writing
    await d.user_says(s.students, s.ana, "missed one", dispatch=False)
    await d.user_says(s.students, s.ana, "missed: my number is 555-123-4567", dispatch=False)
    await d.user_says(s.students, s.ana, "missed two", dispatch=False)

    world.adapter = adapter_for(d)
    world.app.adapters["discord"] = world.adapter
    await world.adapter.start(world.app.core)
    await d.user_says(s.students, s.ana, "live again")
    await world.until(lambda: world.slack_texts()[-1:] == ["live again"])
    assert world.slack_texts() == ["before the outage", "missed one", "missed two", "live again"]
    assert len(d.identifies) == 2


async def test_an_all_discord_match_relays_between_its_two_channels(world: World) -> None:
    d, s = world.discord, world.school
    await d.user_says(world.ben_channel, world.ben, "What is a PLC?")
    await world.until(lambda: d.texts(s.mentors) == ["Ben T.: What is a PLC?"])
    await d.user_says(s.mentors, s.lee, "A small computer that runs machines.")
    await world.until(
        lambda: d.texts(world.ben_channel)[-1:] == ["Morgan Lee: A small computer that runs machines."]
    )
    assert world.slack_texts() == []  # the other match never sees it


async def test_unsafe_set_ups_reach_the_review_channel(world: World) -> None:
    d, s = world.discord, world.school
    alerts = lambda: [m["embeds"][0]["description"] for m in d.messages[s.review]]  # noqa: E731
    await world.until(lambda: len(alerts()) >= 2)
    # match-8-students was created without permission overwrites: everyone in the server can read it.
    assert any(
        f"Morgan Lee (mentor) can read the student-side channel {world.ben_channel}" in a for a in alerts()
    )
    assert any(f"Ana R. (student) is in channel {world.ben_channel}" in a for a in alerts())
    assert all(
        s.students not in a and s.mentors not in a for a in alerts()
    )  # the well-set-up channels are fine
