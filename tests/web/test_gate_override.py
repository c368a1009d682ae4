"""Issue 12 item 1 at the desk: a gate hold shows what it waits for, has no Approve, refuses a
forged Approve, and is delivered only by the override form naming the gate and a reason."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from sqlmodel import Session, select

from storage.models import AuditEvent, ReviewItem

# The SQL here is exercised on PostgreSQL by tests/core/test_gate_holds.py; SQLite alone keeps the suite fast.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def held_id(engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(ReviewItem).where(ReviewItem.state == "open")).one().id


async def test_desk_refuses_approve_on_a_gate_hold_and_overrides_with_a_reason(desk, engine):  # type: ignore[no-untyped-def]
    await desk.h.say("ivy", "ivy-ana-mentor", "hi Ana, see you soon")  # the match is paused
    client = await desk.signed_in("bell")
    page = await client.get("/review")
    assert "Waiting for the program" in page.text
    assert 'value="approve" class="primary"' not in page.text  # no Approve button on a gate hold
    assert "Deliver anyway" in page.text and 'value="match.paused"' in page.text
    review_id = held_id(engine)
    csrf = desk.csrf_of(page.text)
    forged = await client.post(f"/review/{review_id}", data={"csrf": csrf, "decision": "approve"})
    assert forged.status_code == 303 and "override" in unquote(forged.headers["location"])
    no_reason = await client.post(f"/review/{review_id}/override",
                                  data={"csrf": csrf, "gate": "match.paused", "reason": ""})
    assert "reason" in unquote(no_reason.headers["location"])
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("ivy-ana-student") == []
    done = await client.post(f"/review/{review_id}/override", data={
        "csrf": csrf, "gate": "match.paused", "reason": "Pause was for the holiday; checked with her teacher",
        "decision": "approve"})
    assert "overriding match.paused" in unquote(done.headers["location"])
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("ivy-ana-student") == ["hi Ana, see you soon"]
    with Session(engine) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "review.gate_override")).one()
    assert event.actor == "web:bell" and "holiday" in event.detail_json


async def test_redact_button_only_where_something_was_flagged(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-mentor", "hello from the wrong side")  # held, nothing flagged
    client = await desk.signed_in("okafor")
    page = await client.get("/review")
    assert 'value="approve" class="primary"' in page.text
    assert "Approve without the flagged details" not in page.text
