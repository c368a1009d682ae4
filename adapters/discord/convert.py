"""Pure conversions between Discord API payloads (plain dicts) and the core's types, and back."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.messages import ChannelRef, Inbound, InboundKind, ReviewCard, ReviewOutcome

PLATFORM = "discord"
DM_WORKSPACE = "dm"
MAX_LEN = 2000  # Discord's limit for message content (characters), checked 2026-11
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELD_MAX = 1024
WEBHOOK_NAME_MAX = 80
# Message types that carry something a person wrote: DEFAULT (0) and REPLY (19). Joins, pins,
# thread-created notices and the like are system messages and are not relayed.
USER_MESSAGE_TYPES = frozenset({0, 19})
THREAD_TYPES = frozenset({10, 11, 12})
DISCORD_EPOCH_MS = 1_420_070_400_000  # snowflakes count milliseconds from 2015-01-01 (Discord docs)
REVIEW_ID_RE = re.compile(r"mentorbot:review:(?P<review>\d+):(?P<decision>approve|approve_redacted|reject)")
ALERT_ID_RE = re.compile(r"mentorbot:alert:(?P<alert>\d+):(?P<action>pause_match)")
ALERT_BUTTONS = {"pause_match": ("Pause this match", "danger")}  # label and style of each alert button


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def snowflake_at(moment: datetime) -> int:
    """The smallest Discord id of a message created at ``moment`` (for ``after=`` in history)."""
    return max(0, int(moment.timestamp() * 1000) - DISCORD_EPOCH_MS) << 22


def catch_up_after(last_logged: str | None, linked_at: datetime | None, *, now: datetime,
                   max_age: timedelta) -> int | None:
    """Where a channel's catch-up starts: after the newest logged message, else from the moment the
    channel was linked, but never further back than ``max_age``; None when neither is known."""
    if last_logged is not None:
        return int(last_logged)
    if linked_at is None:
        return None
    return snowflake_at(max(linked_at, now - max_age))


def author_name(payload: dict[str, Any]) -> str:
    """The name people see: server nickname, then display name, then username."""
    author = payload.get("author") or {}
    member = payload.get("member") or {}
    return member.get("nick") or author.get("global_name") or author.get("username") or ""


def is_relayable(payload: dict[str, Any], *, bot_user_id: str) -> bool:
    """False for the bot's own messages, other bots, webhooks (the bot's relays too), system messages."""
    author = payload.get("author") or {}
    if payload.get("webhook_id") or author.get("bot") or author.get("system"):
        return False
    if str(author.get("id", "")) == bot_user_id:
        return False
    return payload.get("type", 0) in USER_MESSAGE_TYPES


def channel_ref(payload: dict[str, Any], *, parent_id: str | None = None) -> tuple[ChannelRef, str | None]:
    """The supervised channel a payload belongs to, and the thread inside it (if any).

    A message in a thread is filed under the thread's parent channel; the thread id is the id of
    the message the thread was started from (Discord gives a thread started from a message the
    same id), so ``thread_id`` always names a root message, as Slack's ``thread_ts`` does.
    """
    guild = str(payload["guild_id"]) if payload.get("guild_id") else DM_WORKSPACE
    channel = str(payload["channel_id"])
    if parent_id is not None:
        return ChannelRef(PLATFORM, guild, parent_id), channel
    return ChannelRef(PLATFORM, guild, channel), None


def _thread_of(payload: dict[str, Any], thread: str | None) -> str | None:
    ref = payload.get("message_reference") or {}
    if ref.get("message_id") and payload.get("type") == 19:
        return str(ref["message_id"])
    return thread


def message_text(payload: dict[str, Any]) -> str:
    """Everything a reader sees as text: the content, a forwarded message's text (Discord puts it
    in ``message_snapshots``, with ``content`` empty) and a poll's question and answers. All of it
    is policed, logged and relayed as one text, so a forward or a poll cannot carry what the policy
    never read."""
    parts = [payload.get("content") or ""]
    for snapshot in payload.get("message_snapshots") or []:
        forwarded = ((snapshot or {}).get("message") or {}).get("content") or ""
        parts.append(f"[forwarded] {forwarded}" if forwarded else "")
    poll = payload.get("poll") or {}
    if poll:
        question = (poll.get("question") or {}).get("text") or ""
        answers = [((a or {}).get("poll_media") or {}).get("text") or "" for a in poll.get("answers") or []]
        parts.append(f"[poll] {question}" + "".join(f"\n- {a}" for a in answers))
    return "\n".join(p for p in parts if p)


def _attached(payload: dict[str, Any]) -> int:
    """Files and stickers, a forwarded message's included."""
    carriers = [payload] + [(s or {}).get("message") or {} for s in payload.get("message_snapshots") or []]
    return sum(len(c.get("attachments") or []) + len(c.get("sticker_items") or []) for c in carriers)


