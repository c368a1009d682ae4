"""The conversation score's routes: the flagged list, and what a coordinator does about a pattern
alert (pause the match, or mark the pattern reviewed: "not a concern", with a reason)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from bot.review.patterns import PatternError
from bot.roster.pausing import MatchError
from bot.web import views_conversation
from bot.web.pages import Pages
from bot.web.scope import ProgramScope

REASON_LIMIT = 2000
MARK_LIMIT = 500  # flagged messages marked as looked at in one press


def _back(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?done={quote(message)}", status_code=303)


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    api = APIRouter()

    @api.get("/flagged")
    def flagged(request: Request, everything: int = Query(0, alias="all"),
                program: ProgramScope = Depends(scope)) -> Response:
        items = views_conversation.flagged(program, show_all=bool(everything))
        return pages.render(request, "flagged.html", program, items=items, show_all=bool(everything),
                            days=views_conversation.FLAGGED_DAYS, done=request.query_params.get("done", ""))

    @api.post("/flagged/seen")
    async def flagged_seen(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await request.form()
        try:
            ids = [int(str(v)) for v in form.getlist("signal")][:MARK_LIMIT]
        except ValueError as error:
            raise HTTPException(400, "Those are not flagged messages.") from error
        marked = await program.mark_flags_seen(ids)
        return _back("/flagged", f"{marked} flagged message(s) marked as looked at.")

    @api.post("/alerts/{alert_id}/reviewed")
    async def reviewed(request: Request, alert_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        reason = str((await request.form()).get("reason") or "")[:REASON_LIMIT].strip()
        if not reason:
            raise HTTPException(400, "Say why this is not a concern: it is kept with the alert.")
        try:
            done = await program.review_pattern(alert_id, reason)
        except PatternError as error:
            return _back("/alerts", str(error))
        released = f" {len(done.release)} held message(s) delivered." if done.release else ""
        return _back("/alerts", f"Pattern alert #{alert_id} reviewed: not a concern. The score of "
                                f"{done.match_key} starts afresh.{released}")

    @api.post("/alerts/{alert_id}/pause")
    async def pause(request: Request, alert_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        reason = str((await request.form()).get("reason") or "")[:REASON_LIMIT].strip()
        try:
            match = await program.pause_from_alert(alert_id, reason)
        except (PatternError, MatchError) as error:
            return _back("/alerts", str(error))
        return _back("/alerts", f"Match {match.key} paused: every message waits for you until you resume "
                                "it. Both sides were told.")

    return api
