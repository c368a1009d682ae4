"""Exports of a match's or a person's transcripts (CSV, JSON, printable HTML, PDF), each audited
first and carrying a line to verify it against the log's hash chain."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from bot.transcript import outcome_text
from bot.web import exports, views_records
from bot.web.pages import Pages, local_time
from bot.web.routes_records import period
from bot.web.scope import NotFound, ProgramScope


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-") or "export"


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    api = APIRouter()

    @api.get("/matches/{key}/export.{fmt}")
    async def export_match(request: Request, key: str, fmt: str, since: str = "", until: str = "",
                           program: ProgramScope = Depends(scope)) -> Response:
        if fmt not in exports.FORMATS:
            raise NotFound("That export format")
        start, end = period(program, since, until)
        page = await asyncio.to_thread(views_records.transcript, program, key, since=start, until=end,
                                       purpose=f"transcript.export.{fmt}")
        lines = [(page.match.key, line) for line in page.lines]
        return await export(pages, request, program, fmt, f"match {page.match.key}", page.match.key,
                            lines, start, end, page.previous_text)

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
        subject = f"{person.role} {person.display_name} ({person.key})"
        return await export(pages, request, program, fmt, subject, person.key, lines, start, end, previous)

    return api


async def export(pages: Pages, request: Request, program: ProgramScope, fmt: str, subject: str, name: str,
                 lines: list, start: datetime | None, end: datetime | None,  # type: ignore[type-arg]
                 previous: dict[int, str]) -> Response:
    """The export file, its name carrying program, subject and day."""
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
                            tzname=program.who.timezone, outcome=outcome_text)
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
