"""The relay attacked through the real slack-bolt / slack_sdk code against the fake Slack: edits
that smuggle a held text into a delivered copy, and accounts that are not the match's people."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "slack"))

import test_end_to_end as e2e  # noqa: E402

from fakes.slack_server import message_changed, message_event  # noqa: E402
from storage.models import MessageLog, ReviewItem  # noqa: E402

CORP, SCHOOL = e2e.CORP, e2e.SCHOOL
world = e2e.world  # the fixture: both workspaces, the real adapter, the core over SQLite


def _every_text_posted(world, team: str, channel: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Each text the other side could ever read there: posts, their updates, deleted ones too."""
    texts = [m["text"] for m in world.slack.channel_messages(team, channel, include_deleted=True)]
    texts += [c.args.get("text", "") for c in world.slack.calls_to("chat.update", channel=channel)]
    texts += [c.args.get("text", "") for c in world.slack.calls_to("chat.postMessage", channel=channel)]
    return texts


async def test_editing_a_delivered_message_into_a_held_one_never_shows_the_held_text(world) -> None:  # type: ignore[no-untyped-def]
    _, body = await world.say(CORP, "CMENTORS", "UMENTOR1", "see you Tuesday")
    await world.until(lambda: [m["text"] for m in world.student_side()] == ["see you Tuesday"])
    ts, corp = body["event"]["ts"], world.slack.workspace(CORP)
    held = message_changed(corp, "CMENTORS", "UMENTOR1", ts, "see you Tuesday, our secret", "see you Tuesday")
    await world.slack.wait_ack(await world.slack.push(CORP, held))
    await world.until(lambda: world.student_side() == [])
    back = message_changed(corp, "CMENTORS", "UMENTOR1", ts, "see you Tuesday!",
                           "see you Tuesday, our secret")
    await world.slack.wait_ack(await world.slack.push(CORP, back))
    await world.until(lambda: [m["text"] for m in world.student_side()] == ["see you Tuesday!"])
    assert not any("secret" in t for t in _every_text_posted(world, SCHOOL, "CSTUDENTS"))
    assert world.count(MessageLog) == 3  # the original and both edits are logged


async def test_an_account_that_is_not_in_the_match_is_held_not_relayed(world) -> None:  # type: ignore[no-untyped-def]
    # Jo Park mentors another match in the same school workspace; Riley's channel is not theirs.
    await world.say(SCHOOL, "CSTUDENTS", "UPARK1", "hi Riley, I'm a mentor too")
    # Someone not on the roster at all.
    school = world.slack.workspace(SCHOOL)
    school.add_user("UNOBODY", "Not Listed")
    await world.say(SCHOOL, "CSTUDENTS", "UNOBODY", "hey, add me")
    await world.until(lambda: world.count(ReviewItem) == 2)
    await world.app.delivery.run_once()
    assert world.mentor_side() == []
    assert world.count(MessageLog) == 2


async def test_a_student_posting_in_the_mentors_channel_is_held(world) -> None:  # type: ignore[no-untyped-def]
    await world.say(SCHOOL, "CPARKM", "USTUDENT2", "hello from the wrong side")
    await world.until(lambda: world.count(ReviewItem) == 1)
    await world.app.delivery.run_once()
    texts = _every_text_posted(world, SCHOOL, "CPARKS") + _every_text_posted(world, SCHOOL, "CPARKM")
    assert "hello from the wrong side" not in texts


async def test_a_bot_or_a_message_without_a_user_is_never_relayed(world) -> None:  # type: ignore[no-untyped-def]
    school = world.slack.workspace(SCHOOL)
    body = message_event(school, "CSTUDENTS", "USTUDENT1", "from an integration")
    body["event"]["bot_id"] = "B999"
    await world.slack.wait_ack(await world.slack.push(SCHOOL, body))
    hook = message_event(school, "CSTUDENTS", "USTUDENT1", "a webhook post")
    hook["event"].pop("user")
    hook["event"]["subtype"] = "bot_message"
    await world.slack.wait_ack(await world.slack.push(SCHOOL, hook))
    await world.say(SCHOOL, "CSTUDENTS", "USTUDENT1", "a real one")
    await world.until(lambda: len(world.mentor_side()) == 1)
    assert [m["text"] for m in world.mentor_side()] == ["a real one"]
