"""The desk's Choosing page (the round, meet-and-greets, choices entered for a student) and the
proposal page (run the matching step, edit, confirm, start)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from bot.matching.rounds import ChoosingError
from bot.web import views_year
from bot.web.pages import Pages
from bot.web.routes_profiles import back, form_of
from bot.web.scope import ProgramScope


def ids(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPException(400, f"'{text}' is not a date (use YYYY-MM-DD).") from None


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    # Over 60 lines by design: a table of short routes, each a closure over ``pages`` and ``scope``.
    api = APIRouter()

    @api.get("/choosing")
    def choosing(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request,
            "choosing.html",
            program,
            state=views_year.choosing(program),
            done=request.query_params.get("done", ""),
        )

    @api.post("/choosing/round")
    async def round_(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        try:
            if form.get("action") in ("open", "closed"):
                row = await program.year.set_round_state(str(form["action"]))
            else:
                opening = {"now": True, "wait": False}.get(form.get("opens", ""))
                row = await program.year.open_round(
                    form.get("key", "").strip(), day(form.get("starts_on", "")), opening
                )
        except ChoosingError as error:
            return back("/choosing", str(error))
        return back("/choosing", f"Round {row.key} is {row.state}.")

    @api.post("/choosing/meet")
    async def meet(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        try:
            at = datetime.fromisoformat(form.get("at", "")).replace(tzinfo=ZoneInfo(program.who.timezone))
        except ValueError:
            raise HTTPException(400, "Give the meet-and-greet's date and time.") from None
        places = [
            (side, *form[f"{side}_channel"].split(":", 2))
            for side in ("mentor", "student")
            if form.get(f"{side}_channel", "").count(":") >= 2
        ]
        try:
            group = await program.year.schedule_meet_and_greet(
                at=at,
                minutes=int(form.get("minutes") or 45),
                mentors=ids(form.get("mentors", "")),
                students=ids(form.get("students", "")),
                channels=places,
            )  # type: ignore[arg-type]
        except (ChoosingError, ValueError) as error:
            return back("/choosing", str(error))
        return back("/choosing", f"Meet-and-greet {group.key} is scheduled.")

    @api.post("/choosing/choices/{student}")
    async def choices(request: Request, student: str, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        ranked = [form.get(f"rank{n}") or None for n in range(1, 6) if f"rank{n}" in form]
        while ranked and ranked[-1] is None:
            ranked.pop()
        try:
            names = await program.year.record_choices(student, ranked)
        except ChoosingError as error:
            return back("/choosing", f"{student}: {error}")
        return back("/choosing", f"Saved {student}'s choices: {', '.join(names) or 'none'}.")

    @api.post("/choosing/propose")
    async def propose(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        try:
            found = await program.year.propose()
        except ChoosingError as error:
            return back("/choosing", str(error))
        return back("/choosing/proposal", f"The matching step proposed {len(found.lines)} match(es).")

    @api.get("/choosing/proposal")
    def proposal(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request,
            "proposal.html",
            program,
            found=views_year.proposal(program),
            done=request.query_params.get("done", ""),
        )

    @api.post("/choosing/proposal/{run_id}/edit")
    async def edit(request: Request, run_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request)
        key = form.get("key", "")
        changes: dict[str, object] = {}
        if "students" in form:
            changes["students"] = ids(form["students"])
        if form.get("model"):
            changes["model"] = form["model"]
        if form.get("match_key"):
            changes["match_key"] = form["match_key"].strip()
        if form.get("drop") in ("1", "0"):
            changes["drop"] = form["drop"] == "1"
        try:
            warnings = await program.year.edit_proposal(run_id, key, **changes)
        except ChoosingError as error:
            return back("/choosing/proposal", str(error))
        return back("/choosing/proposal", " ".join(warnings) or f"Proposal {key} changed.")

    @api.post("/choosing/proposal/{run_id}/confirm")
    async def confirm(request: Request, run_id: int, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        keys = ids((await form_of(request)).get("keys", "")) or None
        try:
            result = await program.year.confirm(run_id, keys)
        except ChoosingError as error:
            return back("/choosing/proposal", str(error))
        said = f"Confirmed: {', '.join(result.matches) or 'none'}."
        if result.problems:
            said += " Not confirmed — " + "; ".join(f"{k}: {', '.join(p)}" for k, p in result.problems)
        return back("/choosing/proposal", said)

    @api.post("/matches/{key}/start")
    async def start(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        try:
            await program.year.start_match(key)
        except ChoosingError as error:
            return back("/choosing/proposal", str(error))
        return back(f"/matches/{quote(key)}", f"Match {key} is active; both sides were welcomed.")

    return api
