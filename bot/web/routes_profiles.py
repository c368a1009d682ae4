"""The desk's Profiles and Bios pages: enter and edit profiles, check bios with the policy, approve
a flagged one, and post them to the other side."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from bot.profiles.bios import BioError
from bot.profiles.editing import COLUMN, ProfileError
from bot.web import views_year
from bot.web.pages import Pages
from bot.web.scope import ProgramScope

FIELD_LIMIT = 2000


def back(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?done={quote(message)}", status_code=303)


async def form_of(request: Request, names: tuple[str, ...] | None = None) -> dict[str, str]:
    form = await request.form()
    return {k: str(v)[:FIELD_LIMIT] for k, v in form.items() if k != "csrf" and (names is None or k in names)}


def router(*, pages: Pages, scope: Callable[[Request], ProgramScope]) -> APIRouter:
    # Over 60 lines by design: a table of short routes, each a closure over ``pages`` and ``scope``.
    api = APIRouter()

    @api.get("/profiles")
    def profiles(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request,
            "profiles.html",
            program,
            page=views_year.profiles(program),
            done=request.query_params.get("done", ""),
        )

    @api.get("/profiles/{key}")
    def profile(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        view, options = views_year.profile(program, key)
        return pages.render(
            request,
            "profile_edit.html",
            program,
            view=view,
            options=options,
            errors={},
            form=None,
            done=request.query_params.get("done", ""),
        )

    @api.post("/profiles/{key}")
    async def save(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        form = await form_of(request, tuple(COLUMN))
        try:
            saved = await program.year.save_profile(key, form)
        except ProfileError as error:
            view, options = views_year.profile(program, key)
            return pages.render(
                request,
                "profile_edit.html",
                program,
                view=view,
                options=options,
                errors=error.errors,
                form=form,
                done="",
                status=400,
            )
        state = {
            "ok": "the bio passed the policy",
            "flagged": "the bio is FLAGGED: read it on the Bios page",
            "refused": "the bio is REFUSED: it carries contact details",
        }.get(saved.bio_state, "")
        return back(
            f"/profiles/{quote(key)}", f"Saved {saved.name}'s profile" + (f"; {state}." if state else ".")
        )

    @api.get("/bios")
    def bios(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        return pages.render(
            request,
            "bios.html",
            program,
            page=views_year.bios(program),
            done=request.query_params.get("done", ""),
        )

    @api.post("/bios/check")
    async def check(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        report = await program.year.check_bios()
        return back(
            "/bios",
            f"Checked: {len(report.ok)} passed, {len(report.flagged)} flagged, "
            f"{len(report.refused)} refused.",
        )

    @api.post("/bios/{key}/approve")
    async def approve(request: Request, key: str, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        try:
            await program.year.approve_bio(key)
        except BioError as error:
            return back("/bios", str(error))
        return back("/bios", "Approved: the bio will be posted as it is.")

    @api.post("/bios/publish")
    async def publish(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        audience = (await form_of(request)).get("audience", "students")
        if audience not in ("students", "mentors"):
            raise HTTPException(400, "Post to students or to mentors.")
        result = await program.year.publish_bios(audience)
        skipped = "; ".join(f"{key}: {why}" for key, why in result.not_posted)
        return back(
            "/bios",
            f"{result.posted} bio(s) posted to {audience}"
            + (f". Not posted — {skipped}" if skipped else "."),
        )

    return api
