"""Message components in the fake Discord: ephemeral follow-ups that carry select menus, a member
picking in a select, and the UPDATE_MESSAGE (type 7) answer that redraws the message.

Behaviour from the Discord API reference (checked 2026-12), not from what mentorbot expects:
- a message has at most 5 action rows; a string select (component type 3) has 1-25 options with
  labels, values and descriptions of at most 100 characters, a custom id of at most 100 and
  ``min_values``/``max_values`` within 0-25 (``max_values`` at most the number of options);
  anything else is refused with 400 and code 50035 "Invalid Form Body";
- the client lets a member pick only the options shown and between min and max of them, so
  ``select`` refuses anything else;
- a component interaction is type 3 with ``data: {custom_id, component_type: 3, values}`` and
  the whole ``message`` it was on (an ephemeral one carries flag 64);
- answering it with type 7 replaces the message's content and components in place.
"""

from __future__ import annotations

from typing import Any

EPHEMERAL = 64
STRING_SELECT = 3


def component_problems(components: list[dict[str, Any]]) -> list[str]:
    """Why Discord would refuse these components (empty: fine)."""
    problems = []
    if len(components) > 5:
        problems.append("components: Must be 5 or fewer in length.")
    for r, row in enumerate(components):
        for c, item in enumerate(row.get("components") or []):
            if item.get("type") != STRING_SELECT:
                continue
            where = f"components.{r}.components.{c}"
            options = item.get("options") or []
            if not 1 <= len(options) <= 25:
                problems.append(f"{where}.options: Must be between 1 and 25 in length.")
            if len(item.get("custom_id", "")) > 100:
                problems.append(f"{where}.custom_id: Must be 100 or fewer in length.")
            low, high = item.get("min_values", 1), item.get("max_values", 1)
            if not 0 <= low <= high <= min(25, max(1, len(options))):
                problems.append(f"{where}: min_values/max_values out of range.")
            for o, option in enumerate(options):
                for key in ("label", "value", "description"):
                    if len(option.get(key) or "") > 100:
                        problems.append(f"{where}.options.{o}.{key}: Must be 100 or fewer in length.")
    return problems


def find_select(message: dict[str, Any], custom_id: str) -> dict[str, Any] | None:
    for row in message.get("components") or []:
        for item in row.get("components") or []:
            if item.get("custom_id") == custom_id:
                return item
    return None


class DiscordComponentsMixin:
    """Mixed into ``FakeDiscord``: follow-ups with components and members picking in them."""

    def _init_components(self) -> None:
        self.followups: dict[str, dict[str, Any]] = {}  # message id -> ephemeral follow-up message
        self.interaction_message: dict[str, str] = {}  # interaction id -> the message it was on

    def ephemeral_for(self, user_id: str) -> list[dict[str, Any]]:
        """Follow-ups only ``user_id`` sees (they answered that user's interaction), oldest first."""
        return [m for m in self.followups.values() if m.get("_for") == user_id]

    async def select(self, message_id: str, custom_id: str, values: list[str], user_id: str) -> str:
        """``user_id`` picks ``values`` in a select menu of a message; returns the interaction id."""
        message = self.followups.get(message_id)
        if message is None:
            raise AssertionError(f"no message {message_id} with components")
        item = find_select(message, custom_id)
        assert item is not None, f"the message has no select '{custom_id}'"
        offered = {o["value"] for o in item["options"]}
        assert set(values) <= offered, f"the Discord client only offers the options shown, not {values}"
        assert item.get("min_values", 1) <= len(values) <= item.get("max_values", 1), "outside min/max values"
        data = {"custom_id": custom_id, "component_type": STRING_SELECT, "values": list(values)}
        shown = {k: v for k, v in message.items() if not k.startswith("_")}
        iid = await self._interaction(3, message["channel_id"], user_id, data, message=shown)  # type: ignore[attr-defined]
        self.interaction_message[iid] = message_id
        return iid

    def store_followup(self, message: dict[str, Any], token: str) -> None:
        """Keep a follow-up that has components, for ``select`` (who it answered is in the token)."""
        if message.get("components"):
            iid = token.removeprefix("itoken-")
            message["_for"] = self.interaction_users.get(iid)  # type: ignore[attr-defined]
            self.followups[message["id"]] = message

    def update_message(self, interaction_id: str, data: dict[str, Any]) -> None:
        """Type 7: the message the component was on gets the new content and components."""
        message = self.followups.get(self.interaction_message.get(interaction_id, ""))
        if message is None:
            return
        if "content" in data:
            message["content"] = data["content"]
        if "components" in data:
            message["components"] = data["components"]
