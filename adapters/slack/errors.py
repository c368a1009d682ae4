"""Slack Web API failures as the port's DeliveryError: permanent, rate-limited, or worth a retry."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackApiError

from bot.messages import ChannelRef
from bot.ports import DeliveryError

# Errors after which retrying cannot help: the channel is gone or closed to us, or the token is.
# Source: api.slack.com/methods/chat.postMessage "Errors" (checked 2024).
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_authed",
        "no_permission",
        "missing_scope",
        "restricted_action",
        "team_access_not_granted",
        "ekm_access_denied",
        "message_not_found",
        "cant_update_message",
        "cant_delete_message",
        "msg_too_long",
        "invalid_blocks",
        "user_not_in_channel",
    }
)


def delivery_error(method: str, channel: ChannelRef, exc: SlackApiError) -> DeliveryError:
    """Map a Slack Web API failure to the port's DeliveryError (permanent / retry_after)."""
    response = exc.response
    status = getattr(response, "status_code", 0)
    error = response.get("error") if hasattr(response, "get") else None
    text = f"slack {method} in {channel}: {error or status}"
    if status == 429:
        retry_after = retry_after_of(response)
        return DeliveryError(text, retry_after=retry_after)
    if error in PERMANENT_ERRORS:
        return DeliveryError(text, permanent=True)
    return DeliveryError(text)


def retry_after_of(response: Any) -> float:
    headers = getattr(response, "headers", None) or {}
    value = None
    for key in ("Retry-After", "retry-after"):
        if key in headers:
            value = headers[key]
            break
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(float(value), 0.0) if value is not None else 1.0
    except (TypeError, ValueError):
        return 1.0
