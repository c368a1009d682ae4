"""Authorization for every route of the desk (one table, three kinds of visitor): anonymous
visitors are sent to sign in, another program's coordinator is refused this program's records
(404, or the page's "not in this program" message — the same answer as for a record that does not
exist, so ids leak nothing) and never sees its data in lists, and the program's own coordinator gets
the page. The route list comes from the app itself: a new route fails
``test_every_route_is_in_the_table`` until it is added here (or to ``EXEMPT`` with a reason)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from sqlmodel import Session, select

from bot.alerts import raise_alert
from storage.models import Alert, Match, Program, ReviewItem
from storage.models_choosing import ProposalRun
from storage.models_handover import Departure
from support.desk import served

# Routes that answer without a coordinator's session, on purpose.
EXEMPT = {
    ("GET", "/healthz"): "operators' liveness probe: says only that the process is up, no program data",
    ("GET", "/readyz"): "operators' readiness probe: database and platform status, no program data",
    ("GET", "/metrics"): "Prometheus scrape: guarded by its own bearer token (404 when none is set)",
    ("GET", "/signin"): "the sign-in page: where anonymous visitors are sent",
    ("POST", "/signin"): "redeems a sign-in link (CSRF-checked, rate-limited)",
}

# What another program's coordinator gets.
LIST = "list"  # 200 with their own program's page and nothing of this program's in it
GONE = "404"  # a record of this program named in the address: 404
REFUSED = "refused"  # the same, answered with the page's message (303) instead of 404
OWN = "own"  # a program-wide form (no record in the address): acts on their own program only

# (method, route as the app declares it, address, form, status for the own coordinator, other's).
# Addresses name riverside's records: {match}, {person}, {mentor}, {student} and the ids of the
# seeded review item, safeguarding alert, pattern alert, proposal run and hand-over notice.
# Destructive rows come last.
ROUTES: list[tuple[str, str, str, dict[str, str], int, str]] = [
    ("GET", "/", "/", {}, 200, LIST),
    ("GET", "/review", "/review", {}, 200, LIST),
    ("GET", "/alerts", "/alerts", {}, 200, LIST),
    ("GET", "/flagged", "/flagged", {}, 200, LIST),
    ("GET", "/search", "/search?q=secret", {}, 200, LIST),
    ("GET", "/access", "/access", {}, 200, LIST),
    ("GET", "/profiles", "/profiles", {}, 200, LIST),
    ("GET", "/bios", "/bios", {}, 200, LIST),
    ("GET", "/choosing", "/choosing", {}, 200, LIST),
    ("GET", "/choosing/proposal", "/choosing/proposal", {}, 200, LIST),
    ("GET", "/handover", "/handover", {}, 200, LIST),
    ("GET", "/year", "/year", {}, 200, LIST),
    ("GET", "/records", "/records", {}, 200, LIST),
    ("GET", "/credit", "/credit", {}, 200, LIST),
    *[("GET", "/credit/export.{fmt}", f"/credit/export.{fmt}", {}, 200, LIST) for fmt in ("csv", "pdf")],
    ("GET", "/matches/{key}", "/matches/{match}", {}, 200, GONE),
    *[("GET", "/matches/{key}/export.{fmt}", f"/matches/{{match}}/export.{fmt}", {}, 200, GONE)
      for fmt in ("csv", "json", "html", "pdf")],
    ("GET", "/people/{key}", "/people/{person}", {}, 200, GONE),
    *[("GET", "/people/{key}/export.{fmt}", f"/people/{{person}}/export.{fmt}", {}, 200, GONE)
      for fmt in ("csv", "pdf")],
    ("GET", "/people/{key}/year", "/people/{person}/year", {}, 200, GONE),
    ("GET", "/profiles/{key}", "/profiles/{person}", {}, 200, GONE),
    ("POST", "/profiles/{key}", "/profiles/{person}", {"bio": "I like robots."}, 303, GONE),
    ("POST", "/review/{review_id}", "/review/{review}", {"decision": "reject"}, 303, GONE),
    ("POST", "/review/{review_id}/override", "/review/{review}/override",
     {"reason": "checked by phone", "gate": "consent.missing"}, 303, GONE),
    ("POST", "/alerts/{alert_id}", "/alerts/{alert}", {"action_taken": "Called home"}, 303, GONE),
    ("POST", "/alerts/{alert_id}/reviewed", "/alerts/{pattern}/reviewed", {"reason": "talked to her"},
     303, GONE),
    ("POST", "/alerts/{alert_id}/pause", "/alerts/{pattern}/pause", {"reason": "until we talk"}, 303, GONE),
    ("POST", "/matches/{key}/pause", "/matches/{match}/pause", {}, 303, GONE),
    ("POST", "/matches/{key}/resume", "/matches/{match}/resume", {"reason": "talked to both"}, 303, GONE),
    ("POST", "/bios/check", "/bios/check", {}, 303, OWN),
    ("POST", "/bios/{key}/approve", "/bios/{mentor}/approve", {}, 303, REFUSED),
    ("POST", "/bios/publish", "/bios/publish", {"audience": "students"}, 303, OWN),
    ("POST", "/choosing/round", "/choosing/round", {"action": "open"}, 303, OWN),
    ("POST", "/choosing/meet", "/choosing/meet",
     {"at": "2026-10-20T16:00", "mentors": "dana", "students": "ana"}, 303, OWN),
    ("POST", "/choosing/choices/{student}", "/choosing/choices/{student}", {"rank1": "dana"}, 303, REFUSED),
    ("POST", "/choosing/propose", "/choosing/propose", {}, 303, OWN),
    ("POST", "/choosing/proposal/{run_id}/edit", "/choosing/proposal/{run}/edit", {"key": "x", "drop": "1"},
     303, REFUSED),
    ("POST", "/choosing/proposal/{run_id}/confirm", "/choosing/proposal/{run}/confirm", {}, 303, REFUSED),
    ("POST", "/matches/{key}/start", "/matches/{match}/start", {}, 303, REFUSED),
    ("POST", "/flagged/seen", "/flagged/seen", {}, 303, OWN),
    ("POST", "/handover/notice", "/handover/notice",
     {"match_mentor": "{match}/dana", "last_day": "2027-01-15", "reason": "moving"}, 303, OWN),
    ("POST", "/handover/renew/{key}", "/handover/renew/{match}", {"until": "2027-06-01"}, 303, REFUSED),
    ("POST", "/handover/{departure_id}/replace", "/handover/{departure}/replace", {"replacement": "raj"},
     303, REFUSED),
    ("POST", "/credit/activity", "/credit/activity",
     {"title": "Site visit", "held_on": "2026-10-10", "hours": "2", "people": "ana"}, 303, OWN),
    ("POST", "/year/{what}", "/year/expectations", {"body": "We write every week."}, 303, OWN),
    ("POST", "/year/{what}", "/year/ack", {"match": "{match}", "person": "{person}"}, 303, OWN),
    ("POST", "/year/{what}", "/year/term", {"name": "Spring", "starts_on": "2027-01-05",
                                            "ends_on": "2027-06-20"}, 303, OWN),
    ("POST", "/year/{what}", "/year/settings", {"reflection_mode": "channel", "remind_days": "21"}, 303, OWN),
    ("POST", "/records/{what}", "/records/consent", {"student": "{person}", "form_type": "district",
                                                    "guardian": "Rosa R.", "signed_on": "2026-09-01",
                                                    "platforms": "console"},
     303, OWN),
    ("POST", "/records/{what}", "/records/module", {"key": "safety", "title": "Online safety"}, 303, OWN),
    ("POST", "/records/{what}", "/records/training", {"person": "dana", "module": "safety",
                                                     "completed_on": "2026-09-01"}, 303, OWN),
    ("POST", "/records/{what}", "/records/clearance", {"mentor": "dana", "cleared_on": "2026-09-01"},
     303, OWN),
    ("POST", "/records/{what}", "/records/person", {"key": "newkid", "name": "New Kid", "role": "student",
                                                   "grade": "10"}, 303, OWN),
    ("POST", "/people/{key}/year/{what}", "/people/{person}/year/reflection", {"text": "I learned a lot."},
     303, REFUSED),
    ("POST", "/people/{key}/year/{what}", "/people/{person}/year/skills", {"ratings": "teamwork 3"},
     303, REFUSED),
    ("POST", "/people/{key}/year/{what}", "/people/{person}/year/feedback",
     {"mentor": "dana", "text": "Ana asks good questions."}, 303, REFUSED),
    ("POST", "/handover/{departure_id}/close", "/handover/{departure}/close", {"outcome": "withdrawn"},
     303, REFUSED),
    ("POST", "/matches/{key}/end", "/matches/{match}/end", {"reason": "the year is over"}, 303, REFUSED),
    ("POST", "/signout", "/signout", {}, 303, OWN),
]
RIVERSIDE = {"match": "dana-ana", "person": "ana", "mentor": "sam", "student": "ana"}
# A record of no program at all: another program's record must get the very same answer.
NOBODYS = {"match": "zz-nobody", "person": "zz-nobody", "mentor": "zz-nobody", "student": "zz-nobody",
           "review": "987654", "alert": "987654", "pattern": "987654", "run": "987654", "departure": "987654"}
RIVERSIDE_WORDS = ("dana-ana", "a secret for Dana", "Dana Whitfield", "Riverside")
# How the desk tells a coordinator a record is not theirs: never said to the own coordinator.
NOT_THEIRS = re.compile(r"in (this|your) program|does not exist|there is no(body)? ", re.IGNORECASE)


@pytest.fixture
async def seeded(desk, engine):  # type: ignore[no-untyped-def]
    """Riverside with a held message, a safeguarding and a pattern alert, a proposal run and a
    hand-over notice."""
    await desk.h.say("ana", "dana-ana-student", "a secret for Dana")  # held
    await desk.h.say("ana", "dana-ana-student", "I want to hurt myself")  # alert
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one().id
        match = session.exec(select(Match).where(Match.key == "dana-ana")).one()
        pattern = raise_alert(session, program=session.get(Program, match.program_id), kind="pattern",
                              urgent=True, summary="Dana Whitfield (mentor) in dana-ana: a pattern",
                              now=desk.h.clock.now, match_id=match.id).id
        session.commit()
    client = await desk.signed_in("okafor")
    token = desk.csrf_of((await client.get("/")).text)
    for path, form in (("/handover/notice", {"match_mentor": "dana-ana/dana", "last_day": "2026-12-01"}),
                       ("/choosing/round", {"key": "fall", "starts_on": "2026-09-01", "opens": "now"}),
                       ("/choosing/propose", {})):
        response = await client.post(path, data={"csrf": token, "reason": "moving", **form})
        assert response.status_code == 303 and not NOT_THEIRS.search(unquote(response.headers["location"]))
    await client.aclose()
    with Session(engine) as session:
        ids = {"review": session.exec(select(ReviewItem)).one().id, "alert": alert, "pattern": pattern,
               "run": session.exec(select(ProposalRun)).one().id,
               "departure": session.exec(select(Departure)).one().id}
    return desk, {**RIVERSIDE, **{name: str(value) for name, value in ids.items()}}


def _fill(text: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        text = text.replace("{" + name + "}", value)
    return text


async def _call(client, method: str, url: str, form: dict[str, str], ids, csrf_of):  # type: ignore[no-untyped-def]
    url = _fill(url, ids)
    if method == "GET":
        return await client.get(url)
    page = await client.get("/")
    token = csrf_of(page.text) if page.status_code == 200 else "none"
    return await client.post(url, data={"csrf": token, **{k: _fill(v, ids) for k, v in form.items()}})


def _answer(response, ids: dict[str, str], named: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Status and where it sends the visitor, with the records ``named`` put back to placeholders."""
    where = unquote(response.headers.get("location", ""))
    for name, value in ids.items():
        if "{" + name + "}" in named:
            where = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", "{" + name + "}", where)
    return response.status_code, where


