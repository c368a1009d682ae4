"""Reading a Slack channel's history for the catch-up: every page, oldest first, 429s waited out.

``conversations.history`` and ``conversations.replies`` are Tier 3 methods (about 50 calls a
minute per workspace); Slack answers too many calls with HTTP 429 and a ``Retry-After`` header.
The catch-up's own Web API client lets slack_sdk's ``AsyncRateLimitErrorRetryHandler`` wait that
long and ask again — up to ``MAX_RATE_LIMIT_WAIT`` seconds a time, because live events of the
channel wait behind its catch-up; a longer wait comes back as the 429 and the catch-up of that
channel is tried again later. (The client that posts has no such handler: there the core's
delivery worker waits per channel.)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

PAGE_SIZE = 200  # Slack recommends no more than 200 results a page
MAX_HISTORY_PAGES = 50  # 10,000 top-level messages: far beyond a supervised channel's week
MAX_THREAD_PAGES = 10
MAX_RATE_LIMIT_WAIT = 30.0  # seconds one 429 may hold a channel's catch-up (and its live events)
RATE_LIMIT_RETRIES = 5


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler (sleeps ``Retry-After``, then asks again), but only for waits of at
    most ``max_wait`` seconds."""

    def __init__(self, *, max_retry_count: int = RATE_LIMIT_RETRIES, max_wait: float = MAX_RATE_LIMIT_WAIT,
                 errors: Counter[str] | None = None):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait
        self.errors = errors if errors is not None else Counter()  # the adapter's, for /metrics

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        if response is not None and response.status_code == 429:
            self.errors["rate_limited"] += 1
        if not await super()._can_retry_async(state=state, request=request, response=response, error=error):
            return False
        return response is not None and _retry_after(response) <= self.max_wait


def _retry_after(response: HttpResponse) -> float:
    for name, values in (response.headers or {}).items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) and values else values
            try:
                return float(value)
            except (TypeError, ValueError):
                return 1.0
    return 1.0


def history_client(token: str, base_url: str, *, errors: Counter[str] | None = None) -> AsyncWebClient:
    """A Web API client for reading history: waits out 429s (counted in ``errors``) and retries a
    dropped connection."""
    return AsyncWebClient(token=token, base_url=base_url, retry_handlers=[
        AsyncConnectionErrorRetryHandler(max_retry_count=2), BoundedRateLimitRetryHandler(errors=errors)])


def history_body(team_id: str, channel_id: str, message: dict[str, Any]) -> dict[str, Any]:
    """A message read from ``conversations.history``/``replies`` as the ``event_callback`` body the
    live event would have been (minus ``event_id``), so both take the same path and key."""
    event = {**message, "type": "message", "channel": channel_id,
             "channel_type": "im" if channel_id.startswith("D") else "channel"}
    return {"type": "event_callback", "team_id": team_id, "event": event}


def history_edit_body(team_id: str, channel_id: str, message: dict[str, Any]) -> dict[str, Any]:
    """An edited message read from history as the ``message_changed`` body of its edit (Slack's
    history keeps only the current text, so "previous" is unknown; the core compares with its log)."""
    event = {"type": "message", "subtype": "message_changed", "channel": channel_id, "message": message,
             "previous_message": {"ts": message.get("ts"), "text": None},
             "ts": (message.get("edited") or {}).get("ts"),
             "channel_type": "im" if channel_id.startswith("D") else "channel"}
    return {"type": "event_callback", "team_id": team_id, "event": event}


def _ts(message: dict[str, Any]) -> float:
    return float(message.get("ts") or 0)


def _next_cursor(page: Any) -> str | None:
    return (page.get("response_metadata") or {}).get("next_cursor") or None


class HistoryTooLong(Exception):
    """More history than one catch-up reads (``MAX_HISTORY_PAGES``)."""


async def channel_since(client: AsyncWebClient, channel: str, oldest: float) -> list[dict[str, Any]]:
    """The channel's top-level messages (and replies also sent to the channel) after ``oldest``,
    oldest first. Slack pages newest first, so every page is read before anything is returned."""
    messages: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(MAX_HISTORY_PAGES):
        page = await client.conversations_history(channel=channel, oldest=f"{oldest:.6f}", limit=PAGE_SIZE,
                                                  cursor=cursor)
        messages.extend(page.get("messages") or [])
        cursor = _next_cursor(page)
        if not cursor:
            return sorted(messages, key=_ts)
    raise HistoryTooLong(f"{channel} has more than {MAX_HISTORY_PAGES * PAGE_SIZE} messages to catch up")


async def thread_replies(client: AsyncWebClient, channel: str, thread_ts: str) -> list[dict[str, Any]]:
    """A thread's replies (not its parent), oldest first, every page (bounded)."""
    replies: dict[str, dict[str, Any]] = {}
    cursor: str | None = None
    for _ in range(MAX_THREAD_PAGES):
        page = await client.conversations_replies(channel=channel, ts=thread_ts, limit=PAGE_SIZE,
                                                  cursor=cursor)
        for message in page.get("messages") or []:
            if message.get("ts") != thread_ts:
                replies[message["ts"]] = message
        cursor = _next_cursor(page)
        if not cursor:
            break
    return sorted(replies.values(), key=_ts)
