"""A fake Slack (Web API + Socket Mode + HTTP-mode signing) on 127.0.0.1 for tests.

The real ``slack_sdk``/``slack_bolt`` code talks to it over real HTTP and WebSocket:

* Web API: point ``AsyncWebClient(base_url=fake.base_url)`` at it. Every call is recorded in
  ``fake.calls`` (method, merged arguments, the bearer token and the workspace it belongs to).
  Responses can be scripted per method (and per channel): 429 with ``Retry-After``, 5xx, or
  ``ok: false`` errors; otherwise a small stateful default answers (messages are stored per
  channel, ``ts`` values increase, members/users come from the workspace definitions).
* Socket Mode: ``apps.connections.open`` (with an ``xapp-`` token) returns a
  ``ws://127.0.0.1:PORT/link/<team>`` URL. An app may hold up to 10 connections at once (one per
  ``mentorbot run`` replica); an 11th is told ``{"type": "disconnect", "reason":
  "too_many_websockets"}`` and closed. ``push()`` queues an envelope for a workspace and sends it
  to ONE live connection chosen at random, as Slack does with several. Envelopes that are not
  acked are re-sent (``retry_attempt`` + 1, ``retry_reason: "timeout"``): those whose connection
  closed, to the next connection that opens; and — with ``redeliver_after`` set — to a random live
  connection once that many seconds passed without an ack, at most ``max_retries`` times.
  ``drop_socket()`` cuts a connection without a close handshake; ``send_disconnect()`` sends a
  ``{"type": "disconnect"}`` envelope (both act on the newest connection unless told which).
  ``acks[id].connection`` says which connection acked an envelope.
* ``conversations.history``/``replies`` list people's messages (``remember(body)`` stores a
  ``message_event``'s message, ``add_history`` any dict) and the bot's posts as Slack's do: history
  newest first without thread replies (parents carry ``reply_count``/``latest_reply``), replies
  oldest first after their parent, both filtered by ``oldest``/``latest``/``inclusive`` and paged by
  ``limit`` with an opaque ``next_cursor``; ``metadata`` only when asked with
  ``include_all_metadata``. ``rate_limit(method, retry_after=, after=n)`` answers a later call with
  HTTP 429 + ``Retry-After``; ``on_accept`` sees each ``chat.postMessage`` the moment
  it is stored, before the caller gets the answer (the crash tests kill the bot there).
* HTTP mode: ``signed_headers()`` / ``post_signed()`` sign a body the way Slack does.

Payload builders (``message_event``, ``message_changed``, ``message_deleted``,
``slash_command``, ``block_actions``) produce the bodies Slack sends, for either transport.

Typical use::

    async with FakeSlack(workspaces=[Workspace.make("TSCHOOL"), Workspace.make("TCORP")]) as fake:
        client = AsyncWebClient(token=fake.workspace("TSCHOOL").bot_token, base_url=fake.base_url)
        eid = await fake.push("TSCHOOL", message_event(fake.workspace("TSCHOOL"), "C1", "U1", "hi"))
        ack = await fake.wait_ack(eid)
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
from aiohttp import web

from fakes.slack_views import SlackViewsMixin, view_submission

__all__ = [
    "ApiCall",
    "FakeSlack",
    "Workspace",
    "block_actions",
    "event_callback",
    "message_changed",
    "message_deleted",
    "message_event",
    "post_signed",
    "sign",
    "signed_headers",
    "slash_command",
    "view_submission",
]

_ts_counter = itertools.count(1)


def next_ts() -> str:
    """A Slack-style message timestamp, unique and increasing within the test process."""
    return f"{1_700_000_000 + next(_ts_counter)}.{next(_ts_counter) % 1_000_000:06d}"


@dataclass
class Workspace:
    """One Slack workspace (team) with one installed app: its tokens, bot user, users, channels."""

    team_id: str
    team_name: str
    bot_token: str
    app_token: str
    signing_secret: str
    bot_user_id: str
    bot_id: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def make(cls, team_id: str, *, name: str | None = None) -> Workspace:
        low = team_id.lower()
        return cls(
            team_id=team_id,
            team_name=name or f"Team {team_id}",
            bot_token=f"xoxb-{low}-bot",
            app_token=f"xapp-1-{low}-app",
            signing_secret=f"secret-{low}",
            bot_user_id=f"UBOT{team_id}",
            bot_id=f"BBOT{team_id}",
        )

    def add_user(self, user_id: str, name: str, *, is_bot: bool = False, avatar: str | None = None) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": self.team_id,
            "name": name.lower().replace(" ", "."),
            "real_name": name,
            "is_bot": is_bot,
            "profile": {
                "display_name": name,
                "real_name": name,
                "image_72": avatar or f"https://avatars.invalid/{user_id}.png",
            },
        }

    def add_channel(
        self, channel_id: str, name: str, *, members: list[str] = (), private: bool = False
    ) -> None:
        self.channels[channel_id] = {
            "id": channel_id,
            "name": name,
            "is_private": private,
            "members": list(members) + [self.bot_user_id],
        }


@dataclass
class ApiCall:
    """One recorded Web API call."""

    method: str
    args: dict[str, Any]
    token: str | None
    team_id: str | None
    at: float
    status: int = 200
    response: dict[str, Any] | None = None
    peer: tuple[str, int] | None = None  # the caller's address (which process asked)

    @property
    def channel(self) -> str | None:
        return self.args.get("channel")


@dataclass
class _Scripted:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    channel: str | None
    times: int
    after: int = 0  # calls answered normally before this script applies


@dataclass
class _Connection:
    """One Socket Mode WebSocket of a workspace's app (numbered in the order they opened)."""

    number: int
    team_id: str
    ws: web.WebSocketResponse
    request: web.Request