def test_every_route_is_in_the_table(desk) -> None:  # type: ignore[no-untyped-def]
    served_routes = served(desk.app)
    assert len(served_routes) > 50, f"the route walk found only {sorted(served_routes)}"
    assert set(EXEMPT) <= served_routes, "an exempt route no longer exists: drop it from EXEMPT"
    covered = {(method, route) for method, route, *_ in ROUTES}
    assert served_routes - set(EXEMPT) - covered == set(), "routes missing from the authorization table"
    assert covered - served_routes == set(), "the table names routes the desk does not have"


async def test_anonymous_is_sent_to_sign_in(seeded) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    async with desk.client() as client:
        for method, _route, url, form, _own, _other in ROUTES:
            response = await _call(client, method, url, form, ids, desk.csrf_of)
            ok = (response.status_code == 303 and response.headers["location"] == "/signin"
                  if method == "GET" else response.status_code == 401)
            if not ok or any(word in response.text for word in RIVERSIDE_WORDS[1:]):
                wrong.append((method, url, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))


async def test_other_programs_coordinator_is_refused(seeded, engine) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    client = await desk.signed_in("quinn")
    for method, _route, url, form, _own, other in ROUTES:
        if url == "/signout":
            continue
        response = await _call(client, method, url, form, ids, desk.csrf_of)
        shown = response.text + unquote(response.headers.get("location", ""))
        leaked = any(word in shown for word in RIVERSIDE_WORDS[1:])
        if other == LIST:
            html = response.headers["content-type"].startswith("text/html")
            ok = response.status_code == 200 and (not html or "Harbor P-TECH" in response.text)
            ok = ok and "dana-ana" not in response.text
        elif other == OWN:
            ok = response.status_code in (303, 400)
        else:  # a riverside record: refused exactly as one that does not exist anywhere
            nobodys = await _call(client, method, url, form, NOBODYS, desk.csrf_of)
            named = url + str(form)
            ok = _answer(response, ids, named) == _answer(nobodys, NOBODYS, named)
            ok = ok and response.status_code == (404 if other == GONE else 303)
        if not ok or leaked:
            wrong.append((method, url, response.status_code, shown[-200:]))
    await client.aclose()
    assert wrong == [], "\n".join(map(str, wrong))
    with Session(engine) as session:  # nothing of riverside's changed
        assert session.get(ReviewItem, int(ids["review"])).state == "open"
        assert session.get(Alert, int(ids["alert"])).acknowledged_at is None
        assert session.exec(select(Match).where(Match.key == "dana-ana")).one().status == "active"
        assert session.get(Departure, int(ids["departure"])).state == "notice"
        assert session.get(ProposalRun, int(ids["run"])).state == "open"


async def test_own_coordinator_gets_every_page(seeded) -> None:  # type: ignore[no-untyped-def]
    desk, ids = seeded
    wrong = []
    client = await desk.signed_in("okafor")
    for method, _route, url, form, expected, _other in ROUTES:
        response = await _call(client, method, url, form, ids, desk.csrf_of)
        told = unquote(response.headers.get("location", ""))
        if response.status_code != expected or NOT_THEIRS.search(told):
            wrong.append((method, url, response.status_code, told or response.text[:200]))
    await client.aclose()
    assert wrong == [], "\n".join(map(str, wrong))
