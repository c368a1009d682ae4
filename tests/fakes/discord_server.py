"""A fake Discord (REST under /api/v10 and the gateway WebSocket) on 127.0.0.1 for the real discord.py.

Point ``discord.http.Route.BASE`` at ``fake.api_base`` and ``DiscordWebSocket.DEFAULT_GATEWAY`` at
``fake.gateway_url``. The fake keeps state (guilds, channels, messages, webhooks, reactions,
interaction responses) that tests assert on, records every REST call in ``fake.calls``, and can
inject 429s and errors, drop the gateway socket, ask for a reconnect (op 7), replay missed
events on RESUME (optionally with duplicates) and close with fatal codes (4004, 4014).

Where bugs hid before, it behaves like Discord rather than like the adapter expects: the webhook
list carries each incoming webhook's ``token`` and its creator in ``user``; a channel holds at most
15 webhooks (400, code 30007); history pages hold at most 100 messages and never echo ``nonce``;
``after_identify`` runs live traffic between GUILD_CREATE and discord.py's delayed ``on_ready``;
``on_accept`` sees each message the moment Discord has stored it, before the poster gets the answer
(the crash tests kill the bot there; ``accepting_peer`` is then the poster's address).

Sharding as Discord documents it (https://discord.com/developers/docs/events/gateway#sharding):
each IDENTIFY may carry ``shard: [shard_id, num_shards]``; a guild's events go to every session
whose shard is ``(guild_id >> 22) % num_shards``, direct messages to shard 0 only. READY and the
GUILD_CREATEs list only the session's own guilds. A shard id outside ``0..num_shards-1`` is closed
with 4010, too few shards for the guilds with 4011. ``GET /gateway/bot`` answers the recommended
shard count and the session start limit.
Wire facts it relies on: /work/shared/notes/testing-platforms-offline.md (discord.py 2.7.1).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from fakes.discord_components import DiscordComponentsMixin
from fakes.discord_model import FakeGuildMixin
from fakes.discord_rest import route

JSON = "application/json"  # exactly: discord.py rejects "; charset=utf-8" at login


def jresp(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json`` (no charset)."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={**(headers or {}), "Content-Type": JSON}
    )


@dataclass
class Call:
    """One REST request as the fake received it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    auth: str | None
    status: int = 0
    peer: tuple[str, int] | None = None  # the caller's address (which process asked)


@dataclass
class Fault:
    """An injected failure for requests matching ``method`` and the ``pattern`` regex."""

    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class Session:
    session_id: str
    shard: tuple[int, int] = (0, 1)  # (shard id, number of shards) from IDENTIFY
    log: list[dict[str, Any]] = field(default_factory=list)  # every dispatch frame, in seq order
    seq: int = 0
    delivered: int = 0  # highest seq written to a live socket
    ws: web.WebSocketResponse | None = None  # its live socket, if any
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def serves(self, guild_id: str | None) -> bool:
        """Whether Discord sends this guild's events (or, for None, direct messages) to this session."""
        shard_id, count = self.shard
        if guild_id is None:
            return shard_id == 0
        return (int(guild_id) >> 22) % count == shard_id


