"""The adapter port: the handful of methods every platform implements (STYLE.md point 2).

Adapters hold no policy, no SQL and no business rules. The core pushes work through these
methods only; capabilities are flags so the core never branches on the platform's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.types import (
    ChannelRef,
    CommandRequest,
    Inbound,
    Outbound,
    ReviewCard,
    ReviewOutcome,
    ReviewRequest,
)


class CoreGateway(Protocol):
    """What an adapter may ask of the core. Every call returns after the core has recorded it."""

    async def handle(self, event: Inbound) -> None:
        """Take one inbound message event (deduplicated, policed, logged, queued)."""

    async def run_command(self, request: CommandRequest) -> str:
        """Run a ``/mentorbot`` command; the reply is shown privately to the caller."""

    async def decide_review(self, request: ReviewRequest) -> str:
        """Act on a review button; the reply is shown privately to the coordinator."""

    async def supervised_channels(self, platform: str) -> list[ChannelRef]:
        """The active supervised channels on one platform (for backfill and set-up checks)."""

    async def last_logged_message_id(self, channel: ChannelRef) -> str | None:
        """The platform id of the newest message logged from this channel (backfill start)."""

    async def channel_linked_at(self, channel: ChannelRef) -> datetime | None:
        """When a coordinator linked this channel (catch-up start when nothing is logged yet)."""

    async def report_members(
        self, channel: ChannelRef, user_ids: list[str], *, coordinator_can_see: bool
    ) -> None:
        """Hand the core a channel's member list so it can report unsafe set-ups."""


@dataclass(frozen=True, slots=True)
class Capabilities:
    threads: bool = False
    sender_identity: bool = False  # can post under another display name and avatar
    ephemeral: bool = False  # can show a notice to one user only in a channel
    edit: bool = True
    delete: bool = True
    review_buttons: bool = False
    max_length: int = 40_000


class DeliveryError(Exception):
    """Raised by an adapter when a send/edit/delete fails.

    ``permanent`` errors (channel gone, bot removed, token revoked) stop retrying and raise an
    alert; others are retried with backoff, or after ``retry_after`` seconds when the platform
    said so (HTTP 429).
    """

    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


@runtime_checkable
class Adapter(Protocol):
    """One platform connection. ``name`` equals ``ChannelRef.platform`` of its channels."""

    name: str
    capabilities: Capabilities

    async def start(self, core: CoreGateway) -> None:
        """Connect and begin pushing inbound events to ``core``; return once connected."""

    async def send(self, message: Outbound) -> str:
        """Post a message; return the platform's message id."""

    async def edit(self, channel: ChannelRef, message_id: str, text: str) -> None:
        """Replace the text of a message the bot posted earlier."""

    async def delete(self, channel: ChannelRef, message_id: str) -> None:
        """Remove a message the bot posted earlier (a retraction)."""

    async def notify_private(
        self, channel: ChannelRef, user_id: str, text: str, *, message_id: str | None = None
    ) -> None:
        """Tell one person something only they see (ephemeral notice, or the closest thing).

        ``message_id`` is the platform id of the person's message the notice is about, when there
        is one (platforms without ephemeral notices mark that message).
        """

    async def post_review(self, channel: ChannelRef, card: ReviewCard) -> str:
        """Post a review card (hold or alert) to a coordinator channel; return its message id."""

    async def update_review(
        self, channel: ChannelRef, message_id: str, card: ReviewCard, outcome: ReviewOutcome
    ) -> None:
        """Show on the card who decided and when."""

    async def list_members(self, channel: ChannelRef) -> list[str]:
        """Platform user ids of everyone who can read the channel (humans only)."""

    async def stop(self) -> None:
        """Disconnect cleanly."""
