"""Rendering pages: the Jinja2 environment (autoescape always on), filters, and the page frame."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from bot.web import text as web_text
from bot.web.scope import ProgramScope
from storage.clock import as_utc


def local_time(moment: datetime | str | None, timezone: str, *, with_zone: bool = True) -> str:
    """Program-local time a coordinator reads at a glance: ``Tue 13 Oct 2026, 3:05 PM EDT``."""
    if moment is None or moment == "":
        return "—"
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    local = as_utc(moment).astimezone(ZoneInfo(timezone))
    hour = local.strftime("%I").lstrip("0")
    stamp = local.strftime(f"%a %d %b %Y, {hour}:%M %p")
    return f"{stamp} {local.strftime('%Z')}" if with_zone else stamp


def local_day(moment: datetime | date | None, timezone: str) -> str:
    if moment is None:
        return "—"
    if isinstance(moment, datetime):
        moment = as_utc(moment).astimezone(ZoneInfo(timezone)).date()
    return moment.strftime("%d %b %Y")


class Pages:
    """Templates with the desk's filters; ``render`` adds who is signed in and the nav counts."""

    def __init__(self, folder: Path):
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True,
                                      lstrip_blocks=True)
        self.env.filters["shown"] = web_text.shown
        self.env.filters["highlight"] = web_text.highlight

    def render(self, request: Request, name: str, scope: ProgramScope | None, *, status: int = 200,
               **context: Any) -> HTMLResponse:
        timezone = context.pop("tzname", None) or (scope.who.timezone if scope else "America/New_York")
        counts = None
        if scope is not None:
            from bot.web.views_glance import nav_counts

            with scope.session() as session:
                counts = nav_counts(session, scope)
        html = self.env.get_template(name).render(
            request=request, scope=scope, counts=counts, path=request.url.path,
            when=lambda m: local_time(m, timezone), day=lambda m: local_day(m, timezone), **context)
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.render(request, "error.html", None, status=status, status_code=status, message=message)
