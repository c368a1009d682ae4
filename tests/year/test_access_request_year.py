"""A parent's access request after a program year on the desk: "who read or changed this record"
lists the year's events about the student — their profile viewed, their reflection recorded and read,
the proposal that matched them decided, their mentor handed over — with who and when, and nothing
about another student (storage/audit_concerns.py resolves each event's target to people)."""

from __future__ import annotations

import json
import zipfile
from datetime import date

from sqlmodel import Session, select

from bot.governance.access_request import answer
from storage.chain_verify import verify_program
from storage.models import AuditEvent
from support.desk import csrf_of
from support.year_helpers import PROGRAM


async def post(client, page: str, action: str, data: dict):  # type: ignore[no-untyped-def,type-arg]
    html = (await client.get(page)).text
    return await client.post(action, data={"csrf": csrf_of(html), **data})


async def _year_on_the_desk(year_desk) -> None:  # type: ignore[no-untyped-def]
    client = await year_desk.signed_in("nora")
    assert (await client.get("/profiles")).status_code == 200  # a page listing every profile
    for who in ("ana", "fay"):
        assert (await client.get(f"/profiles/{who}")).status_code == 200
    for who, text in (
        ("ana", "I wired my first circuit and want to learn more."),
        ("ben", "Hospitals are busy."),
    ):
        done = await post(
            client,
            f"/people/{who}/year",
            f"/people/{who}/year/reflection",
            {"text": text, "source": "written"},
        )
        assert done.status_code == 303
    for who in ("ana", "ben"):
        assert "Reflections" in (await client.get(f"/people/{who}/year")).text  # a reflection read
    await post(
        client,
        "/choosing",
        "/choosing/round",
        {"key": "2026-fall", "starts_on": "2026-11-02", "opens": "now"},
    )
    await post(client, "/choosing", "/choosing/choices/ana", {"rank1": "dana", "rank2": "raj", "rank3": ""})
    await post(client, "/choosing", "/choosing/propose", {})
    proposal = await client.get("/choosing/proposal")
    run = proposal.text.split("/choosing/proposal/")[1].split("/")[0]
    confirmed = await post(
        client, "/choosing/proposal", f"/choosing/proposal/{run}/confirm", {"keys": "dana/1"}
    )
    assert "Confirmed%3A%20dana-ana" in confirmed.headers["location"]
    for match_mentor, replacement in (("dana-ana/dana", "raj"), ("sam-fay/sam", "lee")):
        await post(
            client,
            "/handover",
            "/handover/notice",
            {"match_mentor": match_mentor, "last_day": "2026-12-18", "reason": "a move"},
        )
        page = (await client.get("/handover")).text
        notice_id = page.split('action="/handover/')[1].split("/")[0]
        done = await post(client, "/handover", f"/handover/{notice_id}/replace", {"replacement": replacement})
        assert done.status_code == 303
    assert (await client.get("/search?q=hospital&person=fay")).status_code == 200
    h = year_desk.h
    await h.say("n-fay", "sam-fay-student", "Lee, this is our secret ok")
    [hold] = await h.app.core.open_holds()  # a held message of Fay's, decided on the desk
    assert (
        await post(client, "/review", f"/review/{hold.review_id}", {"decision": "reject"})
    ).status_code == 303


async def test_an_access_request_lists_the_years_events_about_the_student_and_no_one_elses(
    year_desk, engine, tmp_path
):
    await _year_on_the_desk(year_desk)
    h = year_desk.h
    out = tmp_path / "ana.zip"
    answer(
        engine,
        PROGRAM,
        "ana",
        requester="Rosa R.",
        relationship="parent",
        actor="nora",
        path=out,
        now=h.clock(),
    )
    with zipfile.ZipFile(out) as z:
        record = json.loads(z.read("record.json"))
        printable = z.read("record.txt").decode()
    log = [(e["action"], e["target"], e["actor"]) for e in record["access_log"]]
    expected = [
        ("profile.view", "person:ana", "web:nora"),
        ("reflection.record", "person:ana", "web:nora"),
        ("year.student.view", "person:ana", "web:nora"),
        ("choice.record", "person:ana", "web:nora"),
        ("match.propose", "round:2026-fall", "web:nora"),
        ("proposal.view", f"program:{PROGRAM}", "web:nora"),
        ("match.confirm", "match:dana-ana", "web:nora"),
        ("departure.notice", "match:dana-ana", "web:nora"),
        ("departure.replace", "match:dana-ana", "web:nora"),
    ]
    for event in expected:
        assert event in log, event
    assert all(e["at"] for e in record["access_log"])  # when, to the microsecond
    replace = next(e for e in record["access_log"] if e["action"] == "departure.replace")
    assert json.loads(replace["detail_json"])["replacement"] == "raj"  # only about Ana: detail kept
    shared = next(e for e in record["access_log"] if e["action"] == "match.propose")
    assert shared["detail_withheld"] and shared["detail_json"] == "{}"  # the run named other students
    # nothing about another student: Fay's profile and hand-over, Ben's reflection, a search for Fay
    text = json.dumps(record)
    for other in ("person:fay", "person:ben", "match:sam-fay", "Hospitals", "hospital"):
        assert other not in text, other
    assert ("profiles.view", f"program:{PROGRAM}") in [
        (e["action"], e["target"]) for e in record["pages_listing_every_student"]
    ]
    assert "departure.replace match:dana-ana" in printable and "web:nora" in printable
    assert "the profiles page (every profile): 1 time(s)" in printable

    fay = tmp_path / "fay.zip"
    answer(
        engine,
        PROGRAM,
        "fay",
        requester="O. family",
        relationship="parent",
        actor="nora",
        path=fay,
        now=h.clock(),
    )
    with zipfile.ZipFile(fay) as z:
        theirs = json.loads(z.read("record.json"))
    log = [(e["action"], e["target"]) for e in theirs["access_log"]]
    assert {
        ("profile.view", "person:fay"),
        ("departure.replace", "match:sam-fay"),
        ("search", "search"),
    } <= set(log)
    assert not {"person:ana", "match:dana-ana"} & {t for _, t in log}
    assert {"review.held", "review.rejected"} <= {a for a, t in log if t.startswith("review:")}
    assert ("review.view", f"program:{PROGRAM}") in log  # the review page listed her held message
    assert "review.view" not in {e["action"] for e in record["access_log"]}  # not Ana's
    with Session(engine) as session:
        assert verify_program(session, PROGRAM).breaks == []  # the chain was only read


async def test_a_departed_mentors_match_still_concerns_its_student(year, engine):
    """Members over time: after the mentor left, events naming the match still reach the student."""
    core = year.app.core
    notice = await core.give_notice(
        PROGRAM, "sam-fay", "sam", last_day=date(2026, 12, 18), reason="", actor="web:nora"
    )
    await core.replace_mentor(PROGRAM, notice.departure.id, "raj", actor="web:nora")
    from storage.audit_concerns import Concerns

    with Session(engine) as session:
        concerns = Concerns(session, PROGRAM)
        found = {row.action: c.people for row, c in concerns.events() if row.target == "match:sam-fay"}
        ids = concerns.people
        events = session.exec(select(AuditEvent).where(AuditEvent.program_id == PROGRAM)).all()
    assert {ids["fay"], ids["sam"], ids["raj"]} <= found["departure.replace"]
    assert ids["ana"] not in found["departure.notice"] and events