class FakeDiscord(FakeGuildMixin, DiscordComponentsMixin):
    """State and controls of the fake; ``await start()``, then use ``api_base`` and ``gateway_url``."""

    def __init__(self, *, token: str = "fake-discord-token", heartbeat_ms: int = 41_250) -> None:
        super().__init__()
        self.token = token
        self.heartbeat_ms = heartbeat_ms
        self.app_id = self.new_id()
        self.bot_user = {
            "id": self.app_id,
            "username": "mentorbot",
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": True,
            "flags": 0,
        }
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.webhooks: dict[str, dict[str, Any]] = {}
        self.reactions: list[tuple[str, str, str]] = []  # (channel_id, message_id, emoji)
        self.interaction_responses: list[dict[str, Any]] = []  # callbacks and follow-ups
        self.interaction_channels: dict[str, str] = {}  # interaction token -> channel id
        self.interaction_users: dict[str, str] = {}  # interaction id -> the member who interacted
        self._init_components()  # select menus in ephemeral follow-ups (fakes.discord_components)
        self.deleted: list[dict[str, Any]] = []  # messages removed through the API
        self.commands: dict[str, list[dict[str, Any]]] = {}  # scope ("global" or guild id) -> commands
        self.dm_channels: dict[str, dict[str, Any]] = {}  # user id -> DM channel
        self.identifies: list[dict[str, Any]] = []
        self.after_identify: list[Callable[[], Awaitable[None]]] = []  # run once, after GUILD_CREATEs
        self.on_accept: Callable[[dict[str, Any]], None] | None = None  # a REST-created message, stored
        self.resumes: list[dict[str, Any]] = []
        self.heartbeats = 0
        self.token_for_gateway: str | None = None  # e.g. a rotated token: REST login works, IDENTIFY 4004s
        self.fatal_on_identify: int | None = None  # e.g. 4004 bad token, 4014 disallowed intents
        self.replay_duplicates = 0  # on RESUME, also resend this many already delivered events
        self.replayed = 0  # MESSAGE_CREATEs resent on RESUME that the client had already received
        self.sessions: dict[str, Session] = {}  # every resumable session, by id
        self._latest: Session | None = None  # the newest identified session (single-shard controls)
        self.ws: web.WebSocketResponse | None = None  # the newest session's live socket
        self.connected = asyncio.Event()
        self.recommended_shards = 1  # GET /gateway/bot "shards"
        self.guilds_per_shard_limit = 2500  # more guilds than this on one shard: 4011 sharding required
        self.session_starts = 0
        self.accepting_peer: tuple[str, int] | None = None  # who posted the message ``on_accept`` sees
        self._session_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def session(self) -> Session | None:
        """The newest identified session (what single-shard tests control)."""
        return self._latest

    @session.setter
    def session(self, value: Session | None) -> None:
        if value is None and self._latest is not None:  # Discord forgot it: a RESUME is refused
            self.sessions.pop(self._latest.session_id, None)
        self._latest = value

    def shard_sessions(self, shard_id: int) -> list[Session]:
        """Sessions identified as ``shard_id`` (any shard count), oldest first."""
        return [s for s in self.sessions.values() if s.shard[0] == shard_id]

    def live_shards(self) -> set[tuple[int, int]]:
        """The (shard id, count) of every session with a live socket."""
        return {s.shard for s in self.sessions.values() if s.ws is not None and not s.ws.closed}

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gw", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for session in list(self.sessions.values()):
            if session.ws is not None and not session.ws.closed:
                await session.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gw"

    # ----------------------------------------------------------------- test controls: gateway

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send one dispatch to every session of the guild's shard (direct messages: shard 0), now,
        or keep it for replay on RESUME where no socket is connected."""
        guild_id = data.get("guild_id")
        for session in [s for s in self.sessions.values() if s.serves(guild_id)]:
            await self._send_to(session, event, data)

    async def _send_to(self, session: Session, event: str, data: dict[str, Any]) -> None:
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.log.append(frame)
        await self._flush(session)

    def pending_dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Dispatch soon, as Discord echoes the effect of a REST call on the gateway."""
        task = asyncio.get_running_loop().create_task(self.dispatch(event, data))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _detach_latest(self) -> web.WebSocketResponse | None:
        """Take the newest session's socket away from it (later dispatches wait for RESUME)."""
        ws, self.ws = self.ws, None
        self.connected.clear()
        if self._latest is not None and self._latest.ws is ws:
            self._latest.ws = None
        return ws

    async def drop(self, code: int = 4000) -> None:
        """Close the gateway socket with a resumable code; later dispatches wait for RESUME."""
        ws = self._detach_latest()
        if ws is not None and not ws.closed:
            await ws.close(code=code)

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT: the client is expected to RESUME on a new socket."""
        ws = self._detach_latest()
        if ws is not None and not ws.closed:
            await ws.send_str(json.dumps({"op": 7, "d": None}))

    async def close_fatal(self, code: int) -> None:
        """Close the socket with a non-resumable code (4004 bad token, 4014 disallowed intents)."""
        ws = self._detach_latest()
        if ws is not None and not ws.closed:
            await ws.close(code=code)

    async def wait_connected(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self.connected.wait(), timeout)

    # ----------------------------------------------------------------- test controls: users' actions

    async def user_says(
        self,
        channel_id: str,
        user_id: str,
        content: str,
        *,
        reply_to: str | None = None,
        dispatch: bool = True,
    ) -> dict[str, Any]:
        """A member posts a message (stored in history; dispatched unless ``dispatch`` is false)."""
        author = self.user_payload(user_id)
        msg = self.make_message(channel_id, author, content, reply_to=reply_to)
        self.add_message(msg)
        if dispatch:
            await self.dispatch("MESSAGE_CREATE", self.with_member(msg, user_id))
        return msg

    async def user_edits(self, channel_id: str, message_id: str, content: str) -> dict[str, Any]:
        msg = self.find_message(channel_id, message_id)
        msg["content"] = content
        msg["edited_timestamp"] = datetime.now(UTC).isoformat()
        await self.dispatch("MESSAGE_UPDATE", self.with_member(dict(msg), msg["author"]["id"]))
        return msg

    async def user_deletes(self, channel_id: str, message_id: str) -> None:
        msg = self.find_message(channel_id, message_id)
        self.messages[channel_id].remove(msg)
        await self.dispatch("MESSAGE_DELETE", self._delete_payload(channel_id, message_id))

    async def click_button(self, channel_id: str, message_id: str, custom_id: str, user_id: str) -> str:
        """A member presses a button on a message; returns the interaction id."""
        msg = self.find_message(channel_id, message_id)
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interaction(3, channel_id, user_id, data, message=msg)

    async def slash(self, channel_id: str, user_id: str, name: str, options: dict[str, str]) -> str:
        """A member runs a slash command; returns the interaction id."""
        guild_id = self.channel_guild(channel_id)
        scope = self.commands.get(guild_id or "", []) + self.commands.get("global", [])
        cmd = next(c for c in scope if c["name"] == name)
        data: dict[str, Any] = {
            "id": cmd["id"],
            "name": name,
            "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()],
        }
        if guild_id:
            data["guild_id"] = guild_id
        return await self._interaction(2, channel_id, user_id, data)

    def add_webhook(self, channel_id: str, name: str, *, creator: str | None = None) -> dict[str, Any]:
        """An incoming webhook in a channel, made by ``creator`` (default: the bot, as the API does)."""
        wid = self.new_id()
        by_bot = creator is None or creator == self.bot_user["id"]
        wh = {
            "id": wid,
            "type": 1,
            "channel_id": channel_id,
            "guild_id": self.channel_guild(channel_id),
            "name": name,
            "avatar": None,
            "token": f"whtoken-{wid}",
            "application_id": self.app_id if by_bot else None,
            "creator": creator or self.bot_user["id"],
        }
        self.webhooks[wid] = wh
        return wh

    def accepted(self, msg: dict[str, Any], peer: tuple[str, int] | None = None) -> None:
        """Discord has stored a message a REST call created; the caller has not had the answer yet."""
        if self.on_accept is not None:
            self.accepting_peer = peer
            try:
                self.on_accept(msg)
            finally:
                self.accepting_peer = None

    # ----------------------------------------------------------------- test controls: REST faults

    def fail(
        self,
        method: str,
        pattern: str,
        *,
        status: int,
        times: int = 1,
        code: int = 0,
        message: str = "injected",
    ) -> None:
        body = {"message": message, "code": code}
        self.faults.append(Fault(method, re.compile(pattern), status, times, body, {}))

    def rate_limit(
        self,
        method: str,
        pattern: str,
        *,
        times: int = 1,
        retry_after: float = 0.05,
        bucket: str = "fakebucket",
        is_global: bool = False,
        via: bool = True,
    ) -> None:
        """Answer the next ``times`` matching requests with 429 the way Discord does."""
        headers = {
            "Retry-After": str(max(1, round(retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(retry_after),
            "X-RateLimit-Bucket": bucket,
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if via:
            headers["Via"] = "1.1 google"
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
        self.faults.append(Fault(method, re.compile(pattern), 429, times, body, headers))

    def calls_to(self, method: str, pattern: str) -> list[Call]:
        rx = re.compile(pattern)
        return [c for c in self.calls if c.method == method and rx.fullmatch(c.path)]

    async def wait_for(self, predicate: Any, timeout: float = 5.0) -> None:
        """Poll ``predicate()`` every 5 ms until true (bounded in time)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in time")
            await asyncio.sleep(0.005)

    # ----------------------------------------------------------------- gateway internals

    async def _flush(self, s: Session) -> None:
        async with s.lock:
            ws = s.ws
            if ws is None or ws.closed:
                return
            for frame in [f for f in s.log if f["s"] > s.delivered]:
                if ws.closed:
                    return
                await ws.send_str(json.dumps(frame))
                s.delivered = frame["s"]

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_ms}}))
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op = frame.get("op")
            if op == 1:
                self.heartbeats += 1
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                await self._on_identify(ws, frame["d"])
            elif op == 6:
                await self._on_resume(ws, frame["d"])
        for session in self.sessions.values():
            if session.ws is ws:
                session.ws = None
        if self.ws is ws:
            self.ws = None
            self.connected.clear()
        return ws

    def _attach(self, session: Session, ws: web.WebSocketResponse) -> None:
        session.ws = ws
        if session is self._latest:
            self.ws = ws
            self.connected.set()

    async def _on_identify(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        self.identifies.append(d)
        if d.get("token") != (self.token_for_gateway or self.token):
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if self.fatal_on_identify is not None:
            await ws.close(code=self.fatal_on_identify, message=b"Disallowed intent(s).")
            return
        shard_id, count = d.get("shard") or (0, 1)
        if not 0 <= shard_id < count:
            await ws.close(code=4010, message=b"Invalid shard.")
            return
        session = Session(session_id=f"fake-session-{next(self._session_ids)}", shard=(shard_id, count))
        guilds = [g for g in self.guilds if session.serves(g)]
        if len(guilds) > self.guilds_per_shard_limit:
            await ws.close(code=4011, message=b"Sharding required.")
            return
        self.session_starts += 1
        self.sessions[session.session_id] = session
        self._latest = session
        self._attach(session, ws)
        ready = {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": g, "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": self.app_id, "flags": 0},
            "private_channels": [],
            "relationships": [],
            "shard": [shard_id, count],
        }
        await self._send_to(session, "READY", ready)
        for guild in guilds:
            await self._send_to(session, "GUILD_CREATE", self.guild_payload(guild))
        hooks, self.after_identify = self.after_identify, []
        for hook in hooks:  # live traffic while discord.py still waits to report on_ready
            await hook()

    async def _on_resume(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        self.resumes.append(d)
        s = self.sessions.get(d.get("session_id") or "")
        if s is None or d.get("token") != self.token:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            return
        acked = int(d.get("seq") or 0)
        s.delivered = max(0, acked - self.replay_duplicates)
        self.replayed += sum(1 for f in s.log if s.delivered < f["s"] <= acked and f["t"] == "MESSAGE_CREATE")
        self._attach(s, ws)
        await self._flush(s)
        s.seq += 1
        frame = {"op": 0, "t": "RESUMED", "s": s.seq, "d": {}}
        s.log.append(frame)
        await self._flush(s)

    async def _interaction(
        self,
        kind: int,
        channel_id: str,
        user_id: str,
        data: dict[str, Any],
        message: dict[str, Any] | None = None,
    ) -> str:
        iid = self.new_id()
        guild_id = self.channel_guild(channel_id)
        self.interaction_channels[f"itoken-{iid}"] = channel_id
        self.interaction_users[iid] = user_id
        payload: dict[str, Any] = {
            "id": iid,
            "application_id": self.app_id,
            "type": kind,
            "data": data,
            "channel_id": channel_id,
            "channel": self.channels[channel_id],
            "token": f"itoken-{iid}",
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": guild_id},
            "context": 0,
            "attachment_size_limit": 8_388_608,
            "app_permissions": str(self.bot_permissions),
        }
        if guild_id:
            payload["guild_id"] = guild_id
            payload["guild_locale"] = "en-US"
            payload["member"] = {**self.member_payload(guild_id, user_id), "permissions": "0"}
        else:
            payload["user"] = self.user_payload(user_id)
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid

    # ----------------------------------------------------------------- REST

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode(errors="replace")
        call = Call(request.method, path, dict(request.query), body, request.headers.get("Authorization"),
                    peer=request.transport.get_extra_info("peername") if request.transport else None)
        self.calls.append(call)
        resp = self._fault_for(request.method, path) or await self._route(request.method, path, call)
        call.status = resp.status
        return resp

    def _fault_for(self, method: str, path: str) -> web.Response | None:
        for fault in self.faults:
            if fault.times > 0 and fault.method == method and fault.pattern.fullmatch(path):
                fault.times -= 1
                return jresp(fault.body, fault.status, fault.headers)
        return None

    async def _route(self, method: str, path: str, call: Call) -> web.StreamResponse:
        return await route(self, method, path, call)
