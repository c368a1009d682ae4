"""Authorization for every route of the desk (one table, three kinds of visitor): anonymous
visitors are sent to sign in, another program's coordinator gets 404 for this program's records
(and never sees its data in lists), and the program's own coordinator gets the page. A new route
fails ``test_every_route_is_in_the_table`` until it is added here."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Alert, Match, ReviewItem

# (method, path, what the program's own coordinator gets)
ROUTES = [
    ("GET", "/", 200),
    ("GET", "/review", 200),
    ("POST", "/review/{review}", 303),
    ("GET", "/alerts", 200),
    ("POST", "/alerts/{alert}", 303),
    ("GET", "/matches/dana-ana", 200),
    ("POST", "/matches/dana-ana/pause", 303),
    ("POST", "/matches/ivy-ana/resume", 303),
    ("GET", "/search?q=secret", 200),
    ("GET", "/people/ana", 200),
    ("GET", "/access", 200),
    ("GET", "/matches/dana-ana/export.csv", 200),
    ("GET", "/matches/dana-ana/export.json", 200),
    ("GET", "/matches/dana-ana/export.html", 200),
    ("GET", "/matches/dana-ana/export.pdf", 200),
    ("GET", "/people/ana/export.csv", 200),
    ("GET", "/people/ana/export.pdf", 200),
    ("POST", "/signout", 303),
]
# Pages that list the signed-in coordinator's own program: another program's coordinator gets 200
# with none of this program's records in it.
LISTS = {"/", "/review", "/alerts", "/search?q=secret", "/access"}
FORM = {"/review/{review}": {"decision": "approve"}, "/alerts/{alert}": {"action_taken": "Called home"}}


@pytest.fixture
async def seeded(desk, engine):  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "a secret for Dana")  # held
    await desk.h.say("ana", "dana-ana-student", "I want to hurt myself")  # alert
    with Session(engine) as session:
        review = session.exec(select(ReviewItem)).one().id
        alert = session.exec(select(Alert)).one().id
    return desk, {"review": review, "alert": alert}


def _url(path: str, ids: dict[str, int]) -> str:
    return path.format(**ids)


async def _call(client, method: str, url: str, path: str, csrf_of):  # type: ignore[no-untyped-def]
    if method == "GET":
        return await client.get(url)
    page = await client.get("/")
    token = csrf_of(page.text) if page.status_code == 200 else "none"
    return await client.post(url, data={"csrf": token, **FORM.get(path, {})})


def test_every_route_is_in_the_table(desk) -> None:  # type: ignore[no-untyped-def]
    served = {(method, route.path) for route in desk.app.routes
              for method in getattr(route, "methods", set()) or set() if method != "HEAD"}
    served -= {("GET", "/signin"), ("POST", "/signin")}
    covered = {(m, p.split("?")[0]) for m, p, _ in ROUTES}
    normalized = set()
    for method, path in served:
        path = (path.replace("{review_id}", "{review}").replace("{alert_id}", "{alert}")
                .replace("{key}", "dana-ana").replace(".{fmt}", ".csv"))
        normalized.add((method, path))
    covered |= {(m, p.replace("ivy-ana", "dana-ana")) for m, p in covered}
    assert normalized <= covered, f"routes missing from the authorization table: {normalized - covered}"


async def test_anonymous_is_sent_to_sign_in(seeded) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    async with desk.client() as client:
        for method, path, _expected in ROUTES:
            response = await _call(client, method, _url(path, ids), path, desk.csrf_of)
            ok = (response.status_code == 303 and response.headers["location"] == "/signin"
                  if method == "GET" else response.status_code == 401)
            if not ok or "secret" in response.text:
                wrong.append((method, path, response.status_code))
    assert wrong == []


async def test_other_programs_coordinator_is_refused(seeded, engine) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    client = await desk.signed_in("quinn")
    for method, path, _expected in ROUTES:
        if path == "/signout":
            continue
        response = await _call(client, method, _url(path, ids), path, desk.csrf_of)
        if path in LISTS:
            ok = response.status_code == 200 and "Harbor P-TECH" in response.text
            ok = ok and not any(s in response.text for s in ("dana-ana", "secret for Dana", "Riverside"))
        else:
            ok = response.status_code == 404 and "secret for Dana" not in response.text
        if not ok:
            wrong.append((method, path, response.status_code))
    await client.aclose()
    assert wrong == []
    with Session(engine) as session:  # nothing of riverside's changed
        assert session.get(ReviewItem, ids["review"]).state == "open"
        assert session.get(Alert, ids["alert"]).acknowledged_at is None
        assert session.exec(select(Match).where(Match.key == "dana-ana")).one().status == "active"


async def test_own_coordinator_gets_every_page(seeded) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    client = await desk.signed_in("okafor")
    for method, path, expected in ROUTES:
        response = await _call(client, method, _url(path, ids), path, desk.csrf_of)
        if response.status_code != expected:
            wrong.append((method, path, response.status_code, response.text[:200]))
    await client.aclose()
    assert wrong == []
