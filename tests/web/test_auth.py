"""Sign-in links are single-use and expire, sessions expire, forms need their CSRF token, and a
tampered cookie is worth nothing."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.web.auth import COOKIE, InviteError, create_invite
from storage.models import AuditEvent, ReviewItem
from storage.models_web import WebInvite


async def _sign_in(desk, token: str):  # type: ignore[no-untyped-def]
    client = desk.client()
    page = await client.get(f"/signin?token={token}")
    response = await client.post("/signin", data={"token": token, "csrf": desk.csrf_of(page.text)})
    return client, response


async def test_invite_link_works_once(desk, engine) -> None:  # type: ignore[no-untyped-def]
    token = desk.invite("g.okafor@example.org")
    first, response = await _sign_in(desk, token)
    assert response.status_code == 303
    assert "Grace Okafor" in (await first.get("/")).text
    second, again = await _sign_in(desk, token)
    assert again.status_code == 400 and "already used or has expired" in again.text
    assert (await second.get("/")).headers["location"] == "/signin"
    with Session(engine) as session:
        assert all(row.token_hash != token for row in session.exec(select(WebInvite)))  # only a hash
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "web.signin")).one()


async def test_invite_link_expires(desk) -> None:  # type: ignore[no-untyped-def]
    token = desk.invite("okafor", hours=1)
    desk.h.clock.advance(hours=2)
    _client, response = await _sign_in(desk, token)
    assert response.status_code == 400


async def test_opening_the_link_does_not_use_it(desk) -> None:  # type: ignore[no-untyped-def]
    token = desk.invite("okafor")
    async with desk.client() as scanner:  # a mail scanner fetching the link
        assert (await scanner.get(f"/signin?token={token}")).status_code == 200
    _client, response = await _sign_in(desk, token)
    assert response.status_code == 303


async def test_sign_in_form_needs_its_csrf_cookie(desk) -> None:  # type: ignore[no-untyped-def]
    token = desk.invite("okafor")
    async with desk.client() as client:
        response = await client.post("/signin", data={"token": token, "csrf": "forged"})
    assert response.status_code == 403
    _client, response = await _sign_in(desk, token)  # the link was not burnt by the forged post
    assert response.status_code == 303


async def test_sessions_expire_after_idle_time_and_after_eight_hours(desk) -> None:  # type: ignore[no-untyped-def]
    client = await desk.signed_in("okafor")
    desk.h.clock.advance(minutes=59)
    assert (await client.get("/")).status_code == 200
    desk.h.clock.advance(minutes=61)
    assert (await client.get("/")).headers["location"] == "/signin"
    busy = await desk.signed_in("okafor")
    for _ in range(9):
        desk.h.clock.advance(minutes=55)
        response = await busy.get("/")
    assert response.headers.get("location") == "/signin"  # 8 h 15 min after sign-in


async def test_sign_out_ends_the_session(desk) -> None:  # type: ignore[no-untyped-def]
    client = await desk.signed_in("okafor")
    page = await client.get("/")
    cookie = client.cookies[COOKIE]
    assert (await client.post("/signout", data={"csrf": desk.csrf_of(page.text)})).status_code == 303
    async with desk.client() as replay:
        replay.cookies.set(COOKIE, cookie)
        assert (await replay.get("/")).headers["location"] == "/signin"


async def test_tampered_cookie_is_refused(desk) -> None:  # type: ignore[no-untyped-def]
    client = await desk.signed_in("okafor")
    token, _, mac = client.cookies[COOKIE].rpartition(".")
    async with desk.client() as other:
        other.cookies.set(COOKIE, token + "." + "0" * len(mac))
        assert (await other.get("/")).headers["location"] == "/signin"


async def test_forms_without_the_csrf_token_are_refused(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "a secret plan")
    with Session(engine) as session:
        review_id = session.exec(select(ReviewItem)).one().id
    client = await desk.signed_in("okafor")
    for data in ({"decision": "approve"}, {"decision": "approve", "csrf": "guess"}):
        response = await client.post(f"/review/{review_id}", data=data)
        assert response.status_code == 403
    other = await desk.signed_in("bell")  # another coordinator's token is not this session's
    token = desk.csrf_of((await other.get("/")).text)
    assert (await client.post(f"/review/{review_id}", data={"decision": "approve", "csrf": token})
            ).status_code == 403
    assert (await client.post("/matches/dana-ana/pause", data={})).status_code == 403
    with Session(engine) as session:
        assert session.get(ReviewItem, review_id).state == "open"


def test_invite_needs_a_coordinator(desk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InviteError, match="no coordinator"):
        create_invite(desk.h.app.engine, "ana", program_id=None, clock=desk.h.clock, created_by="t")
    with pytest.raises(InviteError, match="no coordinator"):
        desk.invite("quinn", program="riverside-ptech")
    assert desk.invite("Marcus Bell")
