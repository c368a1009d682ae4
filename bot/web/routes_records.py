"""Records: transcripts, search, a person's page and the access log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from bot.web import views_records
from bot.web.pages import Pages
from bot.web.scope import ProgramScope
from storage.search import DECISIONS


def parse_day(value: str, timezone: str, *, end: bool = False) -> datetime | None:
    """A YYYY-MM-DD from a date field as the start (or, for ``end``, the end) of that local day."""
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=ZoneInfo(timezone))
    except ValueError as error:
        raise HTTPException(400, f"'{value}' is not a date (use YYYY-MM-DD).") from error
    return day + timedelta(days=1) if end else day


def period(program: ProgramScope, since: str, until: str) -> tuple[datetime | None, datetime | None]:
    """The [since, until) dates of a form, as instants in the program's time zone."""
    return parse_day(since, program.who.timezone), parse_day(until, program.who.timezone, end=True)


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    """Transcripts, search, a person's page and the access log (exports: ``routes_exports``)."""
    api = APIRouter()

    @api.get("/matches/{key}")
    def match_page(request: Request, key: str, since: str = "", until: str = "",
                   program: ProgramScope = Depends(scope)) -> Response:
        start, end = period(program, since, until)
        page = views_records.transcript(program, key, since=start, until=end)
        return pages.render(request, "transcript.html", program, page=page, since=since, until=until,
                            done=request.query_params.get("done", ""))

    @api.get("/search")
    def search(request: Request, q: str = "", match: str = "", person: str = "", decision: str = "",
               since: str = "", until: str = "", before: int | None = None,
               program: ProgramScope = Depends(scope)) -> Response:
        if decision and decision not in DECISIONS:
            raise HTTPException(400, "Unknown decision filter.")
        start, end = period(program, since, until)
        asked = any((q, match, person, decision, since, until))
        page = views_records.search(program, q=q, match_key=match, person_key=person, decision=decision,
                                    since=start, until=end, before=before) if asked else None
        form = {"q": q, "match": match, "person": person, "decision": decision, "since": since,
                "until": until}
        return pages.render(request, "search.html", program, page=page, form=form, decisions=DECISIONS,
                            options=views_records.search_options(program))

    @api.get("/people/{key}")
    def person_page(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(request, "person.html", program, page=views_records.person_page(program, key))

    @api.get("/access")
    def access(request: Request, page: int = 0, program: ProgramScope = Depends(scope)) -> Response:
        rows, more = views_records.access_log(program, page=max(0, page))
        return pages.render(request, "access.html", program, rows=rows, page=max(0, page), more=more)

    return api
