"""The desk's program-year pages (issue 14): expectations and check-ins (/year), training and
consent records with the everyday edits (/records), a student's year (/people/KEY/year) and the
participation and credit report (/credit). Every change goes through ``core.year``; a refusal
comes back as the page's message and nothing is written."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bot.web import views_records_year as views_year
from bot.web.pages import Pages
from bot.web.scope import ProgramScope
from bot.year import credit, credit_export
from bot.year.settings import YearError

LIMIT = 4000


def _day(value: str, what: str, *, required: bool = True) -> date | None:
    if not value.strip():
        if required:
            raise YearError(f"fill in {what} (YYYY-MM-DD)")
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise YearError(f"{what}: '{value}' is not a date (YYYY-MM-DD)") from error


async def _form(request: Request, program: ProgramScope) -> dict[str, str]:
    await program.check_csrf(request)
    return {k: str(v)[:LIMIT] for k, v in (await request.form()).multi_items() if k != "csrf"}


async def _act(program: ProgramScope, back: str, action: str, *args: Any, **kwargs: Any) -> RedirectResponse:
    try:
        said = await program.year_action(action, *args, **kwargs)
    except YearError as error:
        said = f"Not saved: {error}."
    return RedirectResponse(f"{back}?done={quote(said)}", status_code=303)


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    # Over 60 lines by design: a table of short routes, each a closure over ``pages`` and ``scope``.
    api = APIRouter()

    def done(request: Request) -> str:
        return request.query_params.get("done", "")

    @api.get("/year")
    def year(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request, "year.html", program, page=views_year.year_page(program), done=done(request)
        )

    @api.post("/year/{what}")
    async def year_post(request: Request, what: str, program: ProgramScope = Depends(scope)) -> Response:
        f = await _form(request, program)
        try:
            if what == "expectations":
                return await _act(program, "/year", "set_expectations", f.get("body", ""))
            if what == "ack":
                return await _act(
                    program, "/year", "record_acknowledgement", f.get("match", ""), f.get("person", "")
                )
            if what == "term":
                return await _act(
                    program,
                    "/year",
                    "add_term",
                    name=f.get("name", ""),
                    starts_on=_day(f.get("starts_on", ""), "the first day"),
                    ends_on=_day(f.get("ends_on", ""), "the last day"),
                    checkin_on=_day(f.get("checkin_on", ""), "the check-in day", required=False),
                )
            if what == "settings":
                skills = [s for s in f.get("skills", "").splitlines() if s.strip()]
                return await _act(
                    program,
                    "/year",
                    "save_settings",
                    reflection_mode=f.get("reflection_mode"),
                    skills=skills or None,
                    expiry_warning_days=int(f.get("remind_days") or 30),
                )
        except (YearError, ValueError) as error:
            return RedirectResponse(f"/year?done={quote(f'Not saved: {error}.')}", status_code=303)
        raise HTTPException(404, "That page does not exist in your program.")

    @api.get("/records")
    def records(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request, "records.html", program, page=views_year.records_page(program), done=done(request)
        )

    @api.post("/records/{what}")
    async def records_post(request: Request, what: str, program: ProgramScope = Depends(scope)) -> Response:
        f = await _form(request, program)
        try:
            return await _records_action(program, what, f)
        except (YearError, ValueError) as error:
            return RedirectResponse(f"/records?done={quote(f'Not saved: {error}.')}", status_code=303)

    @api.get("/people/{key}/year")
    def student(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request,
            "student_year.html",
            program,
            page=views_year.student_year(program, key),
            done=done(request),
        )

    @api.post("/people/{key}/year/{what}")
    async def student_post(
        request: Request, key: str, what: str, program: ProgramScope = Depends(scope)
    ) -> Response:
        f = await _form(request, program)
        back = f"/people/{quote(key)}/year"
        if what == "reflection":
            return await _act(
                program, back, "record_reflection", key, f.get("text", ""), source=f.get("source", "written")
            )
        if what == "skills":
            return await _act(program, back, "record_skills", key, f.get("ratings", ""))
        if what == "feedback":
            return await _act(program, back, "record_feedback", f.get("mentor", ""), key, f.get("text", ""))
        raise HTTPException(404, "That page does not exist in your program.")

    @api.get("/credit")
    def credit_report(
        request: Request, since: str = "", until: str = "", program: ProgramScope = Depends(scope)
    ) -> Response:
        try:
            start, end = _day(since, "From", required=False), _day(until, "To", required=False)
        except YearError as error:
            raise HTTPException(400, str(error)) from error
        return pages.render(
            request,
            "credit.html",
            program,
            report=views_year.credit_page(program, start, end),
            since=since,
            until=until,
            done=done(request),
            match_keys=views_year.records_page(program).match_keys,
        )

    @api.post("/credit/activity")
    async def activity(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        f = await _form(request, program)
        try:
            return await _act(
                program,
                "/credit",
                "log_activity",
                title=f.get("title", ""),
                kind=f.get("kind", "activity"),
                held_on=_day(f.get("held_on", ""), "the day"),
                hours=float(f.get("hours") or 0),
                match_key=f.get("match") or None,
                person_keys=[k for k in f.get("people", "").replace(",", " ").split() if k],
            )
        except (YearError, ValueError) as error:
            return RedirectResponse(f"/credit?done={quote(f'Not saved: {error}.')}", status_code=303)

    @api.get("/credit/export.{fmt}")
    async def export(
        fmt: str, student: str = "", since: str = "", until: str = "", program: ProgramScope = Depends(scope)
    ) -> Response:
        try:
            period = credit.Period(_day(since, "From", required=False), _day(until, "To", required=False))
            made = await asyncio.to_thread(
                credit_export.export,
                program.engine,
                program.program_id,
                fmt,
                period,
                actor=program.actor,
                now=program.now(),
                person_key=student or None,
            )
        except YearError as error:
            raise HTTPException(404 if "no student" in str(error) else 400, str(error)) from error
        return Response(
            made.body,
            media_type=made.media_type,
            headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
        )

    @api.post("/matches/{key}/end")
    async def end_match(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        f = await _form(request, program)
        return await _act(program, f"/matches/{quote(key)}", "end_match", key, reason=f.get("reason", ""))

    return api


async def _records_action(program: ProgramScope, what: str, f: dict[str, str]) -> RedirectResponse:
    if what == "consent":
        return await _act(
            program,
            "/records",
            "record_consent",
            f.get("student", ""),
            form_type=f.get("form_type", ""),
            guardian=f.get("guardian", ""),
            signed_on=_day(f.get("signed_on", ""), "the day it was signed"),
            expires_on=_day(f.get("expires_on", ""), "the expiry day", required=False),
            platforms=[p for p in f.get("platforms", "").replace(",", " ").split() if p],
            note=f.get("note", ""),
        )
    if what == "training":
        return await _act(
            program,
            "/records",
            "record_training",
            f.get("person", ""),
            f.get("module", ""),
            completed_on=_day(f.get("completed_on", ""), "the day it was completed"),
        )
    if what == "module":
        return await _act(
            program,
            "/records",
            "add_module",
            key=f.get("key", ""),
            title=f.get("title", ""),
            required=f.get("required") == "yes",
            valid_days=int(f["valid_days"]) if f.get("valid_days") else None,
        )
    if what == "clearance":
        return await _act(
            program,
            "/records",
            "record_clearance",
            f.get("mentor", ""),
            cleared_on=_day(f.get("cleared_on", ""), "the clearance day"),
            expires_on=_day(f.get("expires_on", ""), "the expiry day", required=False),
        )
    if what == "person":
        return await _act(
            program,
            "/records",
            "add_person",
            key=f.get("key", ""),
            name=f.get("name", ""),
            role=f.get("role", ""),
            grade=int(f["grade"]) if f.get("grade") else None,
            email=f.get("email") or None,
            accounts=[a for a in f.get("accounts", "").split() if a],
        )
    raise HTTPException(404, "That page does not exist in your program.")
