"""Slack payload <-> mentorbot type conversions, against recorded JSON payloads."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.slack import convert
from bot.messages import ChannelRef, InboundKind, Outbound, ReviewCard, ReviewOutcome
from support.cards import review_card

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> dict:
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def test_message_becomes_inbound_with_plain_text():
    inbound = convert.inbound_from_event(load("message"), bot_user_id="U0BOT1")
    assert inbound is not None
    assert inbound.kind == InboundKind.MESSAGE
    assert inbound.channel == ChannelRef("slack", "T0SCHOOL1", "C0STUDENTS")
    assert inbound.message_id == "1731400000.000100"
    assert inbound.event_key == "C0STUDENTS:1731400000.000100"  # channel + ts, as history has it too
    assert inbound.author_id == "U0STUDENT1"
    # links are spelled out so link rules see the URL; entities are unescaped
    assert (
        inbound.text
        == "Hi! Is it true you build bridges? <3 see this page (https://example.org/bridges) & @U0OTHER1"
    )
    assert inbound.sent_at == datetime.fromtimestamp(1731400000.0001, tz=UTC)
    assert inbound.thread_id is None
    assert inbound.is_direct is False


def test_thread_reply_keeps_thread_and_counts_files():
    inbound = convert.inbound_from_event(load("message_thread_reply"))
    assert inbound is not None
    assert inbound.thread_id == "1731400050.000150"
    assert inbound.attachment_count == 1
    assert inbound.channel.workspace == "T0CORP001"


def test_edit_keeps_edited_message_id_and_is_keyed_by_its_edit_time():
    inbound = convert.inbound_from_event(load("message_changed"))
    assert inbound is not None
    assert inbound.kind == InboundKind.EDIT
    assert inbound.message_id == "1731400000.000100"
    assert inbound.event_key == "C0STUDENTS:1731400000.000100:edited:1731400200.000000"
    assert inbound.text == "call me at 555 0100"
    assert inbound.author_id == "U0STUDENT1"


def test_unfurl_is_not_an_edit():
    assert convert.inbound_from_event(load("message_changed_unfurl")) is None


def test_delete_names_the_deleted_message():
    inbound = convert.inbound_from_event(load("message_deleted"))
    assert inbound is not None
    assert inbound.kind == InboundKind.DELETE
    assert inbound.message_id == "1731400000.000100"
    assert inbound.event_key == "Ev0DELETE05"
    assert inbound.author_id == "U0STUDENT1"


@pytest.mark.parametrize("name", ["bot_message", "other_app_message", "channel_join"])
def test_bots_and_system_messages_are_ignored(name):
    assert convert.inbound_from_event(load(name), bot_user_id="U0BOT1") is None


def test_own_user_is_ignored():
    body = load("message")
    body["event"]["user"] = "U0BOT1"
    assert convert.inbound_from_event(body, bot_user_id="U0BOT1") is None


def test_edit_of_a_relayed_copy_is_ignored():
    body = load("message_changed")
    body["event"]["message"]["bot_id"] = "B0BOT1"
    assert convert.inbound_from_event(body) is None


def test_direct_message_is_marked():
    inbound = convert.inbound_from_event(load("im_message"))
    assert inbound is not None and inbound.is_direct


def test_slash_command_to_request():
    request = convert.command_request(load("slash_command"))
    assert request.channel == ChannelRef("slack", "T0SCHOOL1", "C0STUDENTS")
    assert request.user_id == "U0STUDENT1"
    assert request.text == "concern my mentor asked for my <address>"


def test_button_press_to_review_request():
    request = convert.review_request(load("block_actions"))
    assert request is not None
    assert (request.platform, request.workspace, request.user_id) == ("slack", "T0SCHOOL1", "U0COORD1")
    assert (request.review_id, request.decision) == (42, "approve_redacted")


def test_foreign_button_is_not_a_review():
    body = load("block_actions")
    body["actions"][0]["action_id"] = "something_else"
    assert convert.review_request(body) is None


def test_outbound_posts_under_sender_identity_with_delivery_metadata():
    out = Outbound(
        channel=ChannelRef("slack", "T0CORP001", "C0MENTORS"),
        text="see <@U1> & <!channel>",
        idempotency_key="delivery-17",
        sender_name="Riley S.",
        sender_avatar="https://avatars.invalid/r.png",
        thread_id="1731400050.000150",
    )
    kwargs = convert.post_message_kwargs(out)
    assert kwargs["channel"] == "C0MENTORS"
    # relayed text can never ping a whole channel or forge a mention
    assert kwargs["text"] == "see &lt;@U1&gt; &amp; &lt;!channel&gt;"
    assert kwargs["username"] == "Riley S."
    assert kwargs["icon_url"] == "https://avatars.invalid/r.png"
    assert kwargs["thread_ts"] == "1731400050.000150"
    assert kwargs["metadata"] == {
        "event_type": "mentorbot_delivery",
        "event_payload": {"idempotency_key": "delivery-17"},
    }


def _card(**over) -> ReviewCard:
    return review_card(**{"review_id": 42, "program_name": "P-TECH Demo", "match_id": "m-7",
                          "sender_name": "Morgan", "sender_role": "mentor", **over})


def test_review_card_has_text_rules_and_three_buttons():
    blocks = convert.review_blocks(_card())
    flat = json.dumps(blocks)
    assert "text me at 555-0100" in flat and "contact.phone" in flat and "phone number" in flat
    actions = [b for b in blocks if b["type"] == "actions"][0]["elements"]
    assert [a["action_id"] for a in actions] == [
        "mentorbot_review:approve",
        "mentorbot_review:approve_redacted",
        "mentorbot_review:reject",
    ]
    assert {a["value"] for a in actions} == {"42"}


def test_decided_card_shows_who_and_when_without_buttons():
    outcome = ReviewOutcome(
        review_id=42,
        decision="approved",
        decided_by="P. Lee",
        decided_at=datetime(2026, 3, 2, 15, 4, tzinfo=UTC),
    )
    blocks = convert.review_blocks(_card(), outcome)
    assert not [b for b in blocks if b["type"] == "actions"]
    assert "*Approved* by P. Lee at 2026-03-02 15:04 UTC" in json.dumps(blocks)


def test_alert_card_is_urgent_and_has_no_buttons():
    blocks = convert.review_blocks(_card(review_id=None, alert_id=3, urgent=True))
    assert blocks[0]["text"]["text"].startswith("🚨 URGENT")
    assert not [b for b in blocks if b["type"] == "actions"]


def test_long_replies_are_chunked_without_losing_text():
    text = "\n".join(f"line {i} " + "x" * 50 for i in range(200))
    pieces = convert.chunk_text(text, 1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert "".join(pieces) == text


def test_a_pattern_alert_card_offers_pause_this_match():
    blocks = convert.review_blocks(_card(review_id=None, alert_id=9, urgent=True, actions=("pause_match",)))
    [actions] = [b for b in blocks if b["type"] == "actions"]
    [button] = actions["elements"]
    assert (button["action_id"], button["value"]) == ("mentorbot_alert:pause_match", "9")
    assert button["style"] == "danger"
    body = {"actions": [{"action_id": "mentorbot_alert:pause_match", "value": "9"}], "team": {"id": "T1"},
            "user": {"id": "U1"}}
    request = convert.alert_request(body)
    assert request is not None
    assert (request.alert_id, request.action, request.user_id) == (9, "pause_match", "U1")
    unknown = {**body, "actions": [{"action_id": "mentorbot_alert:delete", "value": "9"}]}
    assert convert.alert_request(unknown) is None
    assert convert.review_request(body) is None  # never mistaken for a review decision
