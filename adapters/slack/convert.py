"""Pure conversions between Slack payloads and mentorbot's types (no I/O, no SDK objects)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from bot.messages import (
    AlertRequest,
    ChannelRef,
    CommandRequest,
    Inbound,
    InboundKind,
    Outbound,
    ReviewCard,
    ReviewOutcome,
    ReviewRequest,
)

PLATFORM = "slack"
REVIEW_ACTION_PREFIX = "mentorbot_review:"
REVIEW_DECISIONS = ("approve", "approve_redacted", "reject")
ALERT_ACTION_PREFIX = "mentorbot_alert:"
ALERT_ACTIONS = {"pause_match": ("Pause this match", "danger")}  # label and style of each alert button
DELIVERY_EVENT_TYPE = "mentorbot_delivery"

# Subtypes that are a person writing something (everything else — joins, topic changes,
# bot_message, channel_archive … — is not relayed). Source: api.slack.com/events/message, 2024.
_MESSAGE_SUBTYPES = {None, "", "thread_broadcast", "file_share", "me_message"}

_ANGLE = re.compile(r"<([^<>]+)>")


# ---------------------------------------------------------------------- text
def slack_to_plain(text: str) -> str:
    """Slack mrkdwn wire text -> plain text: links, mentions and entities spelled out.

    ``<https://x|label>`` -> ``label (https://x)``, ``<@U1>`` -> ``@U1``, ``<#C1|name>`` -> ``#name``,
    ``<!here>`` -> ``@here``, then ``&lt; &gt; &amp;`` unescaped, so policies see what people read.
    """

    def _one(m: re.Match[str]) -> str:
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        if label and label != target:
            return f"{label} ({target})"
        return target.removeprefix("mailto:") if target.startswith("mailto:") else target

    return html.unescape(_ANGLE.sub(_one, text))


def plain_to_slack(text: str) -> str:
    """Plain text -> Slack wire text: escape ``& < >`` so relayed text can never ping or fake a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ts_to_datetime(ts: str | None) -> datetime | None:
    if not ts:
        return None
    try:
        return datetime.fromtimestamp(float(ts), tz=UTC)
    except ValueError:
        return None


# ---------------------------------------------------------------------- inbound
def _is_from_bot(msg: dict[str, Any]) -> bool:
    return bool(msg.get("bot_id")) or msg.get("subtype") == "bot_message" or bool(msg.get("bot_profile"))


def _thread_of(msg: dict[str, Any]) -> str | None:
    thread_ts = msg.get("thread_ts")
    return thread_ts if thread_ts and thread_ts != msg.get("ts") else None


def message_key(channel_id: str, ts: str) -> str:
    """The log's key of a new message: its channel and ``ts`` (unique per channel), NOT the Events
    API ``event_id``, so the catch-up, which reads ``conversations.history`` where there is no
    event id, and a late retry of the live event give the same key and one log row."""
    return f"{channel_id}:{ts}"


def edit_key(channel_id: str, ts: str, edited_ts: str) -> str:
    """The log's key of an edit: the message and ``edited.ts`` (as history shows it, too)."""
    return f"{channel_id}:{ts}:edited:{edited_ts}"


def inbound_from_event(body: dict[str, Any], *, bot_user_id: str | None = None) -> Inbound | None:
    """An Events API ``event_callback`` body with a ``message`` event -> Inbound, or None to ignore.

    Ignored: the bot's own and other bots' messages (no relay loops), joins/topic changes and
    other non-authored subtypes, and ``message_changed`` events whose text did not change
    (link unfurls, reactions-in-place: metadata only, not edits).
    """
    event = body.get("event") or {}
    if event.get("type") != "message":
        return None
    team = body.get("team_id") or event.get("team") or ""
    channel_id = event.get("channel") or ""
    channel = ChannelRef(PLATFORM, team, channel_id)
    event_key = body.get("event_id") or f"{channel_id}:{event.get('event_ts') or event.get('ts')}"
    # A group DM (``mpim``) that includes the bot is private contact too: logged and answered like a DM.
    is_direct = event.get("channel_type") in ("im", "mpim")
    subtype = event.get("subtype")

    if subtype == "message_changed":
        return _edit(body, event, channel, event_key, is_direct, bot_user_id)
    if subtype == "message_deleted":
        return _deletion(body, event, channel, event_key, is_direct, bot_user_id)
    if subtype not in _MESSAGE_SUBTYPES or _is_from_bot(event) or not event.get("user"):
        return None
    if event.get("user") == bot_user_id:
        return None
    return Inbound(
        kind=InboundKind.MESSAGE,
        channel=channel,
        message_id=event.get("ts", ""),
        event_key=message_key(channel_id, event.get("ts", "")) if event.get("ts") else event_key,
        author_id=event["user"],
        text=slack_to_plain(event.get("text", "")),
        sent_at=ts_to_datetime(event.get("ts")),
        thread_id=_thread_of(event),
        attachment_count=len(event.get("files") or []),
        is_direct=is_direct,
        raw=body,
    )


