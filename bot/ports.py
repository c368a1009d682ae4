"""The adapter port: the handful of methods every platform implements (STYLE.md point 2).

Adapters hold no policy, no SQL and no business rules. The core pushes work through ``Adapter``;
an adapter pushes platform events through ``CoreGateway``. What the core must know about a
platform without connecting to it (pacing limits, how a message points at a channel) is data in
``PlatformFacts``, declared by each adapter package and collected by ``adapters.registry``, so
the core never branches on a platform's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.messages import (
    ChannelRef,
    CommandRequest,
    Inbound,
    Outbound,
    ReviewCard,
    ReviewOutcome,
    ReviewRequest,
)


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``count`` calls in any window of ``seconds``."""

    count: int
    seconds: float = 1.0


@dataclass(frozen=True, slots=True)
class PlatformLimits:
    """A platform's published rate limits, per scope (None: that scope is not limited)."""

    per_bot: Rate | None = None
    per_workspace: Rate | None = None
    per_channel: Rate | None = None


@dataclass(frozen=True, slots=True)
class PlatformFacts:
    """What the core knows about a platform without connecting to it."""

    name: str  # equals ``ChannelRef.platform`` and the adapter's ``name``
    limits: PlatformLimits = PlatformLimits()  # the delivery worker paces calls under these
    channel_mention: str = "#{channel}"  # how a message points at a channel (``{channel}``: its id)

    def mention(self, channel: str) -> str:
        return self.channel_mention.format(channel=channel)


@dataclass(frozen=True, slots=True)
class Members:
    """Who can read a channel, for the core's unsafe set-up check."""

    user_ids: tuple[str, ...]  # platform user ids of the humans who can read it
    coordinator_can_see: bool  # the platform itself shows it to coordinators (public, a role)


@dataclass(frozen=True, slots=True)
class FollowedChannel:
    """A supervised channel an adapter follows: where a catch-up after downtime starts."""

    channel: ChannelRef
    last_logged_message_id: str | None  # the newest message the log has from it
    linked_at: datetime | None = None  # when it was linked: the start while nothing is logged yet


class CoreGateway(Protocol):
    """What an adapter may ask of the core. Every call returns after the core has recorded it."""

    async def handle(self, event: Inbound) -> None:
        """Take one inbound message event (deduplicated, policed, logged, queued)."""

    async def run_command(self, request: CommandRequest) -> str:
        """Run a ``/mentorbot`` command; the reply is shown privately to the caller."""

    async def decide_review(self, request: ReviewRequest) -> str:
        """Act on a review button; the reply is shown privately to the coordinator."""

    async def supervised_channels(self, platform: str) -> list[FollowedChannel]:
        """The active supervised channels on one platform (for backfill and set-up checks)."""

    async def check_channel(self, channel: ChannelRef) -> None:
        """Who can read this channel may have changed: ask the adapter and report unsafe set-ups."""


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
    facts: PlatformFacts

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

    async def members(self, channel: ChannelRef) -> Members:
        """Who can read the channel (humans only), and whether the platform shows it to coordinators."""

    async def stop(self) -> None:
        """Disconnect cleanly."""
