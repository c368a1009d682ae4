"""Pure conversions: gateway payloads -> Inbound, text splitting, ids, nonces, review cards."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import discord
import pytest
import yarl
from hypothesis import given
from hypothesis import strategies as st

from adapters.discord import convert
from bot.messages import ChannelRef, InboundKind, ReviewOutcome
from support.cards import review_card

PAYLOADS = Path(__file__).parent / "payloads"
BOT = "500000000000000001"
GUILD, CHANNEL = "100000000000000001", "300000000000000001"


def payload(name: str) -> dict:
    return json.loads((PAYLOADS / f"{name}.json").read_text())["d"]


def test_discord_py_internals_the_adapter_points_at_the_fake_still_exist() -> None:
    assert discord.http.Route.BASE.startswith("https://discord.com/api/v")
    assert isinstance(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY, yarl.URL)
    assert "enforce_nonce" in discord.http.handle_message_parameters(content="x", nonce="n").payload


def test_a_guild_message_becomes_an_inbound_message() -> None:
    data = payload("message_create")
    event = convert.inbound_message(data)
    assert event.kind == InboundKind.MESSAGE
    assert event.channel == ChannelRef("discord", GUILD, CHANNEL)
    assert (event.message_id, event.event_key) == ("1427382959202746378", "1427382959202746378")
    assert (event.author_id, event.author_name) == ("200000000000000002", "Ana R.")  # the server nickname
    assert event.text == "Hi! What do engineers do all day?"
    assert event.sent_at == datetime(2026, 10, 13, 19, 2, 11, 531000, tzinfo=UTC)
    assert event.attachment_count == 1 and not event.is_direct and event.thread_id is None
    assert convert.is_relayable(data, bot_user_id=BOT)


def test_a_reply_names_the_message_it_answers() -> None:
    assert convert.inbound_message(payload("message_reply")).thread_id == "1427382959202746378"


def test_a_thread_message_is_filed_under_its_parent_channel() -> None:
    data = {**payload("message_create"), "channel_id": "1427382959202746378"}
    event = convert.inbound_message(data, parent_id=CHANNEL)
    assert event.channel.channel == CHANNEL and event.thread_id == "1427382959202746378"


def test_an_edit_has_its_own_event_key_and_an_unfurl_is_not_an_edit() -> None:
    event = convert.inbound_edit(payload("message_update"))
    assert event is not None and event.kind == InboundKind.EDIT
    assert event.event_key == "1427382959202746378:2026-10-13T19:03:40.118000+00:00"
    assert event.text == "never mind" and event.author_name == "Ana"
    assert convert.inbound_edit(payload("message_update_unfurl")) is None


def test_a_deletion_carries_only_ids() -> None:
    event = convert.inbound_delete(payload("message_delete"))
    assert (event.kind, event.event_key, event.text) == (InboundKind.DELETE, "del:1427382959202746378", "")


def test_a_direct_message_is_marked_direct() -> None:
    event = convert.inbound_message(payload("dm_message"))
    assert event.is_direct and event.channel == ChannelRef("discord", "dm", "600000000000000001")


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("webhook_message", {}),  # the bot's own relays come back as webhook messages
        ("message_create", {"author": {"id": BOT, "username": "mentorbot"}}),
        ("message_create", {"author": {"id": "7", "username": "Reminders", "bot": True}}),
        ("system_join", {}),
    ],
)
def test_relays_bots_and_system_messages_are_not_relayable(name: str, change: dict) -> None:
    assert not convert.is_relayable({**payload(name), **change}, bot_user_id=BOT)


def test_split_keeps_words_and_urls_whole() -> None:
    url = "https://example.org/" + "a" * 80
    text = ("word " * 390) + url + (" tail" * 200)
    parts = convert.split_text(text)
    assert all(0 < len(p) <= 2000 for p in parts)
    assert any(url in p for p in parts)
    assert " ".join(parts).split() == text.split()


def test_split_prefers_paragraph_breaks() -> None:
    text = "a" * 1500 + "\n\n" + "b " * 400
    parts = convert.split_text(text)
    assert parts[0] == "a" * 1500


def test_split_of_short_empty_and_unbreakable_text() -> None:
    assert convert.split_text("hello") == ["hello"]
    assert convert.split_text("") == [] and convert.split_text("  \n ") == []
    assert [len(p) for p in convert.split_text("x" * 4500)] == [2000, 2000, 500]


@given(st.text(alphabet=st.sampled_from("ab \n\n-"), max_size=700), st.integers(min_value=5, max_value=60))
def test_split_never_yields_empty_or_oversized_parts_and_loses_no_text(text: str, limit: int) -> None:
    parts = convert.split_text(text, limit)
    assert all(p.strip() and len(p) <= limit for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_fit_parts_for_editing_a_split_message() -> None:
    assert convert.fit_parts("short", 3) == ["short"]
    fitted = convert.fit_parts("w " * 3000, 2)
    assert len(fitted) == 2 and len(fitted[1]) <= 2000 and fitted[1].endswith("…")


def test_ids_nonces_names_and_prefixes() -> None:
    assert convert.decode_ids(convert.encode_ids(["1", "2"], "9")) == (["1", "2"], "9")
    assert convert.decode_ids("5") == (["5"], None)
    assert convert.nonce_for("k") == convert.nonce_for("k") != convert.nonce_for("k", 1)
    assert len(convert.nonce_for("x" * 300)) <= 25
    assert "discord" not in convert.webhook_username("Discord Dan").lower()
    assert convert.webhook_username("") == "mentorbot relay" and len(convert.webhook_username("n" * 99)) == 80
    assert convert.strip_prefix(convert.prefixed("Ana R.", "hi")) == ("**Ana R.:** ", "hi")


CARD = review_card(match_id="morgan-ana", text="keep this a secret", rules=("offplatform.secrecy",),
                   reasons=("secrecy",))


def test_review_card_embed_buttons_and_outcome() -> None:
    embed = convert.review_embed(CARD)
    assert embed["description"] == "keep this a secret" and embed["title"].startswith("Held message")
    ids = [b.custom_id for b in convert.review_buttons(CARD)]
    assert [convert.parse_review_custom_id(i) for i in ids] == [
        (41, "approve"),
        (41, "approve_redacted"),
        (41, "reject"),
    ]
    assert convert.parse_review_custom_id("mentorbot:review:41:delete") is None
    outcome = ReviewOutcome(
        41, "rejected", "P. Kim", datetime(2026, 10, 13, 19, 5, tzinfo=UTC), note="kept private"
    )
    decided = convert.review_embed(CARD, outcome)
    assert decided["fields"][-1]["value"] == "rejected by P. Kim at 2026-10-13 19:05 UTC\nkept private"
    alert = review_card(match_id="morgan-ana", text="keep this a secret", review_id=None, alert_id=3,
                        idempotency_key="review-41")
    assert convert.review_buttons(alert) == [] and convert.review_embed(alert)["footer"]["text"] == "alert #3"


def test_the_invite_link_in_the_docs_asks_for_exactly_the_documented_permissions() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "discord.md").read_text()
    needed = discord.Permissions(
        view_channel=True,
        send_messages=True,
        add_reactions=True,
        embed_links=True,
        read_message_history=True,
        manage_webhooks=True,
    )
    assert f"permissions={needed.value}\n" in docs
    assert not needed.administrator
    assert str(needed.value | discord.Permissions(manage_messages=True).value) in docs


def test_a_pattern_alert_card_offers_pause_this_match_and_the_button_survives_a_restart() -> None:
    from adapters.discord.interactions import AlertButton, review_view

    pattern = review_card(match_id="morgan-ana", text="3 messages add up", review_id=None, alert_id=9,
                          rules=("conversation.pattern",), actions=("pause_match",), urgent=True)
    [spec] = convert.review_buttons(pattern)
    assert (spec.custom_id, spec.label, spec.style) == ("mentorbot:alert:9:pause_match", "Pause this match",
                                                        "danger")
    match = convert.ALERT_ID_RE.fullmatch(spec.custom_id)
    assert match is not None and convert.parse_review_custom_id(spec.custom_id) is None
    view = review_view([spec])
    assert view is not None and [type(i) for i in view.children] == [AlertButton]
    assert convert.ALERT_ID_RE.fullmatch("mentorbot:alert:9:delete") is None  # only known actions