def _edit(body: dict[str, Any], event: dict[str, Any], channel: ChannelRef, event_key: str, is_direct: bool,
          bot_user_id: str | None) -> Inbound | None:
    """A ``message_changed`` event whose text changed (unfurls and reactions change only metadata)."""
    msg = event.get("message") or {}
    prev = event.get("previous_message") or {}
    if _is_from_bot(msg) or msg.get("user") == bot_user_id:
        return None
    if msg.get("text", "") == prev.get("text", ""):
        return None
    edited_at = (msg.get("edited") or {}).get("ts")
    return Inbound(
        kind=InboundKind.EDIT,
        channel=channel,
        message_id=msg.get("ts", ""),
        event_key=edit_key(channel.channel, msg["ts"], edited_at) if edited_at and msg.get("ts")
        else event_key,
        author_id=msg.get("user", ""),
        text=slack_to_plain(msg.get("text", "")),
        sent_at=ts_to_datetime((msg.get("edited") or {}).get("ts") or event.get("ts")),
        thread_id=_thread_of(msg),
        attachment_count=len(msg.get("files") or []),
        is_direct=is_direct,
        raw=body,
    )


def _deletion(body: dict[str, Any], event: dict[str, Any], channel: ChannelRef, event_key: str,
              is_direct: bool, bot_user_id: str | None) -> Inbound | None:
    """A ``message_deleted`` event about a person's message."""
    prev = event.get("previous_message") or {}
    if _is_from_bot(prev) or prev.get("user") == bot_user_id:
        return None
    return Inbound(
        kind=InboundKind.DELETE,
        channel=channel,
        message_id=event.get("deleted_ts") or prev.get("ts", ""),
        event_key=event_key,
        author_id=prev.get("user", ""),
        sent_at=ts_to_datetime(event.get("ts")),
        thread_id=_thread_of(prev),
        is_direct=is_direct,
        raw=body,
    )


def display_name(user: dict[str, Any]) -> str:
    """The name Slack shows for a user (``users.info`` ``user`` object)."""
    profile = user.get("profile") or {}
    return (
        profile.get("display_name")
        or profile.get("real_name")
        or user.get("real_name")
        or user.get("name")
        or user.get("id", "")
    )


def avatar_url(user: dict[str, Any]) -> str | None:
    profile = user.get("profile") or {}
    return profile.get("image_72") or profile.get("image_48") or None


def command_request(body: dict[str, Any]) -> CommandRequest:
    """A slash-command body (form fields) -> CommandRequest; ``text`` is what follows ``/mentorbot``."""
    return CommandRequest(
        channel=ChannelRef(PLATFORM, body.get("team_id", ""), body.get("channel_id", "")),
        user_id=body.get("user_id", ""),
        user_name=body.get("user_name", ""),
        text=slack_to_plain(body.get("text", "")).strip(),
    )


def team_of(body: dict[str, Any]) -> str:
    """The workspace a request says it comes from (events and commands: ``team_id``; buttons and
    forms: ``team.id``, else the user's or the view's team)."""
    team = body.get("team")
    return str(body.get("team_id") or (team.get("id") if isinstance(team, dict) else team or "")
               or (body.get("user") or {}).get("team_id") or (body.get("view") or {}).get("team_id") or "")


