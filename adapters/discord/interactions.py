"""Slash command ``/mentorbot`` and persistent review buttons: forwarded to the core, answered ephemerally."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord.convert import (
    ALERT_ID_RE,
    DM_WORKSPACE,
    PLATFORM,
    REVIEW_ID_RE,
    ButtonSpec,
    split_text,
)
from adapters.discord.forms import content, form_view
from bot.messages import AlertRequest, ChannelRef, CommandRequest, Form, ReviewRequest

if TYPE_CHECKING:
    from bot.ports import CoreGateway

logger = logging.getLogger(__name__)

STYLES = {
    "success": discord.ButtonStyle.success,
    "secondary": discord.ButtonStyle.secondary,
    "danger": discord.ButtonStyle.danger,
}


def _core(interaction: discord.Interaction) -> CoreGateway:
    """The core the adapter behind this client reports to (``MentorClient.adapter.core``)."""
    return interaction.client.adapter.core  # type: ignore[attr-defined]


def _channel_ref(interaction: discord.Interaction) -> ChannelRef:
    channel = interaction.channel
    channel_id = interaction.channel_id or 0
    parent = getattr(channel, "parent_id", None) if isinstance(channel, discord.Thread) else None
    workspace = str(interaction.guild_id) if interaction.guild_id else DM_WORKSPACE
    return ChannelRef(PLATFORM, workspace, str(parent or channel_id))


async def _answer(interaction: discord.Interaction, text: str | Form) -> None:
    """Send the core's reply, visible to the caller only, in as many parts as it needs (a form:
    its select menus, ``adapters.discord.forms``)."""
    if isinstance(text, Form):
        await interaction.followup.send(content(text.intro), view=form_view(text), ephemeral=True,
                                        allowed_mentions=discord.AllowedMentions.none())
        return
    for part in split_text(text) or ["Done."]:
        await interaction.followup.send(part, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button], template=REVIEW_ID_RE):  # type: ignore[misc]
    """A review button whose custom id carries the review and the decision, so it works after a restart."""

    def __init__(self, spec: ButtonSpec) -> None:
        super().__init__(
            discord.ui.Button(label=spec.label, style=STYLES[spec.style], custom_id=spec.custom_id)
        )
        match = REVIEW_ID_RE.fullmatch(spec.custom_id)
        assert match is not None
        self.review_id = int(match.group("review"))
        self.decision = match.group("decision")

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ReviewButton:
        return cls(ButtonSpec(item.custom_id or match.group(0), item.label or "", "secondary"))

    async def callback(self, interaction: discord.Interaction) -> Any:
        core = _core(interaction)
        user = interaction.user
        logger.info("<= review button %s:%s by %s", self.review_id, self.decision, user.id)
        # Who may decide is the core's call (the roster's coordinators), not a Discord role's.
        await interaction.response.defer(ephemeral=True, thinking=True)
        request = ReviewRequest(
            platform=PLATFORM,
            workspace=str(interaction.guild_id or DM_WORKSPACE),
            user_id=str(user.id),
            review_id=self.review_id,
            decision=self.decision,
        )
        try:
            reply = await core.decide_review(request)
        except Exception:
            logger.exception("decide_review failed for review %s", self.review_id)
            reply = "Sorry, that did not work; nothing was changed. Please try again."
        await _answer(interaction, reply)


class AlertButton(discord.ui.DynamicItem[discord.ui.Button], template=ALERT_ID_RE):  # type: ignore[misc]
    """An alert card's button (Pause this match), working after a restart like the review buttons."""

    def __init__(self, spec: ButtonSpec) -> None:
        super().__init__(
            discord.ui.Button(label=spec.label, style=STYLES[spec.style], custom_id=spec.custom_id)
        )
        match = ALERT_ID_RE.fullmatch(spec.custom_id)
        assert match is not None
        self.alert_id = int(match.group("alert"))
        self.action = match.group("action")

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> AlertButton:
        return cls(ButtonSpec(item.custom_id or match.group(0), item.label or "", "danger"))

    async def callback(self, interaction: discord.Interaction) -> Any:
        logger.info("<= alert button %s:%s by %s", self.alert_id, self.action, interaction.user.id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        request = AlertRequest(platform=PLATFORM, workspace=str(interaction.guild_id or DM_WORKSPACE),
                               user_id=str(interaction.user.id), alert_id=self.alert_id, action=self.action)
        try:
            reply = await _core(interaction).act_on_alert(request)
        except Exception:
            logger.exception("act_on_alert failed for alert %s", self.alert_id)
            reply = "Sorry, that did not work; nothing was changed. Please try again."
        await _answer(interaction, reply)


def review_view(specs: list[ButtonSpec]) -> discord.ui.View | None:
    if not specs:
        return None
    view = discord.ui.View(timeout=None)
    for spec in specs:
        view.add_item(AlertButton(spec) if ALERT_ID_RE.fullmatch(spec.custom_id) else ReviewButton(spec))
    return view


def build_tree(client: discord.Client) -> app_commands.CommandTree:
    """The command tree with ``/mentorbot <command>`` (same verbs as Slack's ``/mentorbot``)."""
    tree = app_commands.CommandTree(client)

    @tree.command(name="mentorbot", description="mentorbot: help, status and coordinator commands")
    @app_commands.describe(command="What to do, for example: help")
    async def mentorbot(interaction: discord.Interaction, command: str = "help") -> None:
        core = _core(interaction)
        request = CommandRequest(
            channel=_channel_ref(interaction),
            user_id=str(interaction.user.id),
            user_name=interaction.user.display_name,
            text=command.strip(),
        )
        logger.info("<= /mentorbot %r by %s in %s", request.text, request.user_id, request.channel)
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            reply = await core.run_command(request)
        except Exception:
            logger.exception("run_command failed for %r", request.text)
            reply = "Sorry, that command failed. The coordinator can find the details in the bot's log."
        await _answer(interaction, reply)

    return tree


def command_shape(payload: dict[str, Any]) -> tuple[Any, ...]:
    """What users see of a command (type, name, description, options), from either side's payload."""
    options = tuple(
        (o.get("name"), o.get("type"), o.get("description"), bool(o.get("required")),
         tuple((c.get("name"), c.get("value")) for c in o.get("choices") or ()),
         command_shape({"options": o.get("options") or ()})[3])
        for o in payload.get("options") or ()
    )
    return (payload.get("type", 1), payload.get("name"), payload.get("description"), options)


async def needs_sync(tree: app_commands.CommandTree, guild: discord.abc.Snowflake) -> bool:
    """True when the guild's registered commands differ from the tree's (Discord allows only a few
    command updates a day per guild, so an unchanged command is not registered again)."""
    ours = sorted(command_shape(cmd.to_dict(tree)) for cmd in tree.get_commands(guild=guild))
    theirs = sorted(command_shape(cmd.to_dict()) for cmd in await tree.fetch_commands(guild=guild))
    return ours != theirs
