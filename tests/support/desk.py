"""The coordinator desk in tests: the app over a harness's core with signed-in HTTP clients
(shared by tests/web and tests/year)."""

from __future__ import annotations

import re

import httpx

from bot.web.auth import create_invite

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def all_routes(routes):  # type: ignore[no-untyped-def]
    """Every route of an app, through the wrappers FastAPI (0.16x) puts around included routers:
    ``app.routes`` shows the wrapper, whose ``original_router`` holds the real routes."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from all_routes(inner.routes)
        else:
            yield route


def served(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(method, path) of every route the app answers (HEAD, which GET implies, left out)."""
    return {(method, route.path) for route in all_routes(app.routes)
            for method in getattr(route, "methods", None) or () if method != "HEAD"}


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "page has no CSRF field"
    return found.group(1)


class Desk:
    """The harness (a roster, console adapter, fake clock) with the desk app over its core."""

    def __init__(self, harness, app) -> None:  # type: ignore[no-untyped-def]
        self.h = harness
        self.app = app

    def invite(self, who: str, program: str | None = None, hours: int = 72) -> str:
        token, _person, _expires = create_invite(
            self.h.app.engine, who, program_id=program, clock=self.h.clock, created_by="test", hours=hours
        )
        return token

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://desk.test", follow_redirects=False
        )

    csrf_of = staticmethod(lambda html: csrf_of(html))

    async def signed_in(self, who: str) -> httpx.AsyncClient:
        client = self.client()
        token = self.invite(who)
        page = await client.get(f"/signin?token={token}")
        response = await client.post("/signin", data={"token": token, "csrf": csrf_of(page.text)})
        assert response.status_code == 303, response.text
        return client
