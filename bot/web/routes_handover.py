"""The desk's Hand-over page: commitments and renewals, a mentor's notice, the replacement picked
from suggestions with the message the students will read, or the end of the match."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from bot.handover.departure import HandoverError
from bot.handover.messages import MessageRefused
from bot.handover.renewal import RenewalError
from bot.web import views_year
from bot.web.pages import Pages
from bot.web.routes_choosing import day
from bot.web.routes_profiles import back, form_of
from bot.web.scope import ProgramScope

ERRORS = (HandoverError, MessageRefused, RenewalError)


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    # Over 60 lines by design: a table of short routes, each a closure over ``pages`` and ``scope``.
    api = APIRouter()

    @api.get("/handover")
    async def handover(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        suggest = {i: await program.year.suggestions(i) for i in views_year.open_notices(program)}
        return pages.render(
            request,
            "handover.html",
            program,
            page=views_year.handover(program, suggest),
            done=request.query_params.get("done", ""),
        )

    @api.post("/handover/notice")
    async def notice(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        match_key, _, mentor = form.get("match_mentor", "").partition("/")
        try:
            made = await program.year.give_notice(
                match_key, mentor, day(form.get("last_day", "")), form.get("reason", "")
            )
        except ERRORS as error:
            return back("/handover", str(error))
        return back("/handover", f"Notice recorded: {made.mentor.display_name} leaves {match_key}.")

    @api.post("/handover/{departure_id}/replace")
    async def replace(
        request: Request, departure_id: int, program: ProgramScope = Depends(scope)
    ) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        chosen = form.get("replacement", "")
        try:
            done = await program.year.replace_mentor(
                departure_id, chosen, form.get(f"message_{chosen}") or None
            )
        except ERRORS as error:
            return back("/handover", str(error))
        return back(
            "/handover",
            f"{done.replacement} now mentors {done.match_key}; the students were told. "
            + done.channels_to_fix,
        )

    @api.post("/handover/{departure_id}/close")
    async def close(request: Request, departure_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        outcome = "withdrawn" if form.get("outcome") == "withdrawn" else "ended"
        try:
            await program.year.close_notice(departure_id, outcome, form.get("message") or None)
        except ERRORS as error:
            return back("/handover", str(error))
        return back(
            "/handover",
            "The notice is withdrawn."
            if outcome == "withdrawn"
            else "The match has ended; the students were told.",
        )

    @api.post("/handover/renew/{key}")
    async def renew(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        until = (await form_of(request)).get("until", "")
        try:
            row = await program.year.renew(key, day(until) if until else None)
        except ERRORS as error:
            return back("/handover", str(error))
        return back("/handover", f"{key} is committed until {row.committed_until:%d %b %Y}.")

    return api
