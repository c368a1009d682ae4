"""Records: transcripts, search, a person's page, exports and the access log."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from bot.web import exports, views_records
from bot.web.pages import Pages, local_time
from bot.web.scope import NotFound, ProgramScope
from bot.web.search import DECISIONS


def parse_day(value: str, timezone: str, *, end: bool = False) -> datetime | None:
    """A YYYY-MM-DD from a date field as the start (or, for ``end``, the end) of that local day."""
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=ZoneInfo(timezone))
    except ValueError as error:
        raise HTTPException(400, f"'{value}' is not a date (use YYYY-MM-DD).") from error
    return day + timedelta(days=1) if end else day


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-") or "export"


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    api = APIRouter()

    def period(program: ProgramScope, since: str, until: str) -> tuple[datetime | None, datetime | None]:
        return parse_day(since, program.who.timezone), parse_day(until, program.who.timezone, end=True)

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

    @api.get("/matches/{key}/export.{fmt}")
    async def export_match(request: Request, key: str, fmt: str, since: str = "", until: str = "",
                           program: ProgramScope = Depends(scope)) -> Response:
        if fmt not in exports.FORMATS:
            raise NotFound("That export format")
        start, end = period(program, since, until)
        page = await asyncio.to_thread(views_records.transcript, program, key, since=start, until=end,
                                       purpose=f"transcript.export.{fmt}")
        lines = [(page.match.key, line) for line in page.lines]
        return await _export(request, program, fmt, f"match {page.match.key}", page.match.key, lines,
                             start, end, page.previous_text)

    @api.get("/people/{key}/export.{fmt}")
    async def export_person(request: Request, key: str, fmt: str, since: str = "", until: str = "",
                            program: ProgramScope = Depends(scope)) -> Response:
        if fmt not in exports.FORMATS:
            raise NotFound("That export format")
        start, end = period(program, since, until)
        person, found = await asyncio.to_thread(views_records.student_transcripts, program, key,
                                                purpose=f"transcript.export.{fmt}", since=start, until=end)
        lines = sorted(((match.key, line) for match, rows in found for line in rows), key=lambda x: x[1].id)
        with program.session() as session:
            previous = views_records.previous_texts(session, program, [line for _, line in lines])
        return await _export(request, program, fmt, f"{person.role} {person.display_name} ({person.key})",
                             person.key, lines, start, end, previous)

    async def _export(request: Request, program: ProgramScope, fmt: str, subject: str, name: str,
                      lines: list, start: datetime | None, end: datetime | None,
                      previous: dict[int, str]) -> Response:
        with program.session() as session:
            entries, head = exports.verification_head(session, program.program_id)
        shown_end = end - timedelta(days=1) if end else None
        meta = exports.ExportMeta(
            program_id=program.program_id, program_name=program.program_name, subject=subject,
            period=exports.period_label(start, shown_end, lines),
            exported_at=local_time(program.now(), program.who.timezone),
            exported_by=f"{program.who.name} ({program.actor})", log_entries=entries, log_hash=head)
        filename = f"{_slug(program.program_id)}-{_slug(name)}-{program.now():%Y%m%d}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if fmt == "csv":
            return Response(exports.to_csv(meta, lines), media_type=exports.MEDIA_TYPES[fmt],
                            headers=headers)
        if fmt == "json":
            return Response(exports.to_json(meta, lines), media_type=exports.MEDIA_TYPES[fmt],
                            headers=headers)
        if fmt == "pdf":
            from bot.web import pdf  # fpdf2 and fontTools take ~0.5 s to import: only when asked

            body = await asyncio.to_thread(pdf.render, meta, lines, previous)
            return Response(body, media_type=exports.MEDIA_TYPES[fmt], headers=headers)
        response = pages.render(request, "export.html", None, meta=meta, lines=lines, previous=previous,
                                tzname=program.who.timezone)
        response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

    return api
