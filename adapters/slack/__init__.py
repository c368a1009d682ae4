"""The Slack adapter: ``build(settings)`` turns mentorbot settings into a SlackAdapter.

The SDK is imported on first use, so ``adapters.slack.facts`` (read by the registry) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from adapters.slack.adapter import SlackAdapter, WorkspaceConfig

__all__ = ["SlackAdapter", "WorkspaceConfig", "build", "workspaces_from_settings"]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def workspaces_from_settings(settings: Any) -> list[WorkspaceConfig]:
    """One WorkspaceConfig per comma-separated SLACK_BOT_TOKEN, paired by position with the
    comma-separated SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).

    One Slack app is created (from the manifest) in each workspace, so each workspace has its
    own pair of tokens; one mentorbot process serves them all.
    """
    from adapters.slack.adapter import WorkspaceConfig

    bots = _split(settings.slack_bot_token)
    apps = _split(settings.slack_app_token)
    secrets = _split(settings.slack_signing_secret)
    if not bots:
        raise ValueError("SLACK_BOT_TOKEN is empty: paste the app's 'Bot User OAuth Token' (xoxb-…)")
    if settings.slack_mode == "socket" and len(apps) != len(bots):
        raise ValueError(
            f"Socket Mode needs one SLACK_APP_TOKEN (xapp-…) per SLACK_BOT_TOKEN, in the same order: "
            f"got {len(bots)} bot token(s) and {len(apps)} app token(s)"
        )
    if settings.slack_mode == "http" and len(secrets) != len(bots):
        raise ValueError(
            f"HTTP mode needs one SLACK_SIGNING_SECRET per SLACK_BOT_TOKEN, in the same order: "
            f"got {len(bots)} bot token(s) and {len(secrets)} signing secret(s)"
        )
    return [
        WorkspaceConfig(
            bot_token=bot,
            app_token=apps[i] if i < len(apps) else None,
            signing_secret=secrets[i] if i < len(secrets) else None,
        )
        for i, bot in enumerate(bots)
    ]


def build(settings: Any) -> SlackAdapter:
    """The production SlackAdapter for ``bot.settings.Settings``."""
    from adapters.slack.adapter import SlackAdapter

    return SlackAdapter(
        workspaces=workspaces_from_settings(settings),
        mode=settings.slack_mode,
        api_url=settings.slack_api_url,
        http_host=settings.slack_http_host,
        http_port=settings.slack_http_port,
    )


def __getattr__(name: str) -> Any:
    if name in ("SlackAdapter", "WorkspaceConfig"):
        from adapters.slack import adapter

        return getattr(adapter, name)
    raise AttributeError(name)
