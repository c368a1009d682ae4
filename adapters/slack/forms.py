"""Pure conversions between the core's ``Form`` and a Slack modal, and back from ``view_submission``.

A form is a modal (``views.open`` with the slash command's ``trigger_id``): one ``input`` block
per field, its ``block_id`` the field's key, with a ``static_select`` (or ``multi_static_select``)
whose ``action_id`` is ``value``. ``private_metadata`` carries the form id and the channel where
the command was typed, so the confirmation can be shown there. Limits from the Block Kit
reference (checked 2026-12): modal title and button text 24 characters, option text and
description 75, option value 150, 100 options per select, private_metadata 3,000.
"""

from __future__ import annotations

import json
from typing import Any

from bot.messages import ChannelRef, Form, FormField, FormOption, FormSubmission

CALLBACK_ID = "mentorbot:form"
ACTION_ID = "value"
TITLE_MAX = 24
OPTION_TEXT_MAX = 75
OPTIONS_MAX = 100
PLATFORM = "slack"


def _plain(text: str, limit: int) -> dict[str, Any]:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": text, "emoji": True}


def _option(option: FormOption) -> dict[str, Any]:
    out: dict[str, Any] = {"text": _plain(option.label, OPTION_TEXT_MAX), "value": option.value[:150]}
    if option.description:
        out["description"] = _plain(option.description, OPTION_TEXT_MAX)
    return out


def _element(field: FormField) -> dict[str, Any]:
    options = [_option(o) for o in field.options[:OPTIONS_MAX]]
    chosen = [
        o for o, raw in zip(options, field.options[:OPTIONS_MAX], strict=True) if raw.value in field.initial
    ]
    element: dict[str, Any] = {
        "action_id": ACTION_ID,
        "options": options,
        "placeholder": _plain("Choose…", 150),
    }
    if field.multiple:
        element["type"] = "multi_static_select"
        element["max_selected_items"] = max(1, field.max_values)
        if chosen:
            element["initial_options"] = chosen
    else:
        element["type"] = "static_select"
        if chosen:
            element["initial_option"] = chosen[0]
    return element


def modal(form: Form, channel: ChannelRef) -> dict[str, Any]:
    """The ``view`` for ``views.open``."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": form.intro[:3000]}}
    ]
    for field in form.fields:
        block: dict[str, Any] = {
            "type": "input",
            "block_id": field.key,
            "optional": not field.required,
            "label": _plain(field.label, 2000),
            "element": _element(field),
        }
        if field.hint:
            block["hint"] = _plain(field.hint, 2000)
        blocks.append(block)
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(form.title, TITLE_MAX),
        "submit": _plain(form.submit_label, TITLE_MAX),
        "close": _plain("Cancel", TITLE_MAX),
        "private_metadata": json.dumps({"form": form.form_id, "channel": channel.channel}),
        "blocks": blocks,
    }


def submission(body: dict[str, Any]) -> FormSubmission | None:
    """A ``view_submission`` body -> FormSubmission (None when it is not one of our forms)."""
    view = body.get("view") or {}
    if view.get("callback_id") != CALLBACK_ID:
        return None
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return None
    team = (body.get("team") or {}).get("id") or view.get("team_id") or ""
    values: dict[str, tuple[str, ...]] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        state = actions.get(ACTION_ID) or {}
        if state.get("type") == "multi_static_select":
            values[block_id] = tuple(o["value"] for o in state.get("selected_options") or [])
        else:
            chosen = state.get("selected_option")
            values[block_id] = (chosen["value"],) if chosen else ()
    channel = ChannelRef(PLATFORM, team, meta["channel"]) if meta.get("channel") else None
    return FormSubmission(
        platform=PLATFORM,
        workspace=team,
        user_id=(body.get("user") or {}).get("id", ""),
        form_id=str(meta.get("form", "")),
        values=values,
        channel=channel,
    )


def errors_response(errors: dict[str, str], fields: set[str]) -> dict[str, str]:
    """Slack's ``response_action: errors`` map: block id -> message (unknown fields go on the first)."""
    out: dict[str, str] = {}
    for key, message in errors.items():
        target = key if key in fields else (sorted(fields)[0] if fields else key)
        out[target] = message[:150]
    return out
