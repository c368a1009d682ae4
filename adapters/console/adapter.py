"""A real adapter whose "platform" is memory and a terminal.

It implements the same port as Slack and Discord, keeps what each channel and person has seen
(tests assert on that state, STYLE.md point 7) and can print every platform action as it happens.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from adapters.console.facts import FACTS
from bot.messages import ChannelRef, Inbound, InboundKind, Outbound, ReviewCard, ReviewOutcome
from bot.ports import Capabilities, CoreGateway, DeliveryError, Members

logger = logging.getLogger(__name__)

PLATFORM = FACTS.name
CHANNEL_MENTION = re.compile(r"<#([^>\s]+)>")


@dataclass
class Posted:
    """A message as it sits in a console channel."""

    id: str
    channel: ChannelRef
    author: str  # a user id, or the display name the bot posted under
    text: str
    thread_id: str | None = None
    by_bot: bool = False
    deleted: bool = False
    edits: list[str] = field(default_factory=list)


class ConsoleAdapter:
    """Console channels in memory. ``say`` plays a person typing; deliveries land in ``channels``."""

    name = PLATFORM
    facts = FACTS
    capabilities = Capabilities(threads=True, sender_identity=True, ephemeral=True, review_buttons=False)

    def __init__(self, *, workspace: str = "demo", echo: Callable[[str], None] | None = None,
                 clock: Callable[[], datetime] | None = None):
        self.workspace = workspace
        self.echo = echo
        self._clock = clock or (lambda: datetime.now(UTC))
        self._ids = itertools.count(1)
        self._core: CoreGateway | None = None
        self.channels: dict[ChannelRef, list[Posted]] = {}
        self.private: dict[str, list[str]] = {}  # user id -> notices only they saw
        self.review_cards: dict[str, tuple[ReviewCard, ReviewOutcome | None]] = {}
        self.readers: dict[ChannelRef, list[str]] = {}  # channel -> user ids who can read it
        self.failing: dict[ChannelRef, DeliveryError] = {}  # channel -> error to raise (outage tests)
        self.sent_keys: dict[str, str] = {}  # idempotency key -> message id (crash-safe resends)

    # -- the port ---------------------------------------------------------------------------------

    async def start(self, core: CoreGateway) -> None:
        self._core = core

    async def stop(self) -> None:
        self._core = None

    async def send(self, message: Outbound) -> str:
        self._maybe_fail(message.channel)
        if message.idempotency_key in self.sent_keys:
            return self.sent_keys[message.idempotency_key]
        posted = self._post(message.channel, message.sender_name or "mentorbot", message.text,
                            thread_id=message.thread_id, by_bot=True)
        self.sent_keys[message.idempotency_key] = posted.id
        self._say(f"[{message.channel.channel}] {posted.author}: {message.text}")
        return posted.id

    async def edit(self, channel: ChannelRef, message_id: str, text: str) -> None:
        self._maybe_fail(channel)
        posted = self._find(channel, message_id)
        posted.edits.append(posted.text)
        posted.text = text
        self._say(f"[{channel.channel}] (edited) {posted.author}: {text}")

    async def delete(self, channel: ChannelRef, message_id: str) -> None:
        self._maybe_fail(channel)
        posted = self._find(channel, message_id)
        posted.deleted = True
        self._say(f"[{channel.channel}] (retracted) a message from {posted.author} was removed")

    async def notify_private(self, channel: ChannelRef, user_id: str, text: str, *,
                             message_id: str | None = None) -> None:
        self._maybe_fail(channel)
        self.private.setdefault(user_id, []).append(text)
        self._say(f"(only {user_id} sees this in {channel.channel}) mentorbot: {text}")

    async def post_review(self, channel: ChannelRef, card: ReviewCard) -> str:
        self._maybe_fail(channel)
        posted = self._post(channel, "mentorbot", card.text, by_bot=True)
        self.review_cards[posted.id] = (card, None)
        kind = "URGENT ALERT" if card.urgent else ("alert" if card.review_id is None else "held message")
        handle = f" #{card.review_id}" if card.review_id is not None else ""
        rules = ", ".join(card.rules) or "-"
        reasons = "; ".join(card.reasons)
        self._say(f"[{channel.channel}] {kind}{handle} ({card.match_id}) {card.sender_name}: "
                  f"{card.text!r} rules: {rules}" + (f" — {reasons}" if reasons else ""))
        self._say_choices(channel, card)
        return posted.id

    def _say_choices(self, channel: ChannelRef, card: ReviewCard) -> None:
        """The demo commands that work on an open hold (the console's "buttons")."""
        if card.review_id is None:
            return
        verbs = {"approve": "/approve", "approve_redacted": "/redact", "reject": "/reject"}
        choices = ", ".join(f"{verbs[d]} {card.review_id}" for d in card.decisions)
        if card.held_because:
            choices += f", /override {card.review_id} {','.join(card.gates)} REASON"
            self._say(f"[{channel.channel}]   {card.held_because}")
        self._say(f"[{channel.channel}]   decide: {choices}")

    async def update_review(self, channel: ChannelRef, message_id: str, card: ReviewCard,
                            outcome: ReviewOutcome | None) -> None:
        self._maybe_fail(channel)
        self.review_cards[message_id] = (card, outcome)
        if outcome is None:  # still open, but a gate cleared: other choices now
            self._say(f"[{channel.channel}] held message #{card.review_id}: its program rules changed")
            self._say_choices(channel, card)
            return
        decision = outcome.decision.replace("_", " ")
        self._say(f"[{channel.channel}] held message #{outcome.review_id}: {decision} "
                  f"by {outcome.decided_by}")

    async def members(self, channel: ChannelRef) -> Members:
        """Who a test put in ``readers``; coordinators are found by the core's roster check."""
        return Members(tuple(self.readers.get(channel, [])), coordinator_can_see=False)

    # -- playing the people -----------------------------------------------------------------------

    async def say(self, user_id: str, channel: str, text: str, *, name: str = "",
                  thread_id: str | None = None, direct: bool = False, attachments: int = 0) -> str:
        """A person posts ``text`` in a channel (or a DM to the bot); returns the message id."""
        ref = self.ref(channel)
        posted = self._post(ref, user_id, text, thread_id=thread_id)
        await self._push(Inbound(kind=InboundKind.MESSAGE, channel=ref, message_id=posted.id,
                                 event_key=f"msg:{posted.id}", author_id=user_id, author_name=name,
                                 text=text, sent_at=self._clock(), thread_id=thread_id,
                                 attachment_count=attachments, is_direct=direct))
        return posted.id

    async def edit_own(self, user_id: str, channel: str, message_id: str, text: str) -> None:
        ref = self.ref(channel)
        posted = self._find(ref, message_id)
        posted.edits.append(posted.text)
        posted.text = text
        await self._push(Inbound(kind=InboundKind.EDIT, channel=ref, message_id=message_id,
                                 event_key=f"edit:{message_id}:{len(posted.edits)}", author_id=user_id,
                                 text=text, sent_at=self._clock()))

    async def delete_own(self, user_id: str, channel: str, message_id: str) -> None:
        ref = self.ref(channel)
        self._find(ref, message_id).deleted = True
        await self._push(Inbound(kind=InboundKind.DELETE, channel=ref, message_id=message_id,
                                 event_key=f"delete:{message_id}", author_id=user_id,
                                 sent_at=self._clock()))

    async def replay(self, event: Inbound) -> None:
        """Deliver an already-seen platform event again (a retry or a reconnect replay)."""
        await self._push(event)

    def ref(self, channel: str) -> ChannelRef:
        return ChannelRef(PLATFORM, self.workspace, channel)

    def visible(self, channel: str) -> list[Posted]:
        """What someone reading this channel sees now (retracted messages are gone)."""
        return [p for p in self.channels.get(self.ref(channel), []) if not p.deleted]

    # -- internals --------------------------------------------------------------------------------

    async def _push(self, event: Inbound) -> None:
        if self._core is None:
            raise RuntimeError("console adapter is not started")
        await self._core.handle(event)

    def _post(self, ref: ChannelRef, author: str, text: str, *, thread_id: str | None = None,
              by_bot: bool = False) -> Posted:
        posted = Posted(id=f"c{next(self._ids)}", channel=ref, author=author, text=text,
                        thread_id=thread_id, by_bot=by_bot)
        self.channels.setdefault(ref, []).append(posted)
        return posted

    def _find(self, ref: ChannelRef, message_id: str) -> Posted:
        for posted in self.channels.get(ref, []):
            if posted.id == message_id:
                return posted
        raise DeliveryError(f"message {message_id} not found in {ref}", permanent=True)

    def _maybe_fail(self, ref: ChannelRef) -> None:
        if ref in self.failing:
            raise self.failing[ref]

    def _say(self, line: str) -> None:
        line = CHANNEL_MENTION.sub(r"#\1", line)
        logger.info("=> %s", line)
        if self.echo:
            self.echo(line)
