"""The desk's program-year pages over HTTP: profiles entered and checked, bios posted, choices
entered from a paper form, the matching step run, edited and confirmed, a mentor replaced — each
page view recorded in the access log first."""

from __future__ import annotations

from sqlmodel import Session, select

from storage import repo
from storage.models import AuditEvent
from support.desk import csrf_of
from support.year_helpers import PROGRAM, audit_actions, choices_of


async def post(client, page: str, action: str, data: dict):  # type: ignore[no-untyped-def,type-arg]
    html = (await client.get(page)).text
    return await client.post(action, data={"csrf": csrf_of(html), **data})


async def test_profiles_are_edited_with_errors_by_field_and_bios_are_checked(year_desk, engine):
    client = await year_desk.signed_in("nora")
    page = await client.get("/profiles")
    assert (
        page.status_code == 200 and "Dana Whitfield" in page.text and "Example Power &amp; Light" in page.text
    )
    bad = await post(client, "/profiles/ana", "/profiles/ana", {"bio": "Robots!", "gender": "girl"})
    assert (
        bad.status_code == 400
        and "Nothing was saved" in bad.text
        and "one of: female, male, nonbinary" in bad.text
    )
    saved = await post(
        client,
        "/profiles/lee",
        "/profiles/lee",
        {
            "bio": "Text me at 555-201-3344",
            "title": "Developer",
            "employer": "Example Software Co.",
            "interests": "software",
            "capacity": "1",
            "models": "one-to-one",
        },
    )
    assert saved.status_code == 303 and "REFUSED" in saved.headers["location"].replace("%20", " ")
    bios = await client.get("/bios")
    assert "bios never carry contact details" in bios.text and 'class="card bio bio-refused"' in bios.text
    await post(client, "/bios", "/bios/check", {})
    approved = await post(client, "/bios", "/bios/sam/approve", {})
    assert approved.status_code == 303
    year_desk.h.console.readers[year_desk.h.console.ref("ns-choose")] = ["n-ana", "nora"]
    published = await post(client, "/bios", "/bios/publish", {"audience": "students"})
    assert "3%20bio%28s%29%20posted%20to%20students" in published.headers["location"]
    views = audit_actions(engine)
    assert {
        "profiles.view",
        "profile.view",
        "bios.view",
        "profile.update",
        "bio.approve",
        "bios.publish",
    } <= set(views)


async def test_a_round_on_the_desk_from_paper_choices_to_a_replacement(year_desk, engine):
    client = await year_desk.signed_in("nora")
    started = await post(
        client,
        "/choosing",
        "/choosing/round",
        {"key": "2026-fall", "starts_on": "2026-11-02", "opens": "now"},
    )
    assert "Round%202026-fall%20is%20open" in started.headers["location"]
    await post(client, "/choosing", "/choosing/choices/ana", {"rank1": "dana", "rank2": "raj", "rank3": ""})
    assert choices_of(engine, "ana") == ["dana", "raj"]
    page = await client.get("/choosing")
    assert "1 of 6 have chosen" in page.text
    await post(client, "/choosing", "/choosing/propose", {})
    proposal = await client.get("/choosing/proposal")
    assert "dana-ana" in proposal.text and "Ana R.&#39;s 1st choice" in proposal.text
    assert "Not proposed" in proposal.text and "Dev K." in proposal.text and "no-consent" in proposal.text
    run = proposal.text.split("/choosing/proposal/")[1].split("/")[0]
    confirmed = await post(
        client, "/choosing/proposal", f"/choosing/proposal/{run}/confirm", {"keys": "dana/1"}
    )
    assert "Confirmed%3A%20dana-ana" in confirmed.headers["location"]
    with Session(engine) as session:
        assert repo.match_by_key(session, "dana-ana", PROGRAM).status == "proposed"

    noticed = await post(
        client,
        "/handover",
        "/handover/notice",
        {"match_mentor": "sam-fay/sam", "last_day": "2026-12-18", "reason": "a move"},
    )
    assert noticed.status_code == 303
    page = await client.get("/handover")
    assert "Sam Achebe leaves" in page.text and "Hi Fay, some news about your mentoring" in page.text
    notice_id = page.text.split('action="/handover/')[1].split("/")[0]
    done = await post(
        client,
        "/handover",
        f"/handover/{notice_id}/replace",
        {
            "replacement": "raj",
            "message_raj": "Hi Fay! Sam moved away; Raj Patel is your mentor now. You did great.",
        },
    )
    assert done.status_code == 303
    await year_desk.h.app.delivery.run_once()
    assert year_desk.h.seen_in("sam-fay-student")[-1] == (
        "Hi Fay! Sam moved away; Raj Patel is your mentor now. You did great."
    )
    with Session(engine) as session:
        actors = {
            e.actor for e in session.exec(select(AuditEvent).where(AuditEvent.action == "departure.replace"))
        }
    assert actors == {"web:nora"}
