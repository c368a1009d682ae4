"""Modals in the fake Slack: ``views.open`` with a trigger id, and the ``view_submission`` a person
sends when they press the modal's submit button.

Behaviour follows Slack's documentation (checked 2026-12), not what mentorbot expects:
- a ``trigger_id`` comes from an interaction payload (a slash command, a button); it works once
  and only for 3 seconds (``expired_trigger_id`` / ``invalid_trigger_id`` otherwise);
- a modal is validated: title and button texts at most 24 characters, at most 100 blocks, unique
  ``block_id``s, a select's options 1-100 with texts and descriptions of at most 75 characters and
  values of at most 150, ``private_metadata`` at most 3,000 (``invalid_arguments`` otherwise,
  with the reason in ``response_metadata.messages``, as Slack answers);
- ``views.open`` returns the view with its ``id``, ``team_id``, ``hash`` and an empty ``state``;
- in a submission, ``view.state.values`` holds every input block: ``{block_id: {action_id:
  {"type": "static_select", "selected_option": {...} | None}}}`` (``selected_options`` for a
  multi select). The Slack client lets a person pick only the options shown and refuses to
  submit while a required input is empty; ``view_submission`` enforces the same, so a test cannot
  send what a person could not.
"""

from __future__ import annotations

import itertools
import time
import uuid
from typing import Any

TRIGGER_SECONDS = 3.0
_view_ids = itertools.count(1)


class SlackViewsMixin:
    """Mixed into ``FakeSlack``: ``views`` (view id -> view) and the ``views.open`` handler."""

    def _init_views(self) -> None:
        self.views: dict[str, dict[str, Any]] = {}
        self.triggers: dict[str, tuple[str, str, float]] = {}  # trigger id -> (team, user, issued)

    def issue_trigger(self, payload: dict[str, Any]) -> None:
        """Remember the trigger id of an interaction payload pushed to the app (called by ``push``)."""
        trigger = payload.get("trigger_id")
        if trigger:
            team = payload.get("team_id") or (payload.get("team") or {}).get("id", "")
            user = payload.get("user_id") or (payload.get("user") or {}).get("id", "")
            self.triggers[trigger] = (team, user, time.monotonic())

    def _m_views_open(self, w: Any, args: dict[str, Any]) -> dict[str, Any]:
        from fakes.slack_server import _maybe_json

        trigger = self.triggers.pop(args.get("trigger_id", ""), None)
        if trigger is None or trigger[0] != w.team_id:
            return {"ok": False, "error": "invalid_trigger_id"}
        if time.monotonic() - trigger[2] > TRIGGER_SECONDS:
            return {"ok": False, "error": "expired_trigger_id"}
        view = _maybe_json(args.get("view"))
        problems = view_problems(view) if isinstance(view, dict) else ["view must be an object"]
        if problems:
            return {
                "ok": False,
                "error": "invalid_arguments",
                "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
            }
        view_id = f"V{next(_view_ids):08d}"
        stored = {
            **view,
            "id": view_id,
            "team_id": w.team_id,
            "app_id": f"A{w.team_id}",
            "bot_id": w.bot_id,
            "state": {"values": {}},
            "hash": uuid.uuid4().hex[:16],
            "root_view_id": view_id,
            "previous_view_id": None,
            "external_id": "",
            "clear_on_close": False,
            "notify_on_close": False,
            "_user": trigger[1],
        }
        self.views[view_id] = stored
        return {"ok": True, "view": {k: v for k, v in stored.items() if not k.startswith("_")}}

    def opened_views(self, user: str | None = None) -> list[dict[str, Any]]:
        return [v for v in self.views.values() if user is None or v["_user"] == user]


def _text_len(obj: dict[str, Any] | None) -> int:
    return len((obj or {}).get("text", ""))


def view_problems(view: dict[str, Any]) -> list[str]:
    """What Slack would refuse in a modal view."""
    problems = []
    if view.get("type") != "modal":
        problems.append("view.type must be modal")
    for key in ("title", "submit", "close"):
        if key in view and _text_len(view[key]) > 24:
            problems.append(f"must be less than 25 characters [json-pointer:/view/{key}/text]")
    if not view.get("title"):
        problems.append("missing required field: title [json-pointer:/view/title]")
    blocks = view.get("blocks") or []
    if len(blocks) > 100:
        problems.append("no more than 100 items allowed [json-pointer:/view/blocks]")
    if len(view.get("private_metadata") or "") > 3000:
        problems.append("must be less than 3001 characters [json-pointer:/view/private_metadata]")
    ids = [b.get("block_id") for b in blocks if b.get("block_id")]
    if len(ids) != len(set(ids)):
        problems.append("block_id must be unique [json-pointer:/view/blocks]")
    for n, block in enumerate(blocks):
        element = block.get("element") or {}
        if block.get("type") == "input" and element.get("type") in ("static_select", "multi_static_select"):
            problems += _select_problems(element, f"/view/blocks/{n}/element")
    return problems


def _select_problems(element: dict[str, Any], where: str) -> list[str]:
    options = element.get("options") or []
    problems = []
    if not 1 <= len(options) <= 100:
        problems.append(f"must provide 1 to 100 options [json-pointer:{where}/options]")
    for i, option in enumerate(options):
        if _text_len(option.get("text")) > 75 or _text_len(option.get("description")) > 75:
            problems.append(f"must be less than 76 characters [json-pointer:{where}/options/{i}/text]")
        if len(option.get("value", "")) > 150:
            problems.append(f"must be less than 151 characters [json-pointer:{where}/options/{i}/value]")
    values = {o.get("value") for o in options}
    initial = element.get("initial_options") or (
        [element["initial_option"]] if "initial_option" in element else []
    )
    if any(o.get("value") not in values for o in initial):
        problems.append(f"initial option must be one of the options [json-pointer:{where}]")
    return problems


def view_submission(fake: Any, view_id: str, picks: dict[str, str | list[str] | None]) -> dict[str, Any]:
    """The body Slack sends when the person who opened ``view_id`` submits it with ``picks``
    (block id -> an option value, a list of values, or None for nothing picked)."""
    view = fake.views[view_id]
    w = fake.workspace(view["team_id"])
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        picked = picks.get(block_id)
        chosen = [picked] if isinstance(picked, str) else list(picked or [])
        by_value = {o["value"]: o for o in element["options"]}
        unknown = [v for v in chosen if v not in by_value]
        assert not unknown, f"the Slack client only offers the options shown; {unknown} is not one of them"
        assert chosen or block.get("optional"), f"Slack refuses to submit: '{block_id}' is required"
        if element["type"] == "multi_static_select":
            assert len(chosen) <= element.get("max_selected_items", 100), "more than max_selected_items"
            values[block_id] = {
                element["action_id"]: {
                    "type": "multi_static_select",
                    "selected_options": [by_value[v] for v in chosen],
                }
            }
        else:
            assert len(chosen) <= 1, "a static_select takes one option"
            values[block_id] = {
                element["action_id"]: {
                    "type": "static_select",
                    "selected_option": by_value[chosen[0]] if chosen else None,
                }
            }
    user = view["_user"]
    submitted = {k: v for k, v in view.items() if not k.startswith("_")}
    submitted["state"] = {"values": values}
    return {
        "type": "view_submission",
        "team": {"id": w.team_id, "domain": w.team_id.lower()},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": w.team_id},
        "api_app_id": f"A{w.team_id}",
        "token": "verification-token-unused",
        "trigger_id": f"trig.{uuid.uuid4().hex[:8]}",
        "view": submitted,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
