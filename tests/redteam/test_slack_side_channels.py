"""More of the relay through the real slack-bolt code against the fake Slack: a coordinator of
another program pressing this program's Approve button, a file whose name is a phone number, a
thread reply under a held message, a reply under a delivered message edited into a held one."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "slack"))

import test_end_to_end as e2e  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from fakes.slack_server import block_actions, message_event  # noqa: E402
from storage.models import MessageLog, ReviewItem  # noqa: E402
from support.roster_helpers import import_roster  # noqa: E402

CORP, SCHOOL = e2e.CORP, e2e.SCHOOL
world = e2e.world

OTHER = """
program:
  id: harbor-ptech
  name: Harbor P-TECH
  timezone: America/New_York
people:
  - id: vance
    name: R. Vance
    role: coordinator
    accounts: [{platform: slack, workspace: TSCHOOL, user: UCOORD2}]
"""


def _posted_anywhere(world_, team: str, channel: str) -> str:  # type: ignore[no-untyped-def]
    texts = [m.get("text", "") for m in world_.slack.channel_messages(team, channel, include_deleted=True)]
    texts += [c.args.get("text", "") for c in world_.slack.calls_to("chat.update", channel=channel)]
    return "\n".join(texts)


async def test_another_programs_coordinator_cannot_approve_by_button(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "harbor.yml"
    roster.write_text(OTHER)
    import_roster(world.engine, roster)
    world.slack.workspace(SCHOOL).add_user("UCOORD2", "R. Vance")
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "can you keep a secret?")
    await world.until(lambda: bool(world.review_cards()))
    with Session(world.engine) as session:
        item = session.exec(select(ReviewItem)).one()
    click = block_actions(world.slack.workspace(SCHOOL), "CREVIEW", "UCOORD2", "mentorbot_review:approve",
                          str(item.id), message_ts=world.review_cards()[0]["ts"])
    await world.slack.wait_ack(await world.slack.push(SCHOOL, click))
    await world.until(lambda: any("coordinator of this program" in n for n in world.notices_for("UCOORD2")))
    await world.app.delivery.run_once()
    with Session(world.engine) as session:
        assert session.get(ReviewItem, item.id).state == "open"  # type: ignore[union-attr]
    assert "secret" not in _posted_anywhere(world, CORP, "CMENTORS")


async def test_a_file_named_after_a_phone_number_never_reaches_the_other_side(world) -> None:  # type: ignore[no-untyped-def]
    body = message_event(world.slack.workspace(SCHOOL), "CSTUDENTS", "USTUDENT1", "my resume", files=1,
                         subtype="file_share")
    body["event"]["files"] = [{"id": "F1", "name": "call-me-555-201-3344.pdf", "title": "555 201 3344"}]
    await world.slack.wait_ack(await world.slack.push(SCHOOL, body))
    await world.until(lambda: world.count(MessageLog) == 1)
    for _ in range(2):
        await world.app.delivery.run_once()
    assert "3344" not in _posted_anywhere(world, CORP, "CMENTORS")
    with Session(world.engine) as session:
        assert session.exec(select(MessageLog)).one().attachment_count == 1  # the policy is told


async def test_a_thread_reply_under_a_held_message_does_not_reveal_it(world) -> None:  # type: ignore[no-untyped-def]
    _, held = await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "our secret: I'm quitting robotics")
    await world.until(lambda: world.count(ReviewItem) == 1)
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "anyway, how was your day?",
                    thread_ts=held["event"]["ts"])
    await world.until(lambda: "how was your day" in _posted_anywhere(world, CORP, "CMENTORS"))
    assert "secret" not in _posted_anywhere(world, CORP, "CMENTORS")


async def test_a_group_dm_with_the_bot_is_logged_not_ignored(world) -> None:  # type: ignore[no-untyped-def]
    """A mentor opens a group DM (Slack ``mpim``) with a student and adds the bot: private contact
    the program forbids. Like a DM to the bot, it is logged for the coordinator and answered with
    a pointer to the supervised channel; it was dropped without a trace."""
    school = world.slack.workspace(SCHOOL)
    school.add_channel("GMPIM1", "mpdm-jo--sam--mentorbot", members=["UPARK1", "USTUDENT2"], private=True)
    body = message_event(school, "GMPIM1", "UPARK1", "hi Sam, let's talk here instead", channel_type="mpim")
    await world.slack.wait_ack(await world.slack.push(SCHOOL, body))
    await world.until(lambda: world.count(MessageLog) == 1)
    with Session(world.engine) as session:
        row = session.exec(select(MessageLog)).one()
    assert (row.kind, row.text, row.sender_role) == ("attempt", "hi Sam, let's talk here instead", "mentor")
    assert "let's talk here" not in _posted_anywhere(world, SCHOOL, "CPARKS")
