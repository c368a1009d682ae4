"""The desk's daily pages: the program at a glance, the review queue, pausing a match, alerts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bot.review.desk import DECISIONS, ReviewError
from bot.roster.pausing import MatchError
from bot.web import views_glance, views_review
from bot.web.pages import Pages
from bot.web.scope import ProgramScope

NOTE_LIMIT = 2000


def _back(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?done={quote(message)}", status_code=303)


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    # Over 60 lines by design: a table of short routes, each a closure over ``pages`` and ``scope``.
    api = APIRouter()

    @api.get("/")
    def glance(request: Request, sort: str = "attention", desc: int = 0,
               program: ProgramScope = Depends(scope)) -> Response:
        rows, counts = views_glance.glance(program, sort=sort, descending=bool(desc))
        return pages.render(request, "glance.html", program, rows=rows, sort=sort, desc=bool(desc),
                            now=program.now(), done=request.query_params.get("done", ""))

    @api.get("/review")
    def review(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        cards = views_review.review_queue(program)
        return pages.render(request, "review.html", program, cards=cards,
                            decided=views_review.recent_decisions(program),
                            label=views_review.decided_label, done=request.query_params.get("done", ""))

    @api.post("/review/{review_id}")
    async def decide(request: Request, review_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await request.form()
        decision = str(form.get("decision") or "")
        note = str(form.get("note") or "")[:NOTE_LIMIT].strip()
        if decision not in DECISIONS:
            raise HTTPException(400, "Choose Approve, Approve without the flagged details, or Reject.")
        try:
            item = await program.decide(review_id, decision, note)
        except ReviewError as error:
            return _back("/review", str(error))
        return _back("/review", f"Held message #{item.id}: {views_review.decided_label(item.state)}.")

    @api.post("/review/{review_id}/override")
    async def override(request: Request, review_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await request.form()
        gates = [str(g) for g in form.getlist("gate")]
        reason = str(form.get("reason") or "")[:NOTE_LIMIT].strip()
        redacted = str(form.get("decision") or "") == "approve_redacted"
        try:
            item = await program.override(review_id, gates=gates, reason=reason, redacted=redacted,
                                          note=str(form.get("note") or "")[:NOTE_LIMIT].strip())
        except ReviewError as error:
            return _back("/review", str(error))
        return _back("/review", f"Held message #{item.id}: delivered, overriding {item.override_gates}. "
                                "Your reason is in the audit trail.")

    @api.post("/matches/{key}/pause")
    async def pause(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        return await _set_paused(request, key, program, paused=True)

    @api.post("/matches/{key}/resume")
    async def resume(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        return await _set_paused(request, key, program, paused=False)

    async def _set_paused(request: Request, key: str, program: ProgramScope, *, paused: bool) -> Response:
        await program.check_csrf(request)
        reason = str((await request.form()).get("reason") or "")[:NOTE_LIMIT].strip()
        try:
            await program.set_paused(key, paused=paused, reason=reason)
        except MatchError as error:
            return _back(f"/matches/{quote(key)}", str(error))
        said = "paused: every message waits for you until you resume it" if paused else "resumed"
        return _back(f"/matches/{quote(key)}", f"Match {key} {said}. Both sides were told.")

    @api.get("/alerts")
    def alerts(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(request, "alerts.html", program, cards=views_review.alerts(program),
                            done=request.query_params.get("done", ""))

    @api.post("/alerts/{alert_id}")
    async def alert_action(request: Request, alert_id: int,
                           program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        action = str((await request.form()).get("action_taken") or "")[:NOTE_LIMIT].strip()
        if not action:
            raise HTTPException(400, "Write what was done (who you called, what you decided).")
        await asyncio.to_thread(views_review.record_action, program, alert_id, action)
        return _back("/alerts", f"Alert #{alert_id}: what was done is recorded.")

    return api
