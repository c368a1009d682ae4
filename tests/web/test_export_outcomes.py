"""Issue 12 item 4: exports a principal or auditor can read. A held message shows its review outcome
(approved, approved redacted, rejected, released, still waiting), who decided and when, the note to
the sender, any gate override with its reason, and what was done about an alert — in the CLI's
text, CSV and JSON and the desk's CSV, JSON, HTML and PDF."""

from __future__ import annotations

import csv
import io
import json

import pypdf
import pytest
from sqlmodel import Session, select

from bot.transcript import describe, read_transcript, to_csv, to_json
from bot.web import views_review
from storage import repo
from storage.models import Alert

# The SQL here is exercised on PostgreSQL by tests/core/test_gate_holds.py; SQLite alone keeps the suite fast.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def _person(engine, key):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return repo.person_by_key(session, "riverside-ptech", key)


async def _story(desk, engine):  # type: ignore[no-untyped-def]
    h = desk.h
    review = h.app.core.review
    okafor = _person(engine, "okafor")
    await h.say("ana", "dana-ana-student", "can we keep this secret?")
    await h.say("ana", "dana-ana-student", "my secret robot plan")
    await h.say("ana", "dana-ana-student", "another secret")
    await h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    await h.say("ana", "dana-ana-student", "one more secret, not decided yet")
    first, second, third = [x.review_id for x in review.open_holds()][:3]
    review.decide(first, "approve", coordinator=okafor, actor="okafor", note="Thanks for asking first!")
    review.decide(second, "approve_redacted", coordinator=okafor, actor="okafor")
    review.decide(third, "reject", coordinator=okafor, actor="okafor", note="Let's talk in class.")
    client = await desk.signed_in("okafor")
    with Session(engine) as session:
        alert_id = session.exec(select(Alert.id).where(Alert.kind == "safeguarding")).one()
    page = await client.get("/alerts")
    await client.post(f"/alerts/{alert_id}", data={"csrf": desk.csrf_of(page.text),
                                                   "action_taken": "Called Ana's counselor, Ms. Diaz"})
    return client


async def test_every_export_says_what_was_decided_by_whom_and_what_was_done(desk, engine) -> None:  # type: ignore[no-untyped-def]
    client = await _story(desk, engine)
    _, lines = read_transcript(engine, "dana-ana", actor="test", clock=desk.h.clock)
    by_text = {line.text: line for line in lines}
    approved = by_text["can we keep this secret?"]
    assert (approved.review, approved.decided_by, approved.note) == (
        "approved", "Grace Okafor", "Thanks for asking first!")
    assert approved.decided_at.startswith("2026-")
    assert by_text["my secret robot plan"].review == "approved redacted"
    assert by_text["another secret"].review == "rejected"
    assert by_text["one more secret, not decided yet"].review == "waiting"
    follow_up = by_text["sometimes I want to hurt myself"].alerts
    assert len(follow_up) == 1 and "Called Ana's counselor" in follow_up[0] and "safeguarding" in follow_up[0]

    text = "\n".join(describe(line) for line in lines)
    assert "approved by Grace Okafor" in text and "note to sender: Thanks for asking first!" in text
    assert "waiting for review" in text and "Called Ana's counselor" in text
    cli_rows = list(csv.DictReader(io.StringIO(to_csv(lines))))
    assert {r["review"] for r in cli_rows} >= {"approved", "approved redacted", "rejected", "waiting"}
    assert any("Called Ana's counselor" in r["alert_follow_up"] for r in cli_rows)
    assert json.loads(to_json(_match(engine), lines))["messages"][0]["review"] == "approved"

    body = (await client.get("/matches/dana-ana/export.csv")).text
    web_rows = list(csv.DictReader(io.StringIO("\n".join(body.splitlines()[3:]))))
    assert [(r["review"], r["decided_by"], r["note_to_sender"]) for r in web_rows][:3] == [
        ("approved", "Grace Okafor", "Thanks for asking first!"), ("approved redacted", "Grace Okafor", ""),
        ("rejected", "Grace Okafor", "Let's talk in class.")]
    data = json.loads((await client.get("/matches/dana-ana/export.json")).text)
    assert data["messages"][2]["review"] == "rejected"
    html = (await client.get("/matches/dana-ana/export.html")).text
    assert "approved by Grace Okafor" in html and "Called Ana&#39;s counselor" in html
    pdf = (await client.get("/matches/dana-ana/export.pdf")).content
    flat = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    assert "rejected by Grace Okafor" in flat and "waiting for review" in flat
    assert views_review.decided_label("approved_redacted") == "approved with details removed"


def _match(engine):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return repo.match_by_key(session, "dana-ana", "riverside-ptech")