def inbound_message(payload: dict[str, Any], *, parent_id: str | None = None) -> Inbound:
    """MESSAGE_CREATE (or a history entry) -> Inbound; the event key is the message id."""
    ref, thread = channel_ref(payload, parent_id=parent_id)
    return Inbound(
        kind=InboundKind.MESSAGE,
        channel=ref,
        message_id=str(payload["id"]),
        event_key=str(payload["id"]),
        author_id=str(payload["author"]["id"]),
        author_name=author_name(payload),
        text=message_text(payload),
        sent_at=parse_time(payload.get("timestamp")),
        thread_id=_thread_of(payload, thread),
        attachment_count=_attached(payload),
        is_direct=not payload.get("guild_id"),
        raw=payload,
    )


def inbound_edit(payload: dict[str, Any], *, parent_id: str | None = None) -> Inbound | None:
    """MESSAGE_UPDATE -> Inbound, or None when it is not a user's edit (embed unfurls have no edit time)."""
    edited = payload.get("edited_timestamp")
    if not edited or "content" not in payload or "author" not in payload:
        return None
    ref, thread = channel_ref(payload, parent_id=parent_id)
    return Inbound(
        kind=InboundKind.EDIT,
        channel=ref,
        message_id=str(payload["id"]),
        event_key=f"{payload['id']}:{edited}",
        author_id=str(payload["author"]["id"]),
        author_name=author_name(payload),
        text=payload.get("content") or "",
        sent_at=parse_time(edited),
        thread_id=_thread_of(payload, thread),
        attachment_count=len(payload.get("attachments") or []),
        is_direct=not payload.get("guild_id"),
        raw=payload,
    )


def inbound_delete(payload: dict[str, Any], *, parent_id: str | None = None, author_id: str = "") -> Inbound:
    """MESSAGE_DELETE -> Inbound. Discord sends only ids; the old text survives in the core's log."""
    ref, thread = channel_ref(payload, parent_id=parent_id)
    return Inbound(
        kind=InboundKind.DELETE,
        channel=ref,
        message_id=str(payload["id"]),
        event_key=f"del:{payload['id']}",
        author_id=author_id,
        thread_id=thread,
        is_direct=not payload.get("guild_id"),
        raw=payload,
    )


# ------------------------------------------------------------------ outbound text


def split_text(text: str, limit: int = MAX_LEN) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters, never empty.

    Cuts at a paragraph break, else a line break, else a space, so words and URLs stay whole;
    only a single word longer than ``limit`` is cut inside.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if head.strip():
            parts.append(head)
    if rest.strip():
        parts.append(rest)
    return parts


def _cut_point(text: str, limit: int) -> int:
    for sep, min_fraction in (("\n\n", 0.5), ("\n", 0.3), (" ", 0.0)):
        i = text.rfind(sep, 0, limit + 1)
        if i > 0 and i >= limit * min_fraction:
            return i
    return limit


def fit_parts(text: str, slots: int, limit: int = MAX_LEN) -> list[str]:
    """Split ``text`` for editing ``slots`` existing messages: at most ``slots`` parts (the last one
    shortened with an ellipsis if needed); fewer parts means the remaining messages are removed."""
    parts = split_text(text, limit) or ["\u200b"]
    if len(parts) <= slots:
        return parts
    head = parts[: slots - 1]
    tail = " ".join(parts[slots - 1 :])
    return [*head, tail if len(tail) <= limit else tail[: limit - 1].rstrip() + "…"]


def prefixed(name: str | None, text: str) -> str:
    """The fallback when the bot cannot post under the sender's name: bold name, then the text."""
    return f"**{name}:** {text}" if name else text


PREFIX_RE = re.compile(r"^\*\*(?P<name>[^*\n]{1,100}):\*\* ")


def strip_prefix(content: str) -> tuple[str, str]:
    """Split a fallback message into its name prefix and its text."""
    m = PREFIX_RE.match(content)
    return (m.group(0), content[m.end() :]) if m else ("", content)


def webhook_username(name: str | None) -> str:
    """A name Discord accepts for a webhook message (1–80 chars, no "discord"/"clyde")."""
    clean = (name or "").strip()
    for banned in ("discord", "clyde"):
        clean = re.sub(banned, lambda m: m.group(0)[0] + "\u200b" + m.group(0)[1:], clean, flags=re.I)
    return clean[:WEBHOOK_NAME_MAX] or "mentorbot relay"


