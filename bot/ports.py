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
    AlertRequest,
    ChannelRef,
    CommandRequest,
    Form,
    FormResult,
    FormSubmission,
    Inbound,
    Outbound,
    OutboundMail,
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
    menu_options: int = 100  # the most options one select menu of a form shows

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

    async def run_command(self, request: CommandRequest) -> str | Form:
        """Run a ``/mentorbot`` command; the reply is shown privately to the caller.

        A command that asks for choices (``choose``) answers with a ``Form`` the adapter shows
        privately; what the person picks comes back through ``submit_form``.
        """

    async def submit_form(self, submission: FormSubmission) -> FormResult:
        """Take what someone chose in a form; the result's message is shown privately to them."""

    async def decide_review(self, request: ReviewRequest) -> str:
        """Act on a review button; the reply is shown privately to the coordinator."""

    async def act_on_alert(self, request: AlertRequest) -> str:
        """Act on an alert card's button (pause the match); the reply is shown privately."""

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
        self, channel: ChannelRef, message_id: str, card: ReviewCard, outcome: ReviewOutcome | None
    ) -> None:
        """Show on the card who decided and when; with no ``outcome``, the hold is still open but
        what it allows changed (a gate cleared): show the card's buttons again (``card.decisions``)."""

    async def members(self, channel: ChannelRef) -> Members:
        """Who can read the channel (humans only), and whether the platform shows it to coordinators."""

    async def stop(self) -> None:
        """Disconnect cleanly."""


# -- what replicas need of an adapter (optional: an adapter without these serves everything) ------
#
# ``serves(channel) -> bool``: whether this process receives the channel's events (Discord: its
# gateway shard); the daily set-up check and catch-ups skip the others. ``stop_intake()``: take no
# more events but keep sending (graceful shutdown). ``is_connected()``: for readiness. ``errors``:
# a Counter of failed platform calls by kind (rate_limited, server_error, client_error, network).


def adapter_serves(adapter: object | None, channel: ChannelRef) -> bool:
    """Whether ``adapter`` receives ``channel``'s events in this process (no adapter: no)."""
    if adapter is None:
        return False
    serves = getattr(adapter, "serves", None)
    return True if serves is None else bool(serves(channel))


async def stop_intake(adapter: object) -> None:
    """Ask an adapter to take no more events before the process drains its deliveries."""
    stop = getattr(adapter, "stop_intake", None)
    if stop is not None:
        await stop()
class MailSender(Protocol):
    """Delivers e-mail (``adapters/email``: SMTP). Raises ``DeliveryError`` when the server refuses
    or cannot be reached; ``permanent`` when retrying cannot help (the address was rejected)."""

    async def send(self, mail: OutboundMail) -> None: ...
