"""The normalized types every adapter produces and the core consumes (STYLE.md point 1).

Adapters translate platform payloads into these; the core, policies and storage never read
``raw``, which is kept for debugging only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """Where a message lives: the key everywhere (``workspace`` is a Slack team or Discord guild)."""

    platform: str
    workspace: str
    channel: str

    def __str__(self) -> str:
        return f"{self.platform}:{self.workspace}/{self.channel}"


class InboundKind(StrEnum):
    MESSAGE = "message"
    EDIT = "edit"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One platform event about a message, normalized.

    ``event_key`` is unique per platform event *within the workspace* (Slack channel + ``ts``,
    + ``edited.ts`` for an edit, ``event_id`` for a deletion; Discord message id plus edit
    timestamp; console counter) and the same whether the event arrived live or was read from the
    history by a catch-up, so a retry, a replay or a catch-up of it is a no-op.
    ``is_direct`` marks a direct message to the bot. ``message_id`` is the platform's id of the
    message this event is about (for edits and deletions: the edited/deleted message).
    """

    kind: InboundKind
    channel: ChannelRef
    message_id: str
    event_key: str
    author_id: str
    author_name: str = ""
    author_avatar: str | None = None
    text: str = ""
    sent_at: datetime | None = None
    thread_id: str | None = None
    attachment_count: int = 0
    is_direct: bool = False
    raw: Any = field(default=None, compare=False, repr=False)

    @property
    def dedupe_key(self) -> str:
        return f"{self.channel.platform}:{self.channel.workspace}:{self.event_key}"


@dataclass(frozen=True, slots=True)
class Outbound:
    """A message the core asks an adapter to post in a channel.

    ``sender_name``/``sender_avatar`` let adapters with the ``sender_identity`` capability post
    under the original author's name; others prefix the name. ``idempotency_key`` is stable
    across retries of the same delivery (adapters use it as a nonce or to look for an earlier
    send after a crash).
    """

    channel: ChannelRef
    text: str
    idempotency_key: str
    sender_name: str | None = None
    sender_avatar: str | None = None
    thread_id: str | None = None
    attempt: int = 1  # > 1: an earlier try may have been posted before a crash; check first
    queued_at: datetime | None = None  # when the core queued it: where to start looking for that post


@dataclass(frozen=True, slots=True)
class ReviewCard:
    """A held message or an alert as shown to the coordinator in a review channel."""

    review_id: int | None
    alert_id: int | None
    program_name: str
    match_id: str | None
    sender_name: str
    sender_role: str
    text: str
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    urgent: bool
    idempotency_key: str
    actions: tuple[str, ...] = ()  # buttons an alert card offers: ``pause_match`` (a pattern alert)
    # What the core allows on a hold (issue 12): a gate hold (``bot.relay.gates``) can only be
    # rejected from chat (it is released when the gate clears, or overridden on the desk), and
    # "approve without the flagged details" needs something flagged in the text.
    gates: tuple[str, ...] = ()
    can_redact: bool = True
    held_because: str = ""  # a gate hold: why Approve is missing and how the hold ends

    @property
    def decisions(self) -> tuple[str, ...]:
        """The review decisions a button may offer on this card (none on an alert's card)."""
        if self.review_id is None:
            return ()
        if self.gates:
            return ("reject",)
        return ("approve", "approve_redacted", "reject") if self.can_redact else ("approve", "reject")


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """How a review was decided, for updating the review card in place."""

    review_id: int
    decision: str  # approved | approved_redacted | rejected | released
    decided_by: str
    decided_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class CommandRequest:
    """A ``/mentorbot …`` command typed by someone on a platform (text after the verb)."""

    channel: ChannelRef
    user_id: str
    user_name: str
    text: str


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    """A coordinator pressing Approve / Approve redacted / Reject on a review card."""

    platform: str
    workspace: str
    user_id: str
    review_id: int
    decision: str  # approve | approve_redacted | reject
    note: str = ""


# -- forms: a command that asks for choices (``/mentorbot choose``) ---------------------------------


@dataclass(frozen=True, slots=True)
class FormOption:
    """One choice in a select menu: ``value`` comes back in the submission, ``label`` is shown."""

    value: str
    label: str
    description: str = ""  # a short second line (platforms cut it: Slack 75, Discord 100 characters)


@dataclass(frozen=True, slots=True)
class FormField:
    """One select menu of a form: one value (``multiple`` False) or up to ``max_values``."""

    key: str
    label: str
    options: tuple[FormOption, ...]
    multiple: bool = False
    max_values: int = 1
    required: bool = False
    initial: tuple[str, ...] = ()  # values already chosen, shown as selected
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Form:
    """What a command asks the person to fill in, privately; each adapter renders it its own way
    (Slack: a modal; Discord: select menus in an ephemeral message; console: numbered text)."""

    form_id: str  # comes back in the submission, e.g. "choose:student:12"
    title: str  # short: Slack modal titles take 24 characters
    intro: str
    fields: tuple[FormField, ...]
    submit_label: str = "Save"

    def field(self, key: str) -> FormField | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True, slots=True)
class FormSubmission:
    """What someone chose in a form. A platform that saves each menu as it changes (Discord)
    sends only that field; a modal (Slack) sends every field at once."""

    platform: str
    workspace: str
    user_id: str
    form_id: str
    values: dict[str, tuple[str, ...]]
    channel: ChannelRef | None = None  # where the command was typed (for a follow-up notice)


@dataclass(frozen=True, slots=True)
class FormResult:
    """The core's answer: ``errors`` (field key -> what to fix) keep a modal open; ``message`` is
    shown privately to the person."""

    message: str
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class AlertRequest:
    """A coordinator pressing a button on an alert card (``pause_match`` on a pattern alert)."""

    platform: str
    workspace: str
    user_id: str
    alert_id: int
    action: str  # pause_match


@dataclass(frozen=True, slots=True)
class OutboundMail:
    """An e-mail the core asks the mail sender to deliver (one recipient).

    ``message_id`` is stable across retries (the ``Message-ID`` header), so a mail client can tell
    a resend after a lost reply from a new message.
    """

    to_address: str
    to_name: str
    subject: str
    body: str
    message_id: str

