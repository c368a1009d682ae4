"""HTTP mode's request handler: Slack's signed requests to one workspace's Request URL(s)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp


def signed_requests(app: AsyncApp) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The aiohttp handler of one workspace's Request URL(s).

    bolt's own ``AsyncSlackAppServer`` answers 404 on any path but the one it was built with, and
    slack_sdk's ``SignatureVerifier`` calls ``int()`` on the timestamp header, so a malformed one
    raised a 500 (issue 12 item 7). Slack always sends whole seconds as ASCII digits; anything else
    is an unauthenticated request: 401, before bolt sees it.
    """
    async def handle(request: web.Request) -> web.Response:
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not (stamp.isascii() and stamp.isdigit()):
            return web.Response(status=401, text="invalid or missing X-Slack-Request-Timestamp")
        response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    return handle
