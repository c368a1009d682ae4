"""Hostile text reaches the desk from chat (a message, a stranger's platform display name, a DM):
every page and export a coordinator opens must show it as text, never run it."""

from __future__ import annotations

import re

import pytest

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><svg/onload=alert(3)>'
LIVE = re.compile(r"<script>alert|<img src=x|<svg/onload", re.IGNORECASE)


@pytest.fixture
def engine(sqlite_engine):  # type: ignore[no-untyped-def]
    return sqlite_engine  # escaping does not depend on the database


async def test_hostile_text_and_names_are_shown_escaped_everywhere(desk) -> None:  # type: ignore[no-untyped-def]
    h = desk.h
    await h.say("ana", "dana-ana-student", f"a secret {PAYLOAD}")  # held: on the review page too
    await h.say("ana", "dana-ana-student", f"I want to hurt myself {PAYLOAD}")  # an alert
    await h.console.say("intruder", "dana-ana-student", f"hi {PAYLOAD}", name=PAYLOAD)  # a stranger
    await h.console.say("ana", "", f"psst {PAYLOAD}", direct=True)  # a direct message
    await h.app.delivery.run_once()
    client = await desk.signed_in("okafor")
    pages = ["/", "/review", "/alerts", "/matches/dana-ana", "/people/ana", "/search?q=alert",
             "/matches/dana-ana/export.html", "/flagged", "/access"]
    live, seen = [], []
    for url in pages:
        response = await client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if LIVE.search(response.text):
            live.append(url)
        if "&lt;script&gt;alert(1)" in response.text:
            seen.append(url)
    await client.aclose()
    assert live == []
    assert {"/review", "/matches/dana-ana", "/matches/dana-ana/export.html"} <= set(seen)  # it was there
