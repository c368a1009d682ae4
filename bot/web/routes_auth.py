"""Sign-in with a one-time link, and sign-out."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from bot.web import auth, csrf
from bot.web.pages import Pages
from bot.web.scope import ProgramScope

if TYPE_CHECKING:
    from bot.use_cases import Core


def _secure(request: Request, core: Core) -> bool:
    base = core.settings.web_base_url or ""
    return request.url.scheme == "https" or base.startswith("https://")


def router(*, core: Core, key: bytes, pages: Pages,
           scope: Callable[[Request], ProgramScope]) -> APIRouter:
    api = APIRouter()

    @api.get("/signin")
    def signin_page(request: Request, token: str = "") -> Response:
        """Shows a button; the POST uses the link (mail scanners that fetch links don't burn it)."""
        form_token = csrf.new_token()
        response = pages.render(request, "signin.html", None, token=token, csrf=form_token)
        response.set_cookie(csrf.SIGNIN_COOKIE, form_token, max_age=3600, httponly=True,
                            samesite="strict", secure=_secure(request, core), path="/signin")
        return response

    @api.post("/signin")
    async def signin(request: Request) -> Response:
        form = await request.form()
        await csrf.check(request, request.cookies.get(csrf.SIGNIN_COOKIE, ""))
        token = str(form.get("token") or "")
        session_token = await asyncio.to_thread(auth.redeem_invite, core.engine, token, clock=core.clock)
        if session_token is None:
            return pages.error(request, 400, "This sign-in link was already used or has expired. "
                                             "Ask for a new one (mentorbot coordinator invite).")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(auth.COOKIE, auth.sign(key, session_token), max_age=auth.SESSION_HOURS * 3600,
                            httponly=True, samesite="lax", secure=_secure(request, core), path="/")
        response.delete_cookie(csrf.SIGNIN_COOKIE, path="/signin")
        return response

    @api.post("/signout")
    async def signout(request: Request, program: ProgramScope = Depends(scope)) -> Response:
        await program.check_csrf(request)
        await asyncio.to_thread(auth.sign_out, core.engine, program.who.session_id, clock=core.clock)
        response = RedirectResponse("/signin?signed_out=1", status_code=303)
        response.delete_cookie(auth.COOKIE, path="/")
        return response

    return api