@dataclass
class _Envelope:
    envelope_id: str
    team_id: str
    data: dict[str, Any]
    sent_count: int = 0
    first_sent_at: float | None = None
    on: _Connection | None = None  # the live connection it was last sent on (None: to send again)


@dataclass
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    elapsed: float  # seconds from the last send of the envelope to its ack
    connection: int = 0  # the number of the connection that acked it


class FakeSlack(SlackViewsMixin):
    """The fake Slack server. Use as ``async with FakeSlack(...) as fake`` or start()/stop().

    Modals (``views.open``, ``view_submission``) come from ``fakes.slack_views``."""

    MAX_CONNECTIONS = 10  # per app (Slack's limit; "too_many_websockets" beyond it)

    def __init__(self, *, workspaces: list[Workspace] | None = None, send_hello: bool = True,
                 redeliver_after: float | None = None, max_retries: int = 3, seed: int | None = None):
        self.workspaces: dict[str, Workspace] = {w.team_id: w for w in (workspaces or [Workspace.make("T1")])}
        self.send_hello = send_hello
        self.redeliver_after = redeliver_after
        self.max_retries = max_retries
        self.on_accept: Any = None  # called with each stored chat.postMessage, before the answer
        self._redeliverer: asyncio.Task[None] | None = None
        self.calls: list[ApiCall] = []
        self.messages: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.ephemerals: list[dict[str, Any]] = []
        self.history: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.acks: dict[str, Ack] = {}
        self.sends: dict[str, list[int]] = defaultdict(list)  # envelope id -> retry_attempt of each send
        self.connections_opened: dict[str, int] = defaultdict(int)
        self.refused_connections: dict[str, int] = defaultdict(int)  # beyond MAX_CONNECTIONS
        self.accepting_peer: tuple[str, int] | None = None  # who posted the message ``on_accept`` sees
        self._rng = random.Random(seed)
        self._scripts: dict[str, list[_Scripted]] = defaultdict(list)
        self._pending: dict[str, list[_Envelope]] = defaultdict(list)
        self._sockets: dict[str, list[_Connection]] = defaultdict(list)  # live connections, oldest first
        self._ack_events: dict[str, asyncio.Event] = {}
        self._connected: dict[str, asyncio.Condition] = {}
        self._last_sent: dict[str, float] = {}
        self._calling: ApiCall | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.delays: dict[str, float] = {}  # method -> seconds its answer takes (after it took effect)
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._init_views()

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_get("/link/{team}", self._socket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        if self.redeliver_after is not None:
            self._redeliverer = asyncio.create_task(self._redeliver_unacked())
        return self

    async def stop(self) -> None:
        if self._redeliverer is not None:
            self._redeliverer.cancel()
            await asyncio.gather(self._redeliverer, return_exceptions=True)
        for conn in [c for live in self._sockets.values() for c in live]:
            try:
                await asyncio.wait_for(conn.ws.close(), 1)
            except TimeoutError:
                if conn.request.transport is not None:
                    conn.request.transport.abort()
        self._sockets.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """The Web API base URL for ``AsyncWebClient(base_url=...)`` (ends with ``/api/``)."""
        return f"http://127.0.0.1:{self.port}/api/"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def workspace(self, team_id: str) -> Workspace:
        return self.workspaces[team_id]

    # ------------------------------------------------------------------ scripting
    def script(
        self,
        method: str,
        *,
        status: int = 200,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        channel: str | None = None,
        times: int = 1,
        after: int = 0,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (optionally only for ``channel``) this way,
        once ``after`` calls were answered normally."""
        self._scripts[method].append(
            _Scripted(status, body if body is not None else {"ok": True}, headers or {}, channel, times,
                      after)
        )

    def rate_limit(
        self, method: str, *, retry_after: int = 1, channel: str | None = None, times: int = 1, after: int = 0
    ) -> None:
        """HTTP 429 with a ``Retry-After`` header (seconds) and ``{"ok": false, "error":
        "ratelimited"}``, as Slack's rate-limit docs describe, for ``times`` calls after ``after``."""
        self.script(
            method,
            status=429,
            body={"ok": False, "error": "ratelimited"},
            headers={"Retry-After": str(retry_after)},
            channel=channel,
            times=times,
            after=after,
        )

    def fail(self, method: str, error: str, *, channel: str | None = None, times: int = 1) -> None:
        """HTTP 200 with ``{"ok": false, "error": error}`` for the next ``times`` calls."""
        self.script(method, body={"ok": False, "error": error}, channel=channel, times=times)

    def server_error(
        self, method: str, *, status: int = 503, channel: str | None = None, times: int = 1
    ) -> None:
        self.script(
            method, status=status, body={"ok": False, "error": "fatal_error"}, channel=channel, times=times
        )

    # ------------------------------------------------------------------ inspection
    def calls_to(self, method: str, *, channel: str | None = None, ok_only: bool = False) -> list[ApiCall]:
        return [
            c
            for c in self.calls
            if c.method == method
            and (channel is None or c.channel == channel)
            and (not ok_only or (c.status == 200 and (c.response or {}).get("ok")))
        ]

    def channel_messages(
        self, team_id: str, channel: str, *, include_deleted: bool = False
    ) -> list[dict[str, Any]]:
        """Messages the bot posted in a channel (current text after updates)."""
        return [m for m in self.messages[(team_id, channel)] if include_deleted or not m.get("deleted")]

    def add_history(self, team_id: str, channel: str, message: dict[str, Any]) -> None:
        """A human message that ``conversations.history`` will return (for backfill tests)."""
        self.history[(team_id, channel)].append(message)

    def remember(self, body: dict[str, Any]) -> dict[str, Any]:
        """Store the message of an ``event_callback`` body (``message_event``) as Slack stores every
        message: ``conversations.history``/``replies`` list it from now on. Returns the stored
        message, which a test may edit in place (``edited``, ``text``), as Slack's history would."""
        event = body["event"]
        message = {k: v for k, v in event.items() if k not in ("channel", "channel_type", "event_ts")}
        self.history[(body["team_id"], event["channel"])].append(message)
        return message

    # ------------------------------------------------------------------ Web API
    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        raw = await request.read()
        ctype = request.headers.get("Content-Type", "")
        if raw:
            if "json" in ctype:
                args.update(json.loads(raw))
            else:
                args.update(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
        auth = request.headers.get("Authorization", "")
        token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else args.pop("token", None)
        team = self._team_for_token(token)
        call = ApiCall(method, args, token, team.team_id if team else None, time.monotonic(),
                       peer=request.transport.get_extra_info("peername") if request.transport else None)
        self.calls.append(call)
        self._calling = call
        scripted = self._take_script(method, args.get("channel"))
        if scripted is not None:
            call.status, call.response = scripted.status, scripted.body
            return web.json_response(scripted.body, status=scripted.status, headers=scripted.headers)
        if team is None:
            body: dict[str, Any] = {"ok": False, "error": "invalid_auth"}
        else:
            handler = getattr(self, "_m_" + method.replace(".", "_"), None)
            body = handler(team, args) if handler else {"ok": True}
        call.response = body
        if self.delays.get(method):  # done (stored) already; the answer is slow to come back
            await asyncio.sleep(self.delays[method])
        return web.json_response(body)

    def _team_for_token(self, token: str | None) -> Workspace | None:
        for w in self.workspaces.values():
            if token in (w.bot_token, w.app_token):
                return w
        return None

    def _take_script(self, method: str, channel: str | None) -> _Scripted | None:
        for s in self._scripts[method]:
            if s.channel is None or s.channel == channel:
                if s.after > 0:
                    s.after -= 1
                    return None
                s.times -= 1
                if s.times <= 0:
                    self._scripts[method].remove(s)
                return s
        return None

    def _m_auth_test(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{w.team_id.lower()}.slack.invalid/",
            "team": w.team_name,
            "user": "mentorbot",
            "team_id": w.team_id,
            "user_id": w.bot_user_id,
            "bot_id": w.bot_id,
        }

    def _m_apps_connections_open(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link/{w.team_id}"}

    def _m_chat_postMessage(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        channel = args.get("channel", "")
        ts = next_ts()
        msg = {
            "ts": ts,
            "channel": channel,
            "text": args.get("text", ""),
            "username": args.get("username"),
            "icon_url": args.get("icon_url"),
            "thread_ts": args.get("thread_ts"),
            "blocks": _maybe_json(args.get("blocks")),
            "metadata": _maybe_json(args.get("metadata")),
            "bot_id": w.bot_id,
        }
        self.messages[(w.team_id, channel)].append(msg)
        if self.on_accept is not None:
            self.accepting_peer = self._calling.peer if self._calling else None
            try:
                self.on_accept(msg)
            finally:
                self.accepting_peer = None
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "message": {k: v for k, v in msg.items() if v is not None},
        }

    def _m_chat_update(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        channel, ts = args.get("channel", ""), args.get("ts")
        for m in self.messages[(w.team_id, channel)]:
            if m["ts"] == ts and not m.get("deleted"):
                m["text"] = args.get("text", m["text"])
                if "blocks" in args:
                    m["blocks"] = _maybe_json(args["blocks"])
                m["edited"] = True
                return {"ok": True, "channel": channel, "ts": ts, "text": m["text"]}
        return {"ok": False, "error": "message_not_found"}

    def _m_chat_delete(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        channel, ts = args.get("channel", ""), args.get("ts")
        for m in self.messages[(w.team_id, channel)]:
            if m["ts"] == ts and not m.get("deleted"):
                m["deleted"] = True
                return {"ok": True, "channel": channel, "ts": ts}
        return {"ok": False, "error": "message_not_found"}

    def _m_chat_postEphemeral(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        self.ephemerals.append({"team_id": w.team_id, **args})
        return {"ok": True, "message_ts": next_ts()}

    def _m_conversations_members(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        ch = w.channels.get(args.get("channel", ""))
        if ch is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "members": ch["members"], "response_metadata": {"next_cursor": ""}}

    def _m_conversations_info(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        ch = w.channels.get(args.get("channel", ""))
        if ch is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {k: v for k, v in ch.items() if k != "members"}}

    def _m_conversations_history(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        """A channel's messages as Slack's ``conversations.history`` lists them: top-level messages
        and replies also sent to the channel (people's, from ``history``, and the bot's posts),
        newest first, between ``oldest`` and ``latest`` (exclusive unless ``inclusive``), at most
        ``limit`` (default 100, max 999) a page, then ``has_more`` and an opaque ``next_cursor``.
        A thread's parent carries ``reply_count``, ``reply_users`` and ``latest_reply``."""
        key = (w.team_id, args.get("channel", ""))
        everything = self._all_messages(key)
        top = [m for m in everything if not m.get("thread_ts") or m.get("thread_ts") == m["ts"]
               or m.get("subtype") == "thread_broadcast"]
        msgs = sorted(_between(top, args), key=lambda m: float(m["ts"]), reverse=True)
        start = _cursor_ts(args.get("cursor"))
        if start is not None:
            msgs = [m for m in msgs if float(m["ts"]) <= start]
        page, rest = _page(msgs, args, default=100)
        listed = [_with_thread_summary(m, everything) for m in page]
        return {"ok": True, "messages": _as_listed(listed, args), "has_more": bool(rest),
                "pin_count": 0, "response_metadata": {"next_cursor": _cursor(rest[0]) if rest else ""}}

    def _m_conversations_replies(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        """A thread, oldest first: its parent (always first on the first page, as Slack does even
        when ``oldest`` excludes it), then the replies between ``oldest`` and ``latest``, paged."""
        key, ts = (w.team_id, args.get("channel", "")), args.get("ts")
        everything = self._all_messages(key)
        parent = next((m for m in everything if m["ts"] == ts), None)
        if parent is None:
            return {"ok": False, "error": "thread_not_found"}
        replies = [m for m in everything if m.get("thread_ts") == ts and m["ts"] != ts]
        replies = sorted(_between(replies, args), key=lambda m: float(m["ts"]))
        start = _cursor_ts(args.get("cursor"))
        if start is not None:
            replies = [m for m in replies if float(m["ts"]) >= start]
        page, rest = _page(replies, args, default=10)
        if start is None:
            page = [_with_thread_summary(parent, everything), *page]
        return {"ok": True, "messages": _as_listed(page, args), "has_more": bool(rest),
                "response_metadata": {"next_cursor": _cursor(rest[0]) if rest else ""}}

    def _all_messages(self, key: tuple[str, str]) -> list[dict[str, Any]]:
        """People's messages (``history``) and the bot's posts that are not deleted."""
        return [m for m in self.history[key] + self.messages[key] if not m.get("deleted")]

    def _m_users_info(self, w: Workspace, args: dict[str, Any]) -> dict[str, Any]:
        user = w.users.get(args.get("user", ""))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": user}

    # ------------------------------------------------------------------ Socket Mode
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        team_id = request.match_info["team"]
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        live = self._sockets[team_id]
        if len(live) >= self.MAX_CONNECTIONS:
            self.refused_connections[team_id] += 1
            await ws.send_json({"type": "disconnect", "reason": "too_many_websockets",
                                "debug_info": {"host": "fake"}})
            await ws.close()
            return ws
        self.connections_opened[team_id] += 1
        conn = _Connection(self.connections_opened[team_id], team_id, ws, request)
        live.append(conn)
        if self.send_hello:
            await ws.send_json({"type": "hello", "num_connections": len(live),
                                "connection_info": {"app_id": f"A{team_id}"}})
        for env in [e for e in self._pending[team_id] if e.on is None]:  # left by a closed connection
            await self._send_envelope(conn, env)
        cond = self._condition(team_id)
        async with cond:
            cond.notify_all()
        try:
            async for msg in ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                eid = data.get("envelope_id")
                if eid:
                    self._record_ack(conn, eid, data.get("payload"))
        finally:
            self._forget(conn)
        return ws

    def _forget(self, conn: _Connection) -> None:
        """A connection closed: what it had not acked goes to another one (see the module doc)."""
        live = self._sockets[conn.team_id]
        if conn in live:
            live.remove(conn)
        orphans = [env for env in self._pending[conn.team_id] if env.on is conn]
        for env in orphans:
            env.on = None
        if orphans and live and self.redeliver_after is None:  # no timeout to wait for: resend now
            task = asyncio.get_running_loop().create_task(self._resend(conn.team_id, orphans))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _resend(self, team_id: str, envelopes: list[_Envelope]) -> None:
        for env in envelopes:
            conn = self._any_live(team_id)
            if conn is None or env.on is not None or env.envelope_id in self.acks:
                continue
            try:
                await self._send_envelope(conn, env)
            except (ConnectionError, RuntimeError):
                return

    def _condition(self, team_id: str) -> asyncio.Condition:
        if team_id not in self._connected:
            self._connected[team_id] = asyncio.Condition()
        return self._connected[team_id]

    def _record_ack(self, conn: _Connection, eid: str, payload: dict[str, Any] | None) -> None:
        if eid in self.acks:
            return
        elapsed = time.monotonic() - self._last_sent.get(eid, time.monotonic())
        self.acks[eid] = Ack(eid, payload, elapsed, conn.number)
        self._pending[conn.team_id] = [e for e in self._pending[conn.team_id] if e.envelope_id != eid]
        self._ack_events.setdefault(eid, asyncio.Event()).set()

    async def _send_envelope(self, conn: _Connection, env: _Envelope) -> None:
        data = dict(env.data)
        if env.sent_count > 0:
            data["retry_attempt"] = env.sent_count
            data["retry_reason"] = "timeout"
        self.sends[env.envelope_id].append(data.get("retry_attempt", 0))
        env.sent_count += 1
        env.on = conn
        self._last_sent[env.envelope_id] = time.monotonic()
        try:
            await conn.ws.send_json(data)
        except (ConnectionError, RuntimeError):
            env.on = None  # the socket went away meanwhile; the next connection gets it
            raise

    def _any_live(self, team_id: str) -> _Connection | None:
        live = self._sockets.get(team_id) or []
        return self._rng.choice(live) if live else None

    async def _redeliver_unacked(self) -> None:
        """Re-send envelopes left unacked for ``redeliver_after`` seconds to a random live connection."""
        assert self.redeliver_after is not None
        while True:
            await asyncio.sleep(min(0.1, self.redeliver_after / 4))
            now = time.monotonic()
            for team_id, pending in list(self._pending.items()):
                for env in list(pending):
                    due = now - self._last_sent.get(env.envelope_id, now) >= self.redeliver_after
                    conn = self._any_live(team_id)
                    if conn is None or not due or env.sent_count > self.max_retries:
                        continue
                    try:
                        await self._send_envelope(conn, env)
                    except (ConnectionError, RuntimeError):
                        break  # the socket went away meanwhile; the next connection gets it

    def is_connected(self, team_id: str) -> bool:
        return bool(self._sockets.get(team_id))

    def live_connections(self, team_id: str) -> int:
        return len(self._sockets.get(team_id) or [])

    async def wait_connected(self, team_id: str, *, connections: int = 1, timeout: float = 10,
                             live: int = 1) -> None:
        """Wait until the workspace's app has opened at least ``connections`` sockets and ``live``
        of them are open now."""
        cond = self._condition(team_id)

        async def _wait() -> None:
            async with cond:
                await cond.wait_for(lambda: self.connections_opened[team_id] >= connections
                                    and self.live_connections(team_id) >= live)

        await asyncio.wait_for(_wait(), timeout)

    async def push(
        self,
        team_id: str,
        payload: dict[str, Any],
        *,
        type: str | None = None,
        envelope_id: str | None = None,
        retry_attempt: int = 0,
        retry_reason: str = "",
    ) -> str:
        """Queue an envelope for the workspace's app; sent now if a socket is live, else on connect.

        ``type`` defaults from the payload: events_api / slash_commands / interactive.
        Returns the envelope id (wait for its ack with ``wait_ack``).
        """
        eid = envelope_id or str(uuid.uuid4())
        self.issue_trigger(payload)
        if type is None:
            if payload.get("type") == "event_callback":
                type = "events_api"
            elif "command" in payload:
                type = "slash_commands"
            else:
                type = "interactive"
        data = {
            "envelope_id": eid,
            "type": type,
            "accepts_response_payload": type != "events_api",
            "retry_attempt": retry_attempt,
            "retry_reason": retry_reason,
            "payload": payload,
        }
        env = _Envelope(eid, team_id, data)
        self._pending[team_id].append(env)
        conn = self._any_live(team_id)
        if conn is not None:
            await self._send_envelope(conn, env)
        return eid

    async def wait_ack(self, envelope_id: str, *, timeout: float = 5) -> Ack:
        event = self._ack_events.setdefault(envelope_id, asyncio.Event())
        await asyncio.wait_for(event.wait(), timeout)
        return self.acks[envelope_id]

    def unacked(self, team_id: str, *, connection: int | None = None) -> list[str]:
        """Envelopes not acknowledged yet (only those last sent on ``connection``, if given)."""
        return [e.envelope_id for e in self._pending[team_id]
                if connection is None or (e.on is not None and e.on.number == connection)]

    def _connection(self, team_id: str, number: int | None) -> _Connection:
        live = self._sockets[team_id]
        if number is None:
            return live[-1]
        return next(c for c in live if c.number == number)

    async def send_disconnect(self, team_id: str, *, reason: str = "refresh_requested",
                              connection: int | None = None) -> None:
        """Slack's polite "please reconnect" envelope (to the newest connection, or the one named)."""
        conn = self._connection(team_id, connection)
        await conn.ws.send_json({"type": "disconnect", "reason": reason, "debug_info": {"host": "fake"}})

    async def drop_socket(self, team_id: str, *, connection: int | None = None) -> None:
        """Cut a live connection without a close handshake (a network failure)."""
        conn = self._connection(team_id, connection)
        self._forget(conn)
        if conn.request.transport is not None:
            conn.request.transport.abort()
        await asyncio.sleep(0)


def _between(msgs: list[dict[str, Any]], args: dict[str, Any]) -> list[dict[str, Any]]:
    """``oldest`` < ts < ``latest`` (``<=`` both with ``inclusive``), as Slack's history methods."""
    oldest, latest = float(args.get("oldest") or 0), float(args.get("latest") or "inf")
    if str(args.get("inclusive", "")).lower() in ("1", "true"):
        return [m for m in msgs if oldest <= float(m["ts"]) <= latest]
    return [m for m in msgs if oldest < float(m["ts"]) < latest]


def _page(msgs: list[dict[str, Any]], args: dict[str, Any], *, default: int
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    limit = min(max(int(args.get("limit") or default), 1), 999)
    return msgs[:limit], msgs[limit:]


def _cursor(message: dict[str, Any]) -> str:
    """An opaque cursor naming the first message of the next page (Slack's are base64, too)."""
    return base64.b64encode(f"next_ts:{message['ts']}".encode()).decode()


def _cursor_ts(cursor: str | None) -> float | None:
    if not cursor:
        return None
    return float(base64.b64decode(cursor).decode().removeprefix("next_ts:"))


def _with_thread_summary(message: dict[str, Any], everything: list[dict[str, Any]]) -> dict[str, Any]:
    """A thread parent as history shows it: ``reply_count``, ``reply_users``, ``latest_reply``."""
    replies = [m for m in everything if m.get("thread_ts") == message["ts"] and m["ts"] != message["ts"]]
    if not replies:
        return message
    latest = max(replies, key=lambda m: float(m["ts"]))["ts"]
    users = sorted({m.get("user") or m.get("bot_id") or "" for m in replies} - {""})
    return {**message, "thread_ts": message["ts"], "reply_count": len(replies), "reply_users": users,
            "latest_reply": latest}


def _as_listed(msgs: list[dict[str, Any]], args: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages as a history call returns them: ``metadata`` only with ``include_all_metadata``."""
    if str(args.get("include_all_metadata", "")).lower() in ("1", "true"):
        return msgs
    return [{k: v for k, v in m.items() if k != "metadata"} for m in msgs]


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


# ---------------------------------------------------------------------- payload builders
def event_callback(w: Workspace, event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """Wrap an event in the Events API ``event_callback`` body."""
    return {
        "token": "verification-token-unused",
        "team_id": w.team_id,
        "api_app_id": f"A{w.team_id}",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()),
        "authorizations": [
            {"enterprise_id": None, "team_id": w.team_id, "user_id": w.bot_user_id, "is_bot": True}
        ],
        "is_ext_shared_channel": False,
    }


def message_event(
    w: Workspace,
    channel: str,
    user: str,
    text: str,
    *,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str = "channel",
    bot_id: str | None = None,
    subtype: str | None = None,
    files: int = 0,
    event_id: str | None = None,
) -> dict[str, Any]:
    """An ``event_callback`` body for a new message."""
    ts = ts or next_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "team": w.team_id,
        "channel_type": channel_type,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    if bot_id:
        event["bot_id"] = bot_id
    if subtype:
        event["subtype"] = subtype
    if files:
        event["files"] = [{"id": f"F{i}", "name": f"file{i}.png"} for i in range(files)]
    return event_callback(w, event, event_id=event_id)


def message_changed(
    w: Workspace,
    channel: str,
    user: str,
    ts: str,
    new_text: str,
    old_text: str,
    *,
    thread_ts: str | None = None,
    channel_type: str = "channel",
    event_id: str | None = None,
) -> dict[str, Any]:
    """An edit: ``message_changed`` with ``message`` and ``previous_message``."""
    base = {"type": "message", "user": user, "ts": ts, "team": w.team_id}
    if thread_ts:
        base["thread_ts"] = thread_ts
    event = {
        "type": "message",
        "subtype": "message_changed",
        "channel": channel,
        "hidden": True,
        "message": {**base, "text": new_text, "edited": {"user": user, "ts": next_ts()}},
        "previous_message": {**base, "text": old_text},
        "ts": next_ts(),
        "event_ts": next_ts(),
        "channel_type": channel_type,
    }
    return event_callback(w, event, event_id=event_id)


def message_deleted(
    w: Workspace,
    channel: str,
    user: str,
    ts: str,
    old_text: str,
    *,
    channel_type: str = "channel",
    event_id: str | None = None,
) -> dict[str, Any]:
    """A deletion: ``message_deleted`` with ``deleted_ts`` and ``previous_message``."""
    event = {
        "type": "message",
        "subtype": "message_deleted",
        "channel": channel,
        "hidden": True,
        "deleted_ts": ts,
        "previous_message": {"type": "message", "user": user, "text": old_text, "ts": ts, "team": w.team_id},
        "ts": next_ts(),
        "event_ts": next_ts(),
        "channel_type": channel_type,
    }
    return event_callback(w, event, event_id=event_id)


def slash_command(
    w: Workspace,
    channel: str,
    user: str,
    text: str,
    *,
    user_name: str = "someone",
    command: str = "/mentorbot",
) -> dict[str, Any]:
    """A slash-command body (form fields as a dict)."""
    return {
        "token": "verification-token-unused",
        "team_id": w.team_id,
        "team_domain": w.team_id.lower(),
        "channel_id": channel,
        "channel_name": w.channels.get(channel, {}).get("name", "channel"),
        "user_id": user,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": f"A{w.team_id}",
        "is_enterprise_install": "false",
        "response_url": "http://127.0.0.1:9/commands/unused",
        "trigger_id": f"trig.{uuid.uuid4().hex[:8]}",
    }


def block_actions(
    w: Workspace,
    channel: str,
    user: str,
    action_id: str,
    value: str,
    *,
    message_ts: str,
    user_name: str = "coordinator",
    block_id: str = "review",
) -> dict[str, Any]:
    """A button press (``block_actions``) on a message the bot posted."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user_name, "name": user_name, "team_id": w.team_id},
        "api_app_id": f"A{w.team_id}",
        "token": "verification-token-unused",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": f"trig.{uuid.uuid4().hex[:8]}",
        "team": {"id": w.team_id, "domain": w.team_id.lower()},
        "channel": {"id": channel, "name": w.channels.get(channel, {}).get("name", "channel")},
        "message": {"type": "message", "ts": message_ts, "bot_id": w.bot_id, "text": "review"},
        "response_url": "http://127.0.0.1:9/actions/unused",
        "actions": [
            {
                "action_id": action_id,
                "block_id": block_id,
                "value": value,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }


# ---------------------------------------------------------------------- HTTP-mode signing
def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """Slack's request signature: ``v0=`` + HMAC-SHA256(secret, ``v0:{ts}:{body}``)."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, body: bytes, *, timestamp: int | None = None, content_type: str = "application/json"
) -> dict[str, str]:
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": sign(secret, ts, body),
    }


def encode_body(payload: dict[str, Any]) -> tuple[bytes, str]:
    """The bytes and content type Slack uses for a payload in HTTP mode."""
    if payload.get("type") == "event_callback":
        return json.dumps(payload).encode(), "application/json"
    if "command" in payload:
        return urlencode(payload).encode(), "application/x-www-form-urlencoded"
    return urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"


async def post_signed(
    url: str,
    payload: dict[str, Any],
    secret: str | None,
    *,
    timestamp: int | None = None,
    retry_num: int | None = None,
    forge: bool = False,
) -> tuple[int, str]:
    """POST a payload like Slack would in HTTP mode; returns (status, body text).

    ``secret=None`` sends no signature; ``forge=True`` signs and then alters the body;
    ``timestamp`` lets a test send an old (replayed) request.
    """
    body, ctype = encode_body(payload)
    headers = {"Content-Type": ctype}
    if secret is not None:
        headers = signed_headers(secret, body, timestamp=timestamp, content_type=ctype)
    if forge:
        body = body.replace(b"e", b"3", 1)
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as resp:
        return resp.status, await resp.text()
