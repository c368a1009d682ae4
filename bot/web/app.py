"""The desk's FastAPI app over the running core, and a way to serve it beside the bot.

``create_web_app(core)`` wires templates (Jinja2, autoescape on), security headers, error pages and
the routers; every data route depends on ``bot.web.scope`` for its ``ProgramScope``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.desk_address import remember_desk_address
from bot.web import (
    auth,
    routes_auth,
    routes_choosing,
    routes_conversation,
    routes_desk,
    routes_exports,
    routes_handover,
    routes_ops,
    routes_profiles,
    routes_records,
    routes_year,
)
from bot.web.pages import Pages
from bot.web.scope import NotSignedIn, scope_dependency

if TYPE_CHECKING:
    from bot.ops import Ops
    from bot.settings import Settings
    from bot.use_cases import Core

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # sign-in links carry a token: never send it onwards
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",  # student data on shared school laptops: no copies in the cache
}


def create_web_app(core: Core, *, ops: Ops | None = None) -> FastAPI:
    """The coordinator's desk over the core's use cases (its engine, clock, settings and decisions),
    with the operators' ``/healthz``, ``/readyz`` and ``/metrics`` (``ops``: what they report)."""
    key = auth.secret_key(core.settings)
    pages = Pages(HERE / "templates")
    scope = scope_dependency(core, key)
    app = FastAPI(title="mentorbot coordinator desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(routes_auth.router(core=core, key=key, pages=pages, scope=scope))
    app.include_router(routes_desk.router(pages=pages, scope=scope))
    app.include_router(routes_records.router(pages=pages, scope=scope))
    app.include_router(routes_exports.router(pages=pages, scope=scope))
    app.include_router(routes_ops.router(readiness=ops.readiness if ops else None,
                                         metrics=ops.metrics if ops else None,
                                         metrics_token=ops.metrics_token if ops else None))
    app.include_router(routes_profiles.router(pages=pages, scope=scope))  # issue 14: the program year
    app.include_router(routes_choosing.router(pages=pages, scope=scope))
    app.include_router(routes_handover.router(pages=pages, scope=scope))
    app.include_router(routes_year.router(pages=pages, scope=scope))  # issue 14: the program year
    app.include_router(routes_conversation.router(pages=pages, scope=scope))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _error: NotSignedIn) -> Response:
        if request.method in ("GET", "HEAD"):
            return RedirectResponse("/signin", status_code=303)
        return pages.error(request, 401, "Please sign in again: your session has ended.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if error.status_code == 405:
            return HTMLResponse("Method not allowed", status_code=405)
        return pages.error(request, error.status_code, str(error.detail))

    return app


@dataclass
class WebHandle:
    """The desk served inside the bot's event loop; ``await handle.stop()`` shuts it down."""

    server: uvicorn.Server
    task: asyncio.Task[None]

    async def stop(self, timeout: float = 6.0) -> None:
        self.server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await asyncio.wait_for(self.task, timeout)


class _QuietServer(uvicorn.Server):
    """uvicorn without its own signal handling: the bot's process owns SIGINT/SIGTERM."""

    @contextlib.contextmanager
    def capture_signals(self):  # type: ignore[no-untyped-def, override]
        yield


def serve_web_in_background(core: Core, settings: Settings, *, port: int | None = None,
                            ops: Ops | None = None) -> WebHandle:
    """Start the desk on settings.web_host/web_port as a task of the running loop (``mentorbot run``)."""
    config = uvicorn.Config(create_web_app(core, ops=ops), host=settings.web_host,
                            port=settings.web_port if port is None else port, timeout_graceful_shutdown=5,
                            log_level="warning", lifespan="off", access_log=False)
    server = _QuietServer(config)

    async def serve() -> None:
        try:
            await server.serve()
        except SystemExit:  # uvicorn exits when it cannot bind; the bot keeps running without the desk
            logger.error("the coordinator desk could not start on %s:%s (port in use?)",
                         settings.web_host, config.port)

    remember_desk_address(settings, f"http://{settings.web_host}:{config.port}")
    task = asyncio.create_task(serve())
    logger.info("coordinator desk on http://%s:%s", settings.web_host, config.port)
    return WebHandle(server, task)
