"""The coordinator's desk: server-rendered web pages over the running core (issue 7)."""

from bot.web.app import create_web_app, serve_web_in_background

__all__ = ["create_web_app", "serve_web_in_background"]
