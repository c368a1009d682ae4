"""Notices (reaction + reply on the sender's side, or DM), review cards with buttons, channel members."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from adapters.discord import convert
from adapters.discord.interactions import review_view
from adapters.discord.webhooks import delivery_error
from bot.messages import ChannelRef, ReviewCard, ReviewOutcome
from bot.ports import Members

if TYPE_CHECKING:
    from adapters.discord.inbound import InboundPump, MentorClient

logger = logging.getLogger(__name__)

NOTICE_REACTION = "✋"


class NoticesAndReviews:
    """The part of DiscordAdapter that talks to people rather than relaying between them."""

    client: MentorClient | None
    pump: InboundPump
    notice_mode: str
    coordinator_role: str

    async def _channel(self, ref: ChannelRef) -> Any:
        raise NotImplementedError

    def _ready_client(self) -> MentorClient:
        raise NotImplementedError

    # ------------------------------------------------------------------ outbound: notices and reviews

    async def notify_private(
        self, channel: ChannelRef, user_id: str, text: str, *, message_id: str | None = None
    ) -> None:
        """Mark the sender's message with ✋ and explain in a reply on the sender's side only (or by DM).

        The notice goes to ``channel``, which is the sender's own channel: the other side of the
        match never sees it. ``message_id`` defaults to the sender's latest message there.
        """
        target = await self._channel(channel)
        original = message_id or self.pump.last_seen.get((channel, user_id))
        if original:
            try:
                await target.get_partial_message(int(original)).add_reaction(NOTICE_REACTION)
            except discord.HTTPException as exc:
                logger.warning(
                    "=> could not mark %s with a reaction (needs Add Reactions): %s", original, exc
                )
        mention = discord.AllowedMentions(
            users=[discord.Object(id=int(user_id))], everyone=False, roles=False
        )
        try:
            if self.notice_mode == "dm" and await self._notify_dm(user_id, text):
                return
            ref = (
                discord.MessageReference(
                    message_id=int(original), channel_id=target.id, fail_if_not_exists=False
                )
                if original
                else None
            )
            kwargs: dict[str, Any] = {"allowed_mentions": mention}
            if ref is not None:
                kwargs["reference"] = ref
            await target.send(f"<@{user_id}> {text}", **kwargs)
        except Exception as exc:
            raise delivery_error(exc, f"notice to {user_id} in {channel}") from exc
        logger.info("=> notice to %s in %s", user_id, channel)

    async def _notify_dm(self, user_id: str, text: str) -> bool:
        client = self._ready_client()
        try:
            user = client.get_user(int(user_id)) or await client.fetch_user(int(user_id))
            await user.send(text)
            return True
        except discord.HTTPException as exc:
            logger.info("=> DM to %s refused (%s); replying in the channel instead", user_id, exc)
            return False

    async def post_review(self, channel: ChannelRef, card: ReviewCard) -> str:
        target = await self._channel(channel)
        kwargs: dict[str, Any] = {
            "embed": discord.Embed.from_dict(convert.review_embed(card)),
            "nonce": convert.nonce_for(card.idempotency_key),
            "allowed_mentions": discord.AllowedMentions.none(),
        }
        view = review_view(convert.review_buttons(card))
        if view is not None:
            kwargs["view"] = view
        try:
            sent = await target.send(**kwargs)
        except Exception as exc:
            raise delivery_error(exc, f"review card to {channel}") from exc
        logger.info("=> review card %s in %s", sent.id, channel)
        return str(sent.id)

    async def update_review(
        self, channel: ChannelRef, message_id: str, card: ReviewCard, outcome: ReviewOutcome | None
    ) -> None:
        target = await self._channel(channel)
        embed = discord.Embed.from_dict(convert.review_embed(card, outcome))
        # decided: no buttons; still open (a gate cleared): the buttons the hold allows now
        view = review_view(convert.review_buttons(card)) if outcome is None else None
        try:
            await target.get_partial_message(int(message_id)).edit(embed=embed, view=view)
        except Exception as exc:
            raise delivery_error(exc, f"update review card {message_id}") from exc
        logger.info("=> review card %s: %s", message_id, outcome.decision if outcome else "buttons changed")

    # ------------------------------------------------------------------ membership

    async def members(self, channel: ChannelRef) -> Members:
        """Humans who can view the channel, and whether someone with the coordinator role can."""
        target = await self._channel(channel)
        guild = getattr(target, "guild", None)
        if guild is None:
            return Members((), coordinator_can_see=self.coordinator_can_see(channel))
        readers = [str(m.id) for m in guild.members if not m.bot and target.permissions_for(m).view_channel]
        return Members(tuple(readers), coordinator_can_see=self.coordinator_can_see(channel))

    def is_coordinator(self, user: Any) -> bool:
        return any(r.name.lower() == self.coordinator_role for r in getattr(user, "roles", []))

    def coordinator_can_see(self, channel: ChannelRef) -> bool:
        """Whether someone with the coordinator role can read the channel.

        Without such a role in the server the adapter cannot tell, and says True: the core's
        own check (roster coordinators among ``members``) decides then.
        """
        target = self.client.get_channel(int(channel.channel)) if self.client else None
        guild = getattr(target, "guild", None)
        if guild is None:
            return False
        if not any(r.name.lower() == self.coordinator_role for r in guild.roles):
            return True
        return any(
            self.is_coordinator(m) and target.permissions_for(m).view_channel
            for m in guild.members
            if not m.bot
        )
