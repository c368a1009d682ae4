"""Operators' endpoints on the desk's server: ``/healthz``, ``/readyz`` and ``/metrics``.

No sign-in (probes and Prometheus cannot sign in) and no personal data: check names, counts, ages
and program ids. ``METRICS_TOKEN`` makes ``/metrics`` ask for ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import asyncio
import hmac

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from bot.ops.health import Readiness
from bot.ops.metrics import CONTENT_TYPE, Metrics


def router(*, readiness: Readiness | None, metrics: Metrics | None, metrics_token: str | None) -> APIRouter:
    routes = APIRouter()

    @routes.get("/healthz")
    async def healthz() -> Response:
        """Alive: the process answers (its event loop is not stuck)."""
        return PlainTextResponse("ok\n")

    @routes.get("/readyz")
    async def readyz() -> Response:
        if readiness is None:
            return JSONResponse({"ready": True, "checks": {}})
        ready, checks = await readiness.check()
        return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)

    @routes.get("/metrics")
    async def scrape(request: Request) -> Response:
        if metrics is None:
            return PlainTextResponse("metrics are not collected by this process\n", status_code=404)
        if metrics_token and not _bearer_matches(request, metrics_token):
            return PlainTextResponse("send Authorization: Bearer <METRICS_TOKEN>\n", status_code=401,
                                     headers={"WWW-Authenticate": "Bearer"})
        body = await asyncio.to_thread(metrics.exposition)  # the database gauges query: off the loop
        return Response(body, media_type=CONTENT_TYPE)

    return routes


def _bearer_matches(request: Request, token: str) -> bool:
    sent = request.headers.get("authorization", "")
    scheme, _, value = sent.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())