def alert_request(body: dict[str, Any]) -> AlertRequest | None:
    """A ``block_actions`` body for one of our alert buttons -> AlertRequest (None if not ours)."""
    action = (body.get("actions") or [{}])[0]
    name = str(action.get("action_id", ""))
    if not name.startswith(ALERT_ACTION_PREFIX) or name[len(ALERT_ACTION_PREFIX):] not in ALERT_ACTIONS:
        return None
    try:
        alert_id = int(action.get("value", ""))
    except ValueError:
        return None
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
    return AlertRequest(platform=PLATFORM, workspace=team, user_id=(body.get("user") or {}).get("id", ""),
                        alert_id=alert_id, action=name[len(ALERT_ACTION_PREFIX):])


def review_request(body: dict[str, Any]) -> ReviewRequest | None:
    """A ``block_actions`` body for one of our review buttons -> ReviewRequest (None if not ours)."""
    actions = body.get("actions") or []
    if not actions:
        return None
    action = actions[0]
    action_id = action.get("action_id", "")
    if not action_id.startswith(REVIEW_ACTION_PREFIX):
        return None
    decision = action_id[len(REVIEW_ACTION_PREFIX) :]
    if decision not in REVIEW_DECISIONS:
        return None
    try:
        review_id = int(action.get("value", ""))
    except ValueError:
        return None
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
    return ReviewRequest(
        platform=PLATFORM,
        workspace=team,
        user_id=(body.get("user") or {}).get("id", ""),
        review_id=review_id,
        decision=decision,
    )


# ---------------------------------------------------------------------- outbound
def delivery_key(posted: dict[str, Any]) -> str | None:
    """The idempotency key a message we posted carries in its metadata (None for others)."""
    metadata = posted.get("metadata") or {}
    if metadata.get("event_type") != DELIVERY_EVENT_TYPE:
        return None
    key = (metadata.get("event_payload") or {}).get("idempotency_key")
    return str(key) if key else None


def post_message_kwargs(message: Outbound) -> dict[str, Any]:
    """Outbound -> ``chat.postMessage`` arguments.

    The delivery's ``idempotency_key`` rides along as message metadata (event type
    ``mentorbot_delivery``) so an operator — or a future recovery step reading
    ``conversations.history(include_all_metadata=true)`` — can tell whether a delivery that
    crashed between "posted" and "recorded" was in fact posted.
    """
    kwargs: dict[str, Any] = {
        "channel": message.channel.channel,
        "text": plain_to_slack(message.text),
        "unfurl_links": False,
        "unfurl_media": False,
        "metadata": {
            "event_type": DELIVERY_EVENT_TYPE,
            "event_payload": {"idempotency_key": message.idempotency_key},
        },
    }
    if message.sender_name:
        kwargs["username"] = message.sender_name[:80]
    if message.sender_avatar:
        kwargs["icon_url"] = message.sender_avatar
    if message.thread_id:
        kwargs["thread_ts"] = message.thread_id
    return kwargs


def _review_text(card: ReviewCard) -> str:
    kind = "Alert" if card.review_id is None else "Held message"
    urgent = "URGENT " if card.urgent else ""
    who = f" from {card.sender_name} ({card.sender_role})" if card.sender_name else ""
    why = f": {card.reasons[0]}" if card.reasons else ""
    return f"{urgent}{kind}{who} in {card.program_name}{why}"[:300]


