"""One Slack workspace the adapter serves: its tokens, its clients, and Socket Mode kept in order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient

if TYPE_CHECKING:
    from adapters.slack.catchup import WorkspaceCatchUp


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
    catch_up: WorkspaceCatchUp | None = None
    users: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)


class OrderedSocketModeHandler(AsyncSocketModeHandler):
    """Bolt's Socket Mode handler, but envelopes about one channel are handled one at a time.

    slack_sdk runs each envelope in its own task (slack_sdk 3.48 ``process_message``), so two
    messages in one channel could reach the core out of order; a FIFO lock per channel, taken
    before the first ``await``, keeps Slack's order.

    ``on_session`` is called the moment each connection (the first, and every reconnect) is up —
    before slack_sdk reads anything from it — so the catch-up can hold that connection's events.
    """

    def __init__(self, *args: Any, locks: dict[str, asyncio.Lock],
                 on_session: Callable[[], None] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._locks = locks
        if on_session is not None:
            self._announce_sessions(on_session)

    def _announce_sessions(self, on_session: Callable[[], None]) -> None:
        """Wrap the client's ``connect`` (slack_sdk 3.48 calls it for the first connection and from
        ``connect_to_new_endpoint`` for every reconnect). It returns with the receiving task created
        but not yet run, so ``on_session`` runs before the new connection's first envelope."""
        client = self.client
        connect = client.connect

        async def connect_then_announce() -> None:
            await connect()
            if not client.closed:
                on_session()

        client.connect = connect_then_announce  # type: ignore[method-assign]

    async def handle(self, client: Any, req: SocketModeRequest) -> None:  # type: ignore[override]
        event = (req.payload or {}).get("event") or {}
        key = f"{(req.payload or {}).get('team_id')}:{event.get('channel')}" if event.get("channel") else None
        if key is None:
            await super().handle(client, req)
            return
        async with self._locks[key]:
            await super().handle(client, req)
