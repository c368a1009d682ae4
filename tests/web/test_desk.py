"""What a coordinator does at the desk, through the same core as the chat buttons: decide holds,
pause a match, record what was done about an alert, read transcripts and export them safely —
with every view recorded before the data is shown."""

from __future__ import annotations

import csv
import io
import json

import pypdf
from sqlmodel import Session, select

from storage.models import AuditEvent, ChainHead, Match, ReviewItem

RLO = "\u202e"


def held_id(engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(ReviewItem).where(ReviewItem.state == "open")).one().id


async def decide(desk, client, review_id: int, decision: str, note: str = ""):  # type: ignore[no-untyped-def]
    page = await client.get("/review")
    return await client.post(f"/review/{review_id}", data={"csrf": desk.csrf_of(page.text),
                                                            "decision": decision, "note": note})


async def test_approve_delivers_and_tells_the_sender(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "can we keep this secret?")
    client = await desk.signed_in("okafor")
    page = await client.get("/review")
    assert "<mark>secret</mark>" in page.text and "offplatform.secrecy" in page.text
    response = await decide(desk, client, held_id(engine), "approve", "Thanks for asking first!")
    assert response.status_code == 303
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("dana-ana-mentor") == ["can we keep this secret?"]
    assert desk.h.console.private["ana"][-1] == (
        "Your coordinator approved your message and it has been delivered. "
        "Note from your coordinator: Thanks for asking first!")
    with Session(engine) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "review.approved")).one()
    assert event.actor == "web:okafor"


async def test_approve_redacted_removes_the_flagged_text(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "my secret idea for the robot")
    client = await desk.signed_in("okafor")
    await decide(desk, client, held_id(engine), "approve_redacted")
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("dana-ana-mentor") == ["my [removed] idea for the robot"]


async def test_reject_never_delivers_and_a_decided_hold_cannot_be_decided_again(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "a secret")
    client = await desk.signed_in("okafor")
    review_id = held_id(engine)
    await decide(desk, client, review_id, "reject", "Let's talk in class.")
    again = await decide(desk, client, review_id, "approve")
    assert "already rejected" in (await client.get(again.headers["location"])).text
    await desk.h.app.delivery.run_once()
    assert desk.h.seen_in("dana-ana-mentor") == []
    assert "Let's talk in class." in desk.h.console.private["ana"][-1]


async def test_pause_holds_every_message_until_resumed(desk, engine) -> None:  # type: ignore[no-untyped-def]
    client = await desk.signed_in("okafor")
    page = await client.get("/matches/dana-ana")
    token = desk.csrf_of(page.text)
    await client.post("/matches/dana-ana/pause", data={"csrf": token, "reason": "student concern"})
    await desk.h.app.delivery.run_once()
    assert any("paused" in t for t in desk.h.seen_in("dana-ana-mentor"))
    assert any("paused" in t for t in desk.h.seen_in("dana-ana-student"))
    await desk.h.say("dana", "dana-ana-mentor", "Hi Ana, how was the field trip?")
    assert not any("field trip" in t for t in desk.h.seen_in("dana-ana-student"))
    assert "1</b>" in (await client.get("/review")).text
    await client.post("/matches/dana-ana/resume", data={"csrf": token})
    with Session(engine) as session:
        assert session.exec(select(Match).where(Match.key == "dana-ana")).one().status == "active"
        actions = [e.action for e in session.exec(
            select(AuditEvent).where(AuditEvent.action.like("match.%")))]
    assert actions == ["match.pause", "match.resume"]


async def test_alerts_show_who_was_told_and_record_what_was_done(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "sometimes I want to hurt myself")
    await desk.h.say("ben", "raj-group-student", "a secret")  # a hold, not an alert
    client = await desk.signed_in("okafor")
    page = await client.get("/alerts")
    assert "safeguarding" in page.text and "<mark>hurt myself</mark>" in page.text
    assert "coordinators' review channel console/coordinators" in page.text
    assert "the sender, privately" in page.text
    alert_id = int(page.text.split('id="alert-')[1].split('"')[0])
    await client.post(f"/alerts/{alert_id}", data={"csrf": desk.csrf_of(page.text),
                                                   "action_taken": "Called Ana's counselor at 3:10pm"})
    page = await client.get("/alerts")
    assert "Grace Okafor: Called Ana&#39;s counselor at 3:10pm" in page.text
    assert "Alerts <b" not in page.text  # nothing open in the nav any more


