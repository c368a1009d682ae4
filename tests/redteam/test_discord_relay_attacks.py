"""The relay attacked through the real discord.py client against the fake Discord gateway and REST
API: a mentor who edits a delivered message into a phone number, a forwarded message (Discord's
``message_snapshots``: the text rides outside ``content``), a poll, a reply to a held message,
a sticker. The core over SQLite with the predictable test policy (phone numbers blocked, "secret"
held). The world (tests/discord/discord_world.py): Morgan Lee mentors Ben, both in Discord."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "discord"))

from discord_world import World, world  # noqa: E402,F401
from sqlmodel import Session, select  # noqa: E402

from fakes.discord_server import FakeDiscord  # noqa: E402
from storage.models import MessageLog, ReviewItem  # noqa: E402
from support import discord_fixtures  # noqa: E402

PHONE = "555-201-3344"
point_discord_at = discord_fixtures.point_discord_at  # the shared fake Discord fixtures
fake_discord = discord_fixtures.fake_discord


def _everything_sent_to(d: FakeDiscord, channel: str) -> str:
    """Every text the bot ever showed in the channel: what is there, what it deleted, and every
    edit it made anywhere (webhook edits do not name the channel in their path)."""
    shown = [m.get("content") or "" for m in d.messages.get(channel, [])]
    shown += [m.get("content") or "" for m in d.deleted if m.get("channel_id") == channel]
    shown += [json.dumps(c.body) for c in d.calls if c.method == "PATCH"]
    return "\n".join(shown)


def _logged(world_: World) -> list[MessageLog]:
    with Session(world_.app.core.engine) as session:
        return list(session.exec(select(MessageLog).order_by(MessageLog.id)))


async def test_a_mentor_editing_a_delivered_message_into_a_phone_number(world: World) -> None:  # noqa: F811
    d, s = world.discord, world.school
    said = await d.user_says(s.mentors, s.lee, "Great question, Ben, let's talk on Friday")
    await world.until(lambda: any("Friday" in t for t in d.texts(world.ben_channel)))
    await d.user_edits(s.mentors, said["id"], f"Great question, Ben, call me on {PHONE}")
    await world.until(lambda: not any("Friday" in t for t in d.texts(world.ben_channel)))
    for _ in range(2):
        await world.app.delivery.run_once()
    assert "Friday" in _everything_sent_to(d, world.ben_channel)  # the helper sees what was retracted
    assert PHONE not in _everything_sent_to(d, world.ben_channel)
    assert [row.kind for row in _logged(world)][-2:] == ["message", "edit"]
    assert _logged(world)[-1].decision == "block"


def _forward(d: FakeDiscord, channel: str, user: str, forwarded: str) -> dict:
    """A forwarded message as Discord sends it: empty ``content``, the text in a snapshot."""
    msg = d.make_message(channel, d.user_payload(user), "")
    msg["message_reference"] = {"type": 1, "channel_id": channel, "message_id": d.new_id()}
    msg["message_snapshots"] = [{"message": {"content": forwarded, "timestamp": msg["timestamp"],
                                             "type": 0, "attachments": [], "embeds": [],
                                             "edited_timestamp": None, "flags": 0, "mentions": [],
                                             "mention_roles": [], "components": []}}]
    return msg


async def test_a_forwarded_phone_number_is_policed_and_logged(world: World) -> None:  # noqa: F811
    d, s = world.discord, world.school
    msg = _forward(d, world.ben_channel, world.ben, f"my cell is {PHONE}")
    d.add_message(msg)
    await d.dispatch("MESSAGE_CREATE", d.with_member(msg, world.ben))
    await world.until(lambda: any(PHONE in (row.text or "") for row in _logged(world)), timeout=5)
    for _ in range(2):
        await world.app.delivery.run_once()
    assert PHONE not in _everything_sent_to(d, s.mentors)
    assert _logged(world)[-1].decision == "block"


async def test_a_poll_is_policed_and_logged(world: World) -> None:  # noqa: F811
    d, s = world.discord, world.school
    msg = d.make_message(world.ben_channel, d.user_payload(world.ben), "")
    msg["poll"] = {"question": {"text": f"text me? {PHONE}"},
                   "answers": [{"answer_id": 1, "poll_media": {"text": "yes"}},
                               {"answer_id": 2, "poll_media": {"text": "no"}}],
                   "expiry": "2030-01-01T00:00:00+00:00", "allow_multiselect": False, "layout_type": 1}
    d.add_message(msg)
    await d.dispatch("MESSAGE_CREATE", d.with_member(msg, world.ben))
    await world.until(lambda: any(PHONE in (row.text or "") for row in _logged(world)), timeout=5)
    for _ in range(2):
        await world.app.delivery.run_once()
    assert PHONE not in _everything_sent_to(d, s.mentors)


async def test_a_reply_to_a_held_message_does_not_quote_it_to_the_other_side(world: World) -> None:  # noqa: F811
    d, s = world.discord, world.school
    held = await d.user_says(world.ben_channel, world.ben, "can you keep a secret about my coach?")
    await world.until(lambda: _count(world, ReviewItem) == 1)
    await d.user_says(world.ben_channel, world.ben, "never mind", reply_to=held["id"])
    await world.until(lambda: any("never mind" in t for t in d.texts(s.mentors)))
    assert "secret" not in _everything_sent_to(d, s.mentors)


async def test_a_sticker_counts_as_an_attachment_for_the_policy(world: World) -> None:  # noqa: F811
    """The shipped policy holds attachments (files.attachment); a sticker is one, so the policy
    must be told (the test policy here has no attachment rule, so only the log is checked)."""
    d = world.discord
    msg = d.make_message(world.ben_channel, d.user_payload(world.ben), "")
    msg["sticker_items"] = [{"id": d.new_id(), "name": "call me", "format_type": 1}]
    d.add_message(msg)
    await d.dispatch("MESSAGE_CREATE", d.with_member(msg, world.ben))
    await world.until(lambda: len(_logged(world)) == 1)
    assert _logged(world)[0].attachment_count == 1


def _count(world_: World, model) -> int:  # type: ignore[no-untyped-def]
    with Session(world_.app.core.engine) as session:
        return len(list(session.exec(select(model))))


async def test_relayed_links_show_no_preview_the_policy_never_read(world: World) -> None:  # noqa: F811
    """A link preview (embed) shows the page's title and description, which the author controls
    (a shared document titled "text me 555-…"); the policy read only the address. Slack copies
    are posted with unfurling off; Discord copies must suppress embeds too (flag 1 << 2)."""
    d, s = world.discord, world.school
    await d.user_says(s.mentors, s.lee, "here is the doc https://docs.google.com/document/d/abc123")
    await world.until(lambda: any("docs.google.com" in t for t in d.texts(world.ben_channel)))
    posts = [c for c in d.calls if c.method == "POST" and isinstance(c.body, dict)
             and "docs.google.com" in str(c.body.get("content"))]
    assert posts and all(int(c.body.get("flags") or 0) & 4 for c in posts), [c.body for c in posts]
