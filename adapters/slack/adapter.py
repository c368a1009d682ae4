"""SlackAdapter: slack-bolt (async) I/O for one or more workspaces, in Socket Mode or HTTP mode."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import timedelta
from functools import partial
from typing import Any, Literal

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import convert, forms
from adapters.slack.catchup import CATCH_UP_MAX_AGE, WorkspaceCatchUp
from adapters.slack.errors import delivery_error
from adapters.slack.facts import FACTS
from adapters.slack.history import history_client
from adapters.slack.http_mode import signed_requests
from adapters.slack.workspace import OrderedSocketModeHandler, Workspace, WorkspaceConfig
from bot.messages import ChannelRef, Form, Inbound, Outbound, ReviewCard, ReviewOutcome
from bot.ports import Capabilities, CoreGateway, DeliveryError, Members

logger = logging.getLogger(__name__)

USER_CACHE_SECONDS = 3600.0


class SlackAdapter:
    """The Slack side of mentorbot. Holds no policy and no SQL; everything goes through the core."""

    name = FACTS.name
    facts = FACTS
    capabilities = Capabilities(
        threads=True, sender_identity=True, ephemeral=True, review_buttons=True, max_length=40_000
    )

    def __init__(
        self,
        *,
        workspaces: list[WorkspaceConfig],
        mode: Literal["socket", "http"] = "socket",
        api_url: str = "https://slack.com/api/",
        http_host: str = "127.0.0.1",
        http_port: int = 3000,
        ping_interval: float = 10.0,
        connect_timeout: float = 30.0,
        catch_up_max_age: timedelta = CATCH_UP_MAX_AGE,
    ):
        if not workspaces:
            raise ValueError("SlackAdapter needs at least one workspace (SLACK_BOT_TOKEN)")
        self.mode = mode
        self.api_url = api_url
        self.http_host = http_host
        self.http_port = http_port
        self.ping_interval = ping_interval
        self.connect_timeout = connect_timeout
        self.catch_up_max_age = catch_up_max_age
        self._configs = list(workspaces)
        self._workspaces: list[Workspace] = []
        self._by_team: dict[str, Workspace] = {}
        self._core: CoreGateway | None = None
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._runner: web.AppRunner | None = None
        self.http_url: str | None = None  # base URL of the HTTP-mode server once started
        self.errors: Counter[str] = Counter()  # failed Web API calls by kind (rate_limited = HTTP 429)

    # ------------------------------------------------------------------ lifecycle
    async def start(self, core: CoreGateway) -> None:
        self._core = core
        for config in self._configs:
            ws = Workspace(
                config=config, client=AsyncWebClient(token=config.bot_token, base_url=self.api_url)
            )
            try:
                auth = await ws.client.auth_test()
            except SlackApiError as exc:
                raise RuntimeError(
                    f"Slack rejected a bot token ({exc.response.get('error')}): reinstall the app in that "
                    "workspace and copy its 'Bot User OAuth Token' (xoxb-…) into SLACK_BOT_TOKEN"
                ) from exc
            ws.team_id, ws.team_name = auth["team_id"], auth.get("team", "")
            ws.bot_user_id, ws.bot_id = auth["user_id"], auth.get("bot_id", "")
            ws.app = self._build_app(ws)
            ws.catch_up = WorkspaceCatchUp(
                team_id=ws.team_id, client=history_client(config.bot_token, self.api_url, errors=self.errors),
                followed=partial(core.supervised_channels, convert.PLATFORM),
                deliver=partial(self._deliver_body, ws), max_age=self.catch_up_max_age)
            self._workspaces.append(ws)
            self._by_team[ws.team_id] = ws
            logger.info(
                "slack workspace %s (%s) ready, bot user %s", ws.team_id, ws.team_name, ws.bot_user_id
            )
        if self.mode == "socket":
            for ws in self._workspaces:
                if not ws.config.app_token:
                    raise RuntimeError("Socket Mode needs SLACK_APP_TOKEN (xapp-…) for every workspace")
                ws.handler = OrderedSocketModeHandler(
                    ws.app,
                    ws.config.app_token,
                    web_client=ws.client,
                    ping_interval=self.ping_interval,
                    locks=self._locks,
                    on_session=ws.catch_up.new_session,  # each connection: catch up before its events
                )
                await asyncio.wait_for(ws.handler.connect_async(), self.connect_timeout)
        else:
            for ws in self._workspaces:
                ws.catch_up.new_session()  # no connection to lose: once, before the first request
            await self._start_http()

    async def stop_intake(self) -> None:
        """Take no more events (graceful shutdown): close the Socket Mode connections, so Slack sends
        new events — and redelivers any this process did not acknowledge — to the other replicas;
        in HTTP mode stop listening. Sending keeps working until ``stop``."""
        for ws in self._workspaces:
            if ws.catch_up is not None:
                await ws.catch_up.close()
            if ws.handler is not None:
                await ws.handler.close_async()
                ws.handler = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def stop(self) -> None:
        await self.stop_intake()
        self._workspaces.clear()
        self._by_team.clear()

    async def wait_caught_up(self, timeout: float = 30.0) -> None:
        """Wait (bounded) until no workspace's catch-up is running."""
        for ws in self._workspaces:
            if ws.catch_up is not None:
                await asyncio.wait_for(ws.catch_up.idle.wait(), timeout)

    async def is_connected(self) -> bool:
        """Every workspace's Socket Mode connection is up (HTTP mode: the server is listening)."""
        if not self._workspaces:
            return False
        if self.mode == "http":
            return self._runner is not None
        for ws in self._workspaces:
            if ws.handler is None or not await ws.handler.client.is_connected():
                return False
        return True

    def serves(self, channel: ChannelRef) -> bool:
        """Every replica can reach every workspace it has tokens for (Slack has no shards)."""
        return channel.workspace in self._by_team or not self._by_team

    def http_path(self, team_id: str) -> str:
        """The HTTP-mode Request URL path for a workspace (``/slack/events`` also works with one)."""
        return f"/slack/events/{team_id}"

    async def _start_http(self) -> None:
        root = web.Application()
        for ws in self._workspaces:
            if not ws.config.signing_secret:
                raise RuntimeError("HTTP mode needs SLACK_SIGNING_SECRET for every workspace")
            assert ws.app is not None
            handler = signed_requests(ws.app)
            root.router.add_post(self.http_path(ws.team_id), handler)
            if len(self._workspaces) == 1:  # Slack's documented Request URL for one workspace
                root.router.add_post("/slack/events", handler)
        self._runner = web.AppRunner(root)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.http_host, self.http_port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.http_url = f"http://{self.http_host}:{port}"
        logger.info("slack HTTP mode listening on %s", self.http_url)

    # ------------------------------------------------------------------ inbound
    def _build_app(self, ws: Workspace) -> AsyncApp:
        app = AsyncApp(
            client=ws.client,
            signing_secret=ws.config.signing_secret or "",
            request_verification_enabled=self.mode == "http",
            # Ack only after the listener returned, i.e. after the core recorded the event.
            process_before_response=True,
            name=f"mentorbot-{ws.team_id or 'slack'}",
        )

        @app.middleware
        async def _own_workspace_only(body: dict[str, Any], next: Any) -> BoltResponse | None:  # noqa: A002
            # Each workspace's app has its own signing secret, which that workspace's admins can read:
            # a request signed with the company's secret must not speak for the school's people.
            claimed = convert.team_of(body)
            if claimed and claimed != ws.team_id and claimed in self._by_team:
                logger.warning("slack request signed for %s claims workspace %s: refused",
                               ws.team_id, claimed)
                return BoltResponse(status=401, body="")
            return await next()

        @app.event("message")
        async def _message(body: dict[str, Any], request: Any) -> None:
            await self._on_message(ws, body, request.headers.get("x-slack-retry-num", ["0"]))

        @app.event(re.compile(".*"))
        async def _other_event(body: dict[str, Any]) -> None:
            logger.debug("<= slack %s event ignored", (body.get("event") or {}).get("type"))

        @app.command("/mentorbot")
        async def _command(ack: Any, body: dict[str, Any]) -> None:
            await self._on_command(ws, ack, body)

        @app.action(re.compile("^" + re.escape(convert.REVIEW_ACTION_PREFIX)))
        async def _review(ack: Any, body: dict[str, Any]) -> None:
            await self._on_review(ws, ack, body)

        @app.view(forms.CALLBACK_ID)
        async def _form(ack: Any, body: dict[str, Any]) -> None:
            await self._on_form(ws, ack, body)
        @app.action(re.compile("^" + re.escape(convert.ALERT_ACTION_PREFIX)))
        async def _alert(ack: Any, body: dict[str, Any]) -> None:
            await self._on_alert(ws, ack, body)

        return app

    async def _on_message(self, ws: Workspace, body: dict[str, Any], retry_num: list[str]) -> None:
        inbound = convert.inbound_from_event(body, bot_user_id=ws.bot_user_id)
        if inbound is None:
            return
        logger.info(
            "<= slack %s %s %s (retry %s)", inbound.kind, inbound.channel, inbound.event_key, retry_num[0]
        )
        if ws.catch_up is not None:  # the channel's missed messages go first
            await ws.catch_up.wait(inbound.channel.channel)
        await self._deliver(ws, inbound)

    async def _deliver_body(self, ws: Workspace, body: dict[str, Any]) -> bool:
        """A message read by the catch-up, down the live path; False if it is not for the core."""
        inbound = convert.inbound_from_event(body, bot_user_id=ws.bot_user_id)
        if inbound is None:
            return False
        logger.info("<= slack %s %s %s (catch-up)", inbound.kind, inbound.channel, inbound.event_key)
        return await self._deliver(ws, inbound)

    async def _deliver(self, ws: Workspace, inbound: Inbound) -> bool:
        """Name the sender and hand the event to the core (it raises if it could not record it)."""
        if inbound.author_id and inbound.kind != "delete":
            user = await self._user(ws, inbound.author_id)
            if user.get("is_bot"):
                return False
            inbound = replace(
                inbound,
                author_name=convert.display_name(user) if user else inbound.author_id,
                author_avatar=convert.avatar_url(user) if user else None,
            )
        assert self._core is not None
        await self._core.handle(inbound)
        return True

    async def _on_command(self, ws: Workspace, ack: Any, body: dict[str, Any]) -> None:
        request = convert.command_request(body)
        logger.info(
            "<= slack command %r by %s in %s", request.text.split(" ")[0], request.user_id, request.channel
        )
        assert self._core is not None
        reply = await self._core.run_command(request)
        if isinstance(reply, Form):
            reply = await self._open_modal(ws, body.get("trigger_id", ""), reply, request.channel)
            if not reply:
                await ack()
                return
        pieces = convert.chunk_text(reply or "Done.")
        await ack(text=pieces[0], response_type="ephemeral")
        for piece in pieces[1:]:
            await self._ephemeral(ws, request.channel.channel, request.user_id, piece)

    async def _open_modal(self, ws: Workspace, trigger_id: str, form: Form, channel: ChannelRef) -> str:
        """Show a form as a modal; "" when it opened, else a sentence for the person."""
        try:
            await ws.client.views_open(trigger_id=trigger_id, view=forms.modal(form, channel))
        except SlackApiError as exc:
            logger.warning("slack views.open failed: %s", exc.response.get("error"))
            return ("Sorry, I could not open the form (it may have taken too long). "
                    "Please try the command again.")
        return ""

    async def _on_form(self, ws: Workspace, ack: Any, body: dict[str, Any]) -> None:
        """A modal was submitted: errors keep it open on the fields at fault; else it closes and the
        result is shown privately in the channel where the command was typed."""
        submission = forms.submission(body)
        if submission is None:
            await ack()
            return
        logger.info("<= slack form %s by %s", submission.form_id, submission.user_id)
        assert self._core is not None
        result = await self._core.submit_form(submission)
        if result.errors:
            await ack(response_action="errors",
                      errors=forms.errors_response(result.errors, set(submission.values)))
            return
        await ack()
        if submission.channel is not None:
            await self._ephemeral(ws, submission.channel.channel, submission.user_id, result.message)

    async def _on_review(self, ws: Workspace, ack: Any, body: dict[str, Any]) -> None:
        request = convert.review_request(body)
        if request is None:
            await ack()
            return
        logger.info("<= slack review %s %s by %s", request.review_id, request.decision, request.user_id)
        assert self._core is not None
        reply = await self._core.decide_review(request)
        await ack()
        await self._reply_to_button(ws, body, request.user_id, reply)

    async def _on_alert(self, ws: Workspace, ack: Any, body: dict[str, Any]) -> None:
        request = convert.alert_request(body)
        if request is None:
            await ack()
            return
        logger.info("<= slack alert %s %s by %s", request.alert_id, request.action, request.user_id)
        assert self._core is not None
        reply = await self._core.act_on_alert(request)
        await ack()
        await self._reply_to_button(ws, body, request.user_id, reply)

    async def _reply_to_button(self, ws: Workspace, body: dict[str, Any], user_id: str, reply: str) -> None:
        """The core's answer to a button, shown only to whoever pressed it, where they pressed it."""
        channel = (body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id")
        if reply and channel:
            await self._ephemeral(ws, channel, user_id, reply)

    async def _user(self, ws: Workspace, user_id: str) -> dict[str, Any]:
        cached = ws.users.get(user_id)
        if cached and time.monotonic() - cached[0] < USER_CACHE_SECONDS:
            return cached[1]
        try:
            user = (await ws.client.users_info(user=user_id))["user"]
        except SlackApiError as exc:
            logger.warning("slack users.info %s failed: %s", user_id, exc.response.get("error"))
            return {}
        ws.users[user_id] = (time.monotonic(), user)
        return user

    async def _ephemeral(self, ws: Workspace, channel: str, user_id: str, text: str) -> None:
        try:
            await ws.client.chat_postEphemeral(
                channel=channel, user=user_id, text=convert.plain_to_slack(text)
            )
        except SlackApiError as exc:
            logger.warning("slack ephemeral reply to %s failed: %s", user_id, exc.response.get("error"))

    # ------------------------------------------------------------------ outbound (the port)
    def _workspace(self, channel: ChannelRef) -> Workspace:
        ws = self._by_team.get(channel.workspace)
        if ws is None:
            raise DeliveryError(f"no Slack workspace {channel.workspace} is configured", permanent=True)
        return ws

    async def _call(self, where: ChannelRef, method: str, **kwargs: Any) -> dict[str, Any]:
        """Call one Web API method with the workspace's bot token; failures become DeliveryError.

        429s are NOT retried inside slack_sdk (no RateLimitErrorRetryHandler is installed): the
        core's delivery worker waits ``retry_after`` for that channel only and keeps its order.
        """
        ws = self._workspace(where)
        logger.info("=> slack %s %s", method, where)
        fn = getattr(ws.client, method.replace(".", "_"))
        try:
            response = await fn(**kwargs)
        except SlackApiError as exc:
            status = getattr(exc.response, "status_code", 200)
            self.errors["rate_limited" if status == 429 else "server_error" if status >= 500
                        else "client_error"] += 1
            raise delivery_error(method, where, exc) from exc
        except (TimeoutError, OSError, aiohttp.ClientError) as exc:
            self.errors["network"] += 1
            raise DeliveryError(f"slack {method} in {where}: {exc!r}") from exc
        return response.data if isinstance(response.data, dict) else {}

    async def send(self, message: Outbound) -> str:
        if message.attempt > 1:
            earlier = await self._find_earlier_post(message)
            if earlier is not None:
                logger.info("=> slack %s was already posted as %s (resend after a crash)",
                            message.idempotency_key, earlier)
                return earlier
        data = await self._call(message.channel, "chat.postMessage", **convert.post_message_kwargs(message))
        return str(data["ts"])

    async def _find_earlier_post(self, message: Outbound) -> str | None:
        """The ts of our own earlier post of this delivery, found by its metadata, if any.

        A worker that died after Slack accepted a post but before the outbox recorded it retries
        the same delivery; the newest messages (or the thread's replies) tell whether it landed.
        """
        channel = message.channel
        if message.thread_id:
            data = await self._call(channel, "conversations.replies", channel=channel.channel,
                                    ts=message.thread_id, limit=100, include_all_metadata=True)
        else:
            data = await self._call(channel, "conversations.history", channel=channel.channel,
                                    limit=100, include_all_metadata=True)
        for posted in data.get("messages") or []:
            if convert.delivery_key(posted) == message.idempotency_key:
                return str(posted["ts"])
        return None

    async def edit(self, channel: ChannelRef, message_id: str, text: str) -> None:
        await self._call(
            channel, "chat.update", channel=channel.channel, ts=message_id, text=convert.plain_to_slack(text)
        )

    async def delete(self, channel: ChannelRef, message_id: str) -> None:
        await self._call(channel, "chat.delete", channel=channel.channel, ts=message_id)

    async def notify_private(
        self, channel: ChannelRef, user_id: str, text: str, *, message_id: str | None = None
    ) -> None:
        await self._call(
            channel,
            "chat.postEphemeral",
            channel=channel.channel,
            user=user_id,
            text=convert.plain_to_slack(text),
        )

    async def post_review(self, channel: ChannelRef, card: ReviewCard) -> str:
        data = await self._call(channel, "chat.postMessage", **convert.review_message_kwargs(channel, card))
        return str(data["ts"])

    async def update_review(
        self, channel: ChannelRef, message_id: str, card: ReviewCard, outcome: ReviewOutcome | None
    ) -> None:
        kwargs = convert.review_message_kwargs(channel, card, outcome)
        kwargs.pop("unfurl_links"), kwargs.pop("unfurl_media")
        await self._call(channel, "chat.update", ts=message_id, **kwargs)

    async def members(self, channel: ChannelRef) -> Members:
        """Human members of a channel; a public channel is one any coordinator in the workspace can open."""
        humans = await self._human_members(channel)
        return Members(tuple(humans), coordinator_can_see=await self._is_public(channel))

    async def _human_members(self, channel: ChannelRef) -> list[str]:
        """``conversations.members`` paged, bots filtered via users.info."""
        ws = self._workspace(channel)
        members: list[str] = []
        cursor: str | None = None
        for _ in range(100):  # bounded: 100 pages of 200 members
            try:
                page = await ws.client.conversations_members(
                    channel=channel.channel, limit=200, cursor=cursor
                )
            except SlackApiError as exc:
                raise delivery_error("conversations.members", channel, exc) from exc
            members.extend(page.get("members") or [])
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        humans = []
        for user_id in members:
            if user_id == ws.bot_user_id:
                continue
            user = await self._user(ws, user_id)
            if not user.get("is_bot") and not user.get("deleted"):
                humans.append(user_id)
        return humans

    async def _is_public(self, channel: ChannelRef) -> bool:
        """Whether anyone in the workspace can open the channel (``conversations.info``)."""
        data = await self._call(channel, "conversations.info", channel=channel.channel)
        info = data.get("channel") or {}
        return not info.get("is_private", True) and not info.get("is_im") and not info.get("is_mpim")