async def test_message_text_is_escaped_and_bidi_controls_are_shown(desk) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", f"<img src=x onerror=alert(1)> hi {RLO}gnp.exe")
    await desk.h.say("ana", "dana-ana-student", "<script>alert('secret')</script>")  # held
    client = await desk.signed_in("okafor")
    for url in ("/matches/dana-ana", "/search?q=hi", "/review"):
        html = (await client.get(url)).text
        assert "<script>alert" not in html and "<img src=x" not in html
    transcript = (await client.get("/matches/dana-ana")).text
    assert "&lt;img src=x onerror=alert(1)&gt;" in transcript
    assert "⟦U+202E⟧" in transcript and RLO not in transcript
    assert "&lt;script&gt;" in (await client.get("/review")).text


async def test_transcript_shows_edits_with_the_original_text(desk) -> None:  # type: ignore[no-untyped-def]
    message_id = await desk.h.say("dana", "dana-ana-mentor", "See you Tuesday")
    await desk.h.console.edit_own("dana", "dana-ana-mentor", message_id, "See you Wednesday")
    client = await desk.signed_in("okafor")
    html = (await client.get("/matches/dana-ana")).text
    assert "was: <del>See you Tuesday</del>" in html and "now: <ins>See you Wednesday</ins>" in html


async def test_csv_and_json_exports_are_safe_and_verifiable(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "=HYPERLINK(\"http://x.example\",\"click\")")
    await desk.h.say("ana", "dana-ana-student", f"plain {RLO}txt.exe")
    client = await desk.signed_in("okafor")
    response = await client.get("/matches/dana-ana/export.csv")
    assert response.headers["content-disposition"].startswith("attachment")
    lines = response.text.splitlines()
    assert lines[0].startswith("# Riverside P-TECH Career Mentoring")
    with Session(engine) as session:
        head = session.get(ChainHead, ("riverside-ptech", "message"))
    assert head.last_hash in lines[2]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[3:]))))
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[1]["text"] == "plain ⟦U+202E⟧txt.exe"
    data = json.loads((await client.get("/people/ana/export.json")).text)
    assert data["verification"]["chain_head_sha256"] == head.last_hash
    assert [m["text"] for m in data["messages"]][1] == f"plain {RLO}txt.exe"  # exact, but escaped on disk
    assert RLO not in (await client.get("/people/ana/export.json")).text


async def test_pdf_export_has_program_period_and_verification(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("dana", "dana-ana-mentor", "Ana, great résumé draft! 👍")
    client = await desk.signed_in("okafor")
    response = await client.get("/matches/dana-ana/export.pdf?since=2026-10-01&until=2026-10-31")
    assert response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    with Session(engine) as session:
        head = session.get(ChainHead, ("riverside-ptech", "message"))
    assert "Riverside P-TECH Career Mentoring" in flat
    assert "Period: 2026-10-01 to 2026-10-31" in flat
    assert head.last_hash[:16] in flat.replace(" ", "")
    assert "great résumé draft" in flat


async def test_every_view_search_and_export_is_logged_and_shown_per_student(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ana", "dana-ana-student", "hello")
    okafor = await desk.signed_in("okafor")
    bell = await desk.signed_in("bell")
    await okafor.get("/matches/dana-ana")
    await bell.get("/search?q=hello")
    await bell.get("/people/ana/export.csv")
    await okafor.get("/matches/raj-group")  # not ana's
    with Session(engine) as session:
        events = list(session.exec(select(AuditEvent).order_by(AuditEvent.seq)))
    read = next(e for e in events if e.action == "transcript.read" and e.target == "match:dana-ana")
    assert read.actor == "web:okafor" and read.rows == 1
    search = next(e for e in events if e.action == "search")
    assert search.rows == 1 and json.loads(search.detail_json)["matches"] == ["match:dana-ana"]
    page = (await okafor.get("/people/ana")).text
    seen = page.split('id="seen"')[1]
    assert "web:okafor" in seen and "web:bell" in seen and "transcript.export.csv" in seen
    assert "search" in seen and "match:raj-group" not in seen
