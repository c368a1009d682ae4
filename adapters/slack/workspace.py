"""One Slack workspace the adapter serves: its tokens, its clients, and Socket Mode kept in order."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient


@dataclass(frozen=True, slots=True)
class WorkspaceConfig:
    """The tokens of the mentorbot app installed in one workspace."""

    bot_token: str
    app_token: str | None = None  # Socket Mode
    signing_secret: str | None = None  # HTTP mode


@dataclass
class Workspace:
    """A connected workspace: its Web API client, who the bot is there, and a short user cache."""

    config: WorkspaceConfig
    client: AsyncWebClient
    team_id: str = ""
    team_name: str = ""
    bot_user_id: str = ""
    bot_id: str = ""
    app: AsyncApp | None = None
    handler: AsyncSocketModeHandler | None = None
    users: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)


class OrderedSocketModeHandler(AsyncSocketModeHandler):
    """Bolt's Socket Mode handler, but envelopes about one channel are handled one at a time.

    slack_sdk runs each envelope in its own task (slack_sdk 3.48 ``process_message``), so two
    messages in one channel could reach the core out of order; a FIFO lock per channel, taken
    before the first ``await``, keeps Slack's order.
    """

    def __init__(self, *args: Any, locks: dict[str, asyncio.Lock], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._locks = locks

    async def handle(self, client: Any, req: SocketModeRequest) -> None:  # type: ignore[override]
        event = (req.payload or {}).get("event") or {}
        key = f"{(req.payload or {}).get('team_id')}:{event.get('channel')}" if event.get("channel") else None
        if key is None:
            await super().handle(client, req)
            return
        async with self._locks[key]:
            await super().handle(client, req)
