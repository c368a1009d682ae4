"""REST handlers of the fake Discord: messages, history, webhooks, reactions, interactions, commands."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web

from fakes.discord_components import component_problems

if TYPE_CHECKING:
    from fakes.discord_server import Call, FakeDiscord


def _json(data: Any, status: int = 200) -> web.Response:
    from fakes.discord_server import jresp

    return jresp(data, status)


def _error(status: int, code: int, message: str) -> web.Response:
    return _json({"message": message, "code": code}, status)


NOT_FOUND = (404, 0, "404: Not Found")
UNKNOWN_CHANNEL = (404, 10003, "Unknown Channel")
UNKNOWN_MESSAGE = (404, 10008, "Unknown Message")
UNKNOWN_WEBHOOK = (404, 10015, "Unknown Webhook")
MAX_WEBHOOKS = (400, 30007, "Maximum number of webhooks reached (15)")
WEBHOOKS_PER_CHANNEL = 15  # Discord's limit (https://discord.com/developers/docs/resources/webhook)
HISTORY_MAX = 100  # GET /channels/{id}/messages answers at most 100 messages per request

ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    (m, re.compile(p), h)
    for m, p, h in [
        ("GET", r"/users/@me", "me"),
        ("GET", r"/oauth2/applications/@me", "application"),
        ("GET", r"/gateway(/bot)?", "gateway"),
        ("PUT", r"/applications/(?P<app>\d+)(/guilds/(?P<guild>\d+))?/commands", "put_commands"),
        ("GET", r"/applications/(?P<app>\d+)(/guilds/(?P<guild>\d+))?/commands", "get_commands"),
        ("GET", r"/channels/(?P<channel>\d+)", "get_channel"),
        ("POST", r"/channels/(?P<channel>\d+)/messages", "post_message"),
        ("GET", r"/channels/(?P<channel>\d+)/messages", "history"),
        ("GET", r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)", "get_message"),
        ("PATCH", r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)", "edit_message"),
        ("DELETE", r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)", "delete_message"),
        (
            "PUT",
            r"/channels/(?P<channel>\d+)/messages/(?P<message>\d+)/reactions/(?P<emoji>[^/]+)/@me",
            "react",
        ),
        ("POST", r"/channels/(?P<channel>\d+)/webhooks", "create_webhook"),
        ("GET", r"/channels/(?P<channel>\d+)/webhooks", "list_webhooks"),
        ("GET", r"/webhooks/(?P<webhook>\d+)", "get_webhook"),
        ("DELETE", r"/webhooks/(?P<webhook>\d+)", "delete_webhook"),
        ("POST", r"/webhooks/(?P<webhook>\d+)/(?P<token>[^/]+)", "execute"),
        (
            "PATCH",
            r"/webhooks/(?P<webhook>\d+)/(?P<token>[^/]+)/messages/(?P<message>\d+|@original)",
            "wh_edit",
        ),
        (
            "DELETE",
            r"/webhooks/(?P<webhook>\d+)/(?P<token>[^/]+)/messages/(?P<message>\d+|@original)",
            "wh_delete",
        ),
        ("POST", r"/interactions/(?P<interaction>\d+)/(?P<token>[^/]+)/callback", "callback"),
        ("POST", r"/users/@me/channels", "open_dm"),
    ]
]


async def route(fake: FakeDiscord, method: str, path: str, call: Call) -> web.Response:
    for m, rx, name in ROUTES:
        match = rx.fullmatch(path)
        if m == method and match:
            if not name.startswith(("execute", "wh_", "callback")) and call.auth != f"Bot {fake.token}":
                return _error(401, 0, "401: Unauthorized")
            handler = globals()[f"_{name}"]
            return handler(fake, call, **match.groupdict())
    return _error(*NOT_FOUND)


def _me(fake: FakeDiscord, call: Call) -> web.Response:
    return _json(fake.bot_user)


def _application(fake: FakeDiscord, call: Call) -> web.Response:
    return _json(
        {
            "id": fake.app_id,
            "name": "mentorbot",
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": fake.bot_user,
            "verify_key": "00",
            "flags": 0,
            "interactions_endpoint_url": None,
            "summary": "",
            "rpc_origins": [],
            "team": None,
        }
    )


def _gateway(fake: FakeDiscord, call: Call) -> web.Response:
    """``GET /gateway/bot``: where to connect, how many shards Discord recommends, and how many
    session starts (IDENTIFYs) are left today (1,000 a day; one at a time per concurrency bucket)."""
    limit = {"total": 1000, "remaining": max(0, 1000 - fake.session_starts), "reset_after": 86_400_000,
             "max_concurrency": 1}
    return _json({"url": fake.gateway_url, "shards": fake.recommended_shards, "session_start_limit": limit})


def _put_commands(fake: FakeDiscord, call: Call, app: str, guild: str | None) -> web.Response:
    out = []
    for cmd in call.body or []:
        out.append(
            {
                **cmd,
                "id": fake.new_id(),
                "application_id": fake.app_id,
                "version": fake.new_id(),
                "guild_id": guild,
                "default_member_permissions": cmd.get("default_member_permissions"),
            }
        )
    fake.commands[guild or "global"] = out
    return _json(out)


def _get_commands(fake: FakeDiscord, call: Call, app: str, guild: str | None) -> web.Response:
    return _json(fake.commands.get(guild or "global", []))


def _get_channel(fake: FakeDiscord, call: Call, channel: str) -> web.Response:
    if channel not in fake.channels:
        return _error(*UNKNOWN_CHANNEL)
    return _json(fake.channels[channel])


def _post_message(fake: FakeDiscord, call: Call, channel: str) -> web.Response:
    if channel not in fake.channels:
        return _error(*UNKNOWN_CHANNEL)
    body = call.body or {}
    nonce = body.get("nonce")
    if nonce is not None and body.get("enforce_nonce"):
        for old in fake.messages[channel]:
            if old.get("nonce") == nonce and old["author"]["id"] == fake.bot_user["id"]:
                return _json(old)  # Discord returns the earlier message instead of a duplicate
    msg = fake.make_message(
        channel,
        dict(fake.bot_user),
        body.get("content") or "",
        nonce=nonce,
        reply_to=(body.get("message_reference") or {}).get("message_id"),
        embeds=body.get("embeds"),
        components=body.get("components"),
    )
    fake.add_message(msg)
    fake.pending_dispatch("MESSAGE_CREATE", msg)
    fake.accepted(msg, call.peer)
    return _json(msg)


def _fetched(msg: dict[str, Any]) -> dict[str, Any]:
    """A stored message as GET returns it: Discord echoes ``nonce`` only on create, never on fetch."""
    return {k: v for k, v in msg.items() if k not in ("nonce", "avatar_url")}


def _history(fake: FakeDiscord, call: Call, channel: str) -> web.Response:
    if channel not in fake.channels:
        return _error(*UNKNOWN_CHANNEL)
    limit = max(1, min(HISTORY_MAX, int(call.query.get("limit", 50))))
    msgs = fake.messages[channel]  # oldest first
    if "after" in call.query:
        after = int(call.query["after"])
        page = [m for m in msgs if int(m["id"]) > after][:limit]
    elif "before" in call.query:
        before = int(call.query["before"])
        page = [m for m in msgs if int(m["id"]) < before][-limit:]
    else:
        page = msgs[-limit:]
    return _json([_fetched(m) for m in reversed(page)])  # Discord answers newest first


def _find(fake: FakeDiscord, channel: str, message: str) -> dict[str, Any] | None:
    try:
        return fake.find_message(channel, message)
    except KeyError:
        return None


def _get_message(fake: FakeDiscord, call: Call, channel: str, message: str) -> web.Response:
    msg = _find(fake, channel, message)
    return _json(_fetched(msg)) if msg else _error(*UNKNOWN_MESSAGE)


def _apply_edit(fake: FakeDiscord, msg: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    for key in ("content", "embeds", "components"):
        if key in body:
            msg[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
    msg["edited_timestamp"] = datetime.now(UTC).isoformat()
    fake.pending_dispatch("MESSAGE_UPDATE", dict(msg))
    return msg


def _edit_message(fake: FakeDiscord, call: Call, channel: str, message: str) -> web.Response:
    msg = _find(fake, channel, message)
    if msg is None:
        return _error(*UNKNOWN_MESSAGE)
    if msg["author"]["id"] != fake.bot_user["id"]:
        return _error(403, 50005, "Cannot edit a message authored by another user")
    return _json(_apply_edit(fake, msg, call.body or {}))


def _delete_message(fake: FakeDiscord, call: Call, channel: str, message: str) -> web.Response:
    msg = _find(fake, channel, message)
    if msg is None:
        return _error(*UNKNOWN_MESSAGE)
    fake.messages[channel].remove(msg)
    fake.deleted.append(msg)
    fake.pending_dispatch("MESSAGE_DELETE", fake._delete_payload(channel, message))
    return web.Response(status=204)


def _react(fake: FakeDiscord, call: Call, channel: str, message: str, emoji: str) -> web.Response:
    from urllib.parse import unquote

    if _find(fake, channel, message) is None:
        return _error(*UNKNOWN_MESSAGE)
    fake.reactions.append((channel, message, unquote(emoji)))
    return web.Response(status=204)


def _webhook_payload(fake: FakeDiscord, wh: dict[str, Any]) -> dict[str, Any]:
    """The webhook object Discord returns: with ``token`` for incoming webhooks, ``user`` = its creator."""
    return {k: v for k, v in wh.items() if k != "creator"} | {"user": fake.users[wh["creator"]]}


def _create_webhook(fake: FakeDiscord, call: Call, channel: str) -> web.Response:
    if channel not in fake.channels:
        return _error(*UNKNOWN_CHANNEL)
    if sum(1 for w in fake.webhooks.values() if w["channel_id"] == channel) >= WEBHOOKS_PER_CHANNEL:
        return _error(*MAX_WEBHOOKS)
    wh = fake.add_webhook(channel, (call.body or {}).get("name", "hook"))
    return _json(_webhook_payload(fake, wh))


def _list_webhooks(fake: FakeDiscord, call: Call, channel: str) -> web.Response:
    return _json([_webhook_payload(fake, w) for w in fake.webhooks.values() if w["channel_id"] == channel])


def _get_webhook(fake: FakeDiscord, call: Call, webhook: str) -> web.Response:
    wh = fake.webhooks.get(webhook)
    return _json(_webhook_payload(fake, wh)) if wh else _error(*UNKNOWN_WEBHOOK)


def _delete_webhook(fake: FakeDiscord, call: Call, webhook: str) -> web.Response:
    if fake.webhooks.pop(webhook, None) is None:
        return _error(*UNKNOWN_WEBHOOK)
    return web.Response(status=204)


def _execute(fake: FakeDiscord, call: Call, webhook: str, token: str) -> web.Response:
    body = call.body or {}
    if webhook == fake.app_id:  # an interaction follow-up
        problems = component_problems(body.get("components") or [])
        if problems:
            return _json({"message": "Invalid Form Body", "code": 50035, "errors": problems}, 400)
        fake.interaction_responses.append({"kind": "followup", "token": token, **body})
        channel = fake.interaction_channels.get(token, "")
        msg = fake.make_message(channel, dict(fake.bot_user), body.get("content") or "", webhook_id=webhook,
                                components=body.get("components"))
        msg["flags"] = body.get("flags", 0)
        fake.store_followup(msg, token)
        return _json(msg)
    wh = fake.webhooks.get(webhook)
    if wh is None or wh["token"] != token:
        return _error(*UNKNOWN_WEBHOOK)
    channel = call.query.get("thread_id") or wh["channel_id"]
    if channel not in fake.channels:
        return _error(*UNKNOWN_CHANNEL)
    author = {
        "id": webhook,
        "username": body.get("username") or wh["name"],
        "discriminator": "0000",
        "avatar": None,
        "bot": True,
        "global_name": None,
    }
    msg = fake.make_message(
        channel, author, body.get("content") or "", webhook_id=webhook, embeds=body.get("embeds")
    )
    msg["application_id"] = fake.app_id
    if body.get("avatar_url"):
        msg["avatar_url"] = body["avatar_url"]  # not in real payloads; lets tests check the avatar
    fake.add_message(msg)
    fake.pending_dispatch("MESSAGE_CREATE", msg)
    fake.accepted(msg, call.peer)
    if call.query.get("wait") in ("1", "true", "True"):
        return _json(msg)
    return web.Response(status=204)


def _wh_message(fake: FakeDiscord, call: Call, webhook: str, token: str, message: str):
    if webhook == fake.app_id:
        return None, None
    wh = fake.webhooks.get(webhook)
    if wh is None or wh["token"] != token:
        return None, _error(*UNKNOWN_WEBHOOK)
    channel = call.query.get("thread_id") or wh["channel_id"]
    msg = _find(fake, channel, message)
    if msg is None or msg.get("webhook_id") != webhook:
        return None, _error(*UNKNOWN_MESSAGE)
    return msg, None


def _wh_edit(fake: FakeDiscord, call: Call, webhook: str, token: str, message: str) -> web.Response:
    if webhook == fake.app_id:
        fake.interaction_responses.append({"kind": "edit_original", "token": token, **(call.body or {})})
        return _json(fake.make_message(fake.interaction_channels.get(token, ""), dict(fake.bot_user), ""))
    msg, err = _wh_message(fake, call, webhook, token, message)
    return err if err is not None else _json(_apply_edit(fake, msg, call.body or {}))


def _wh_delete(fake: FakeDiscord, call: Call, webhook: str, token: str, message: str) -> web.Response:
    msg, err = _wh_message(fake, call, webhook, token, message)
    if err is not None:
        return err
    if msg is not None:
        fake.messages[msg["channel_id"]].remove(msg)
        fake.deleted.append(msg)
        fake.pending_dispatch("MESSAGE_DELETE", fake._delete_payload(msg["channel_id"], message))
    return web.Response(status=204)


def _callback(fake: FakeDiscord, call: Call, interaction: str, token: str) -> web.Response:
    body = call.body or {}
    problems = component_problems((body.get("data") or {}).get("components") or [])
    if problems:
        return _json({"message": "Invalid Form Body", "code": 50035, "errors": problems}, 400)
    fake.interaction_responses.append({"kind": "callback", "token": token, **body})
    if body.get("type") == 7:  # UPDATE_MESSAGE: the component's message is redrawn
        fake.update_message(interaction, body.get("data") or {})
    flags = (body.get("data") or {}).get("flags", 0)
    result: dict[str, Any] = {
        "interaction": {
            "id": interaction,
            "type": 2,
            "activity_instance_id": None,
            "response_message_id": None,
            "response_message_loading": body.get("type") == 5,
            "response_message_ephemeral": bool(flags & 64),
        },
        "resource": {"type": body.get("type", 4)},
    }
    return _json(result)


def _open_dm(fake: FakeDiscord, call: Call) -> web.Response:
    user = str((call.body or {}).get("recipient_id"))
    if user not in fake.users:
        return _error(400, 50007, "Cannot send messages to this user")
    if user not in fake.dm_channels:
        cid = fake.new_id()
        fake.channels[cid] = {"id": cid, "type": 1, "recipients": [fake.users[user]], "last_message_id": None}
        fake.messages[cid] = []
        fake.dm_channels[user] = fake.channels[cid]
    return _json(fake.dm_channels[user])
