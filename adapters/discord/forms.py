"""A core ``Form`` as select menus in an ephemeral message, saved one menu at a time.

Each field is a string select (one action row each; a message holds five rows, a select 25
options: Discord API reference, checked 2026-12) whose ``custom_id`` carries the form id and the
field, so a choice works after a restart without any state here. When someone picks, the core
saves that field at once (``submit_form``) and the message is updated in place (interaction
response type 7) with the pick shown as selected and the core's answer under the intro.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from adapters.discord.convert import DM_WORKSPACE, PLATFORM
from bot.messages import ChannelRef, Form, FormField, FormSubmission

if TYPE_CHECKING:
    from bot.ports import CoreGateway

logger = logging.getLogger(__name__)

FORM_ID_RE = re.compile(r"mentorbot:form:(?P<form>[a-z]+:\d+:\d+):(?P<field>[a-z0-9_]+)")
ROWS_MAX = 5
OPTIONS_MAX = 25
TEXT_MAX = 100
CONTENT_MAX = 2000


def custom_id(form: Form, field: FormField) -> str:
    return f"mentorbot:form:{form.form_id}:{field.key}"


def _select(form: Form, field: FormField) -> discord.ui.Select:
    options = [
        discord.SelectOption(
            label=o.label[:TEXT_MAX],
            value=o.value[:TEXT_MAX],
            description=o.description[:TEXT_MAX] or None,
            default=o.value in field.initial,
        )
        for o in field.options[:OPTIONS_MAX]
    ]
    most = max(1, min(field.max_values, len(options))) if field.multiple else 1
    return discord.ui.Select(
        custom_id=custom_id(form, field),
        placeholder=field.label[:150],
        options=options,
        min_values=0 if (field.multiple or not field.required) else 1,
        max_values=most,
    )


def form_view(form: Form) -> discord.ui.View:
    """The select menus of a form (the first five fields: the core keeps forms that small)."""
    view = discord.ui.View(timeout=None)
    for row, field in enumerate(form.fields[:ROWS_MAX]):
        item = FormSelect(_select(form, field))
        item.item.row = row
        view.add_item(item)
    return view


def content(intro: str, note: str = "") -> str:
    text = intro + (f"\n\n{note}" if note else "")
    return text[:CONTENT_MAX]


def _updated_view(message: discord.Message | None, changed: str, values: list[str]) -> discord.ui.View | None:
    """The message's menus again, with ``changed`` now showing ``values`` as selected."""
    if message is None:
        return None
    view = discord.ui.View(timeout=None)
    for row, item in enumerate(discord.ui.View.from_message(message, timeout=None).children):
        if not isinstance(item, discord.ui.Select):
            continue
        if item.custom_id == changed:
            for option in item.options:
                option.default = option.value in values
        item.row = row
        view.add_item(FormSelect(item))
    return view


class FormSelect(discord.ui.DynamicItem[discord.ui.Select], template=FORM_ID_RE):  # type: ignore[misc]
    """A form's select menu, found again from its custom id after a restart."""

    def __init__(self, select: discord.ui.Select) -> None:
        super().__init__(select)
        found = FORM_ID_RE.fullmatch(select.custom_id or "")
        assert found is not None
        self.form_id, self.field = found.group("form"), found.group("field")

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Select, match: re.Match[str], /
    ) -> FormSelect:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> Any:
        core: CoreGateway = interaction.client.adapter.core  # type: ignore[attr-defined]
        values = [str(v) for v in (interaction.data or {}).get("values", [])]  # type: ignore[union-attr]
        workspace = str(interaction.guild_id) if interaction.guild_id else DM_WORKSPACE
        submission = FormSubmission(
            platform=PLATFORM,
            workspace=workspace,
            user_id=str(interaction.user.id),
            form_id=self.form_id,
            values={self.field: tuple(values)},
            channel=ChannelRef(PLATFORM, workspace, str(interaction.channel_id or "")),
        )
        logger.info("<= form %s:%s by %s", self.form_id, self.field, interaction.user.id)
        try:
            result = await core.submit_form(submission)
            note = ("✅ " if result.ok else "⚠️ ") + result.message
        except Exception:
            logger.exception("submit_form failed for %s", self.form_id)
            result, note = None, "⚠️ Sorry, that did not save; nothing was changed. Please try again."
        message = interaction.message
        kept = values if result is not None and result.ok else _defaults(message, self.item.custom_id)
        intro = (message.content if message else "").split("\n\n")[0]
        await interaction.response.edit_message(
            content=content(intro, note), view=_updated_view(message, self.item.custom_id or "", kept)
        )


def _defaults(message: discord.Message | None, changed: str | None) -> list[str]:
    """What the menu showed before this pick (a refused pick is undone on screen too)."""
    if message is None:
        return []
    for row in message.components:
        for component in getattr(row, "children", []):
            if getattr(component, "custom_id", None) == changed:
                return [o.value for o in component.options if o.default]
    return []