def nonce_for(idempotency_key: str, part: int = 0) -> str:
    """A Discord nonce (≤ 25 chars) stable across retries of the same delivery part."""
    return hashlib.blake2b(f"{idempotency_key}#{part}".encode(), digest_size=12).hexdigest()


def encode_ids(ids: list[str], thread_id: str | None = None) -> str:
    """One id for the core from the messages of a split send ("thread/id1,id2" or "id1,id2")."""
    joined = ",".join(ids)
    return f"{thread_id}/{joined}" if thread_id else joined


def decode_ids(value: str) -> tuple[list[str], str | None]:
    thread, _, ids = value.rpartition("/")
    return [i for i in ids.split(",") if i], (thread or None)


def reply_link(guild_id: str, channel_id: str, message_id: str) -> str:
    """A small line pointing at the message this one answers (webhooks cannot post real replies)."""
    return f"-# ↪ https://discord.com/channels/{guild_id}/{channel_id}/{message_id}\n"


# ------------------------------------------------------------------ review cards


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    custom_id: str
    label: str
    style: str  # success | secondary | danger


def review_custom_id(review_id: int, decision: str) -> str:
    return f"mentorbot:review:{review_id}:{decision}"


def parse_review_custom_id(custom_id: str) -> tuple[int, str] | None:
    m = REVIEW_ID_RE.fullmatch(custom_id)
    return (int(m.group("review")), m.group("decision")) if m else None


def review_buttons(card: ReviewCard) -> list[ButtonSpec]:
    """The decisions the core allows on a held message (``card.decisions``: Approve, Approve
    redacted, Reject; only Reject on a gate hold); an alert's own actions (a pattern alert: Pause
    this match)."""
    if card.review_id is None:
        return [ButtonSpec(f"mentorbot:alert:{card.alert_id}:{action}", *ALERT_BUTTONS[action])
                for action in card.actions if card.alert_id is not None and action in ALERT_BUTTONS]
    return [ButtonSpec(review_custom_id(card.review_id, decision), *REVIEW_BUTTONS[decision])
            for decision in card.decisions]


REVIEW_BUTTONS = {  # decision: (label, style)
    "approve": ("Approve", "success"),
    "approve_redacted": ("Approve redacted", "secondary"),
    "reject": ("Reject", "danger"),
}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def review_embed(card: ReviewCard, outcome: ReviewOutcome | None = None) -> dict[str, Any]:
    """The review card as a Discord embed payload."""
    if card.review_id is not None:
        title = "Held message: needs review" + (" (urgent)" if card.urgent else "")
    else:
        title = "Alert" + (" (urgent)" if card.urgent else "")
    fields = [
        {"name": "Program", "value": _clip(card.program_name or "-", EMBED_FIELD_MAX), "inline": True},
        {"name": "Match", "value": _clip(card.match_id or "-", EMBED_FIELD_MAX), "inline": True},
        {
            "name": "From",
            "value": _clip(f"{card.sender_name} ({card.sender_role})", EMBED_FIELD_MAX),
            "inline": True,
        },
    ]
    if card.rules:
        fields.append(
            {"name": "Rules", "value": _clip(", ".join(card.rules), EMBED_FIELD_MAX), "inline": False}
        )
    if card.reasons:
        fields.append(
            {"name": "Why", "value": _clip("\n".join(card.reasons), EMBED_FIELD_MAX), "inline": False}
        )
    if card.held_because and outcome is None:
        fields.append({"name": "Why there is no Approve", "value": _clip(card.held_because, EMBED_FIELD_MAX),
                       "inline": False})
    color = 0xE74C3C if card.urgent else 0xF1C40F
    if outcome is not None:
        who = f"{outcome.decision.replace('_', ' ')} by {outcome.decided_by}"
        when = outcome.decided_at.strftime("%Y-%m-%d %H:%M UTC")
        value = f"{who} at {when}" + (f"\n{outcome.note}" if outcome.note else "")
        fields.append({"name": "Decision", "value": _clip(value, EMBED_FIELD_MAX), "inline": False})
        color = 0x2ECC71 if outcome.decision in ("approved", "approved_redacted", "released") else 0x95A5A6
    footer = f"review #{card.review_id}" if card.review_id is not None else f"alert #{card.alert_id}"
    return {
        "title": title,
        "description": _clip(card.text or "(no text)", EMBED_DESCRIPTION_MAX),
        "color": color,
        "fields": fields,
        "footer": {"text": footer},
    }