def review_blocks(card: ReviewCard, outcome: ReviewOutcome | None = None) -> list[dict[str, Any]]:
    """A ReviewCard as Block Kit: header, who/where, the text, the rules that fired, and buttons.

    Buttons (only on holds that are still open, and only the decisions the core allows:
    ``card.decisions``): Approve, Approve without the flagged details (redacted), Reject —
    ``action_id`` ``mentorbot_review:<decision>``, ``value`` the review id. A gate hold says why
    Approve is missing. With an ``outcome`` the buttons are replaced by who decided and when.
    """
    header = ("🚨 URGENT — " if card.urgent else "") + (
        "Alert" if card.review_id is None else "Message held for review"
    )
    sender = plain_to_slack(card.sender_name)
    where = f"*Program:* {plain_to_slack(card.program_name)}"
    if card.match_id:
        where += f"   *Match:* {plain_to_slack(card.match_id)}"
    quoted = "\n".join("> " + line for line in plain_to_slack(card.text or "(no text)").splitlines() or [""])
    fired = [f"• `{plain_to_slack(rule)}`" for rule in card.rules]
    why = [f"• {plain_to_slack(reason)}" for reason in dict.fromkeys(card.reasons) if reason]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": header[:150]}},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": (f"*From:* {sender} ({plain_to_slack(card.sender_role)})\n" if sender else "")
                + where,
            },
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": quoted[:2900]}},
    ]
    detail = []
    if why:
        detail.append(("*Why:*\n" if card.review_id is not None else "*What happened:*\n") + "\n".join(why))
    if fired:
        detail.append("*Rules:*\n" + "\n".join(fired))
    if detail:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "\n".join(detail)[:2900]}]})
    if outcome is not None:
        blocks.append(_decided(outcome))
    elif card.review_id is not None:
        if card.held_because:
            why_no_approve = "⏸ " + plain_to_slack(card.held_because)[:2900]
            blocks.append({"type": "section", "block_id": f"review-{card.review_id}-gates",
                           "text": {"type": "mrkdwn", "text": why_no_approve}})
        blocks.append(_buttons(str(card.review_id), card.decisions))
    elif card.alert_id is not None and card.actions:
        blocks.append(_alert_buttons(card.alert_id, card.actions))
    return blocks


def _alert_buttons(alert_id: int, actions: tuple[str, ...]) -> dict[str, Any]:
    """An alert card's buttons (Pause this match): ``action_id`` ``mentorbot_alert:<action>``,
    ``value`` the alert id."""
    elements = []
    for action in actions:
        label, style = ALERT_ACTIONS.get(action, (action.replace("_", " "), ""))
        button = {"type": "button", "text": {"type": "plain_text", "text": label},
                  "action_id": ALERT_ACTION_PREFIX + action, "value": str(alert_id)}
        if style:
            button["style"] = style
        elements.append(button)
    return {"type": "actions", "block_id": f"alert-{alert_id}", "elements": elements}


def _decided(outcome: ReviewOutcome) -> dict[str, Any]:
    """Who decided and when, in place of the buttons."""
    verb = {
        "approved": "Approved",
        "approved_redacted": "Approved without the flagged details",
        "rejected": "Rejected",
        "released": "Delivered",
    }.get(outcome.decision, outcome.decision)
    when = outcome.decided_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = f" — {plain_to_slack(outcome.note)}" if outcome.note else ""
    text = f"*{verb}* by {plain_to_slack(outcome.decided_by)} at {when}{note}"
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


REVIEW_BUTTONS = {  # decision: (label, style)
    "approve": ("Approve", "primary"),
    "approve_redacted": ("Approve without flagged details", None),
    "reject": ("Reject", "danger"),
}


def _buttons(value: str, decisions: tuple[str, ...]) -> dict[str, Any]:
    """The buttons for an open hold's allowed decisions (``value``: review id)."""
    return {
        "type": "actions",
        "block_id": f"review-{value}",
        "elements": [_button(REVIEW_BUTTONS[d][0], d, value, style=REVIEW_BUTTONS[d][1]) for d in decisions],
    }


def _button(label: str, decision: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": label},
        "action_id": REVIEW_ACTION_PREFIX + decision,
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def review_message_kwargs(
    channel: ChannelRef, card: ReviewCard, outcome: ReviewOutcome | None = None
) -> dict[str, Any]:
    """``chat.postMessage`` / ``chat.update`` arguments for a review card."""
    return {
        "channel": channel.channel,
        "text": plain_to_slack(_review_text(card)),
        "blocks": review_blocks(card, outcome),
        "unfurl_links": False,
        "unfurl_media": False,
    }


def chunk_text(text: str, limit: int = 2900) -> list[str]:
    """Split a long private reply on line breaks into pieces Slack shows in full."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) > limit:
            pieces.append(current)
            current = ""
        current += line
    if current:
        pieces.append(current)
    return pieces
