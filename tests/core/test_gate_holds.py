"""Issue 12 item 1: the program's gates are rules, not judgement calls.

A message held because the student has no permission form, the mentor is not cleared, the sender
is not in the match, or the match is only proposed or paused is released when the gate clears
(form or clearance recorded, match activated) or by an explicit override that names the gate and
a reason and is audited — never by a plain Approve, from any surface.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.messages import ReviewRequest
from bot.review.desk import GateHoldError, ReviewError
from storage import repo
from storage.chain import verify
from storage.models import AuditEvent, ReviewItem
from support.roster_helpers import import_roster

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"


def _person(engine, key):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return repo.person_by_key(session, "riverside-ptech", key)


def _hold(h, name: str):  # type: ignore[no-untyped-def]
    return next(x for x in h.app.core.review.open_holds() if x.sender_name == name)


def _cleared_roster(tmp_path: Path) -> Path:
    """The sample roster once hal's form and kim's clearance are recorded and kim-hal is activated."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("    # no consent form yet: hal's match stays proposed\n",
                        "    consent: {received: 2026-10-14, recorded_by: okafor}\n")
    text = text.replace("    # no `cleared` yet: kim's match stays proposed until the program clears kim\n",
                        "    cleared: 2026-10-14\n")
    text = text.replace("    status: proposed\n    coordinator: okafor\n    mentors: [kim]",
                        "    status: active\n    started: 2026-10-14\n"
                        "    coordinator: okafor\n    mentors: [kim]")
    path = tmp_path / "cleared.yml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_approve_refuses_a_gate_hold_and_says_which_gate_and_how_to_override(make_harness, engine):
    h = await make_harness()
    await h.say("hal", "kim-hal-student", "hi Kim!")  # no permission form, match only proposed
    hold = _hold(h, "Hal S.")
    with pytest.raises(GateHoldError) as refused:
        h.app.core.review.decide(hold.review_id, "approve", coordinator=_person(engine, "okafor"),
                                 actor="okafor")
    message = str(refused.value)
    assert "permission form" in message and "consent.missing" in message and "match.proposed" in message
    assert "override" in message
    with pytest.raises(GateHoldError):
        h.app.core.review.decide(hold.review_id, "approve_redacted", coordinator=_person(engine, "okafor"),
                                 actor="okafor")
    await h.app.delivery.run_once()
    assert h.seen_in("kim-hal-mentor") == []
    with Session(engine) as session:
        item = session.get(ReviewItem, hold.review_id)
        assert item.state == "open"
        assert set(item.gates.split(",")) == {"consent.missing", "match.proposed"}


async def test_a_platform_button_cannot_approve_a_gate_hold(make_harness, engine):
    h = await make_harness()
    await h.say("ivy", "ivy-ana-mentor", "hi Ana, see you soon")  # the match is paused
    hold = _hold(h, "Ivy N.")
    reply = await h.app.core.decide_review(ReviewRequest(platform="console", workspace="demo", user_id="bell",
                                                         review_id=hold.review_id, decision="approve"))
    assert "match.paused" in reply and "override" in reply
    await h.app.delivery.run_once()
    assert h.seen_in("ivy-ana-student") == []


async def test_reject_still_works_on_a_gate_hold(make_harness, engine):
    h = await make_harness()
    await h.say("hal", "kim-hal-student", "hi Kim!")
    hold = _hold(h, "Hal S.")
    item = h.app.core.review.decide(hold.review_id, "reject", coordinator=_person(engine, "okafor"),
                                    actor="okafor")
    assert item.state == "rejected"


async def test_an_override_names_every_gate_and_a_reason_and_is_audited_in_the_chain(make_harness, engine):
    h = await make_harness()
    await h.say("hal", "kim-hal-student", "hi Kim!")
    hold = _hold(h, "Hal S.")
    okafor = _person(engine, "okafor")
    with pytest.raises(ReviewError, match="reason"):
        h.app.core.review.override(hold.review_id, gates=["consent.missing", "match.proposed"], reason="  ",
                                   coordinator=okafor, actor="okafor")
    with pytest.raises(ReviewError, match="match.proposed"):
        h.app.core.review.override(hold.review_id, gates=["consent.missing"], reason="form seen on paper",
                                   coordinator=okafor, actor="okafor")
    with pytest.raises(ReviewError, match="clearance.missing"):
        h.app.core.review.override(hold.review_id, gates=["consent.missing", "match.proposed",
                                                          "clearance.missing"],
                                   reason="form seen on paper", coordinator=okafor, actor="okafor")
    item = h.app.core.review.override(
        hold.review_id, gates=["consent.missing", "match.proposed"],
        reason="Paper form seen by the principal today; scanning tomorrow", coordinator=okafor,
        actor="okafor")
    assert item.state == "approved"
    assert set(item.override_gates.split(",")) == {"consent.missing", "match.proposed"}
    await h.app.delivery.run_once()
    assert h.seen_in("kim-hal-mentor") == ["hi Kim!"]
    with Session(engine) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "review.gate_override")).one()
        detail = json.loads(event.detail_json)
        assert sorted(detail["gates"]) == ["consent.missing", "match.proposed"]
        assert detail["reason"].startswith("Paper form seen")
        assert verify(session, "riverside-ptech") == []


async def test_gate_holds_are_released_when_the_roster_records_the_form_and_activates_the_match(
        make_harness, engine, tmp_path):
    h = await make_harness()
    await h.say("hal", "kim-hal-student", "hi Kim!")
    await h.say("kim", "kim-hal-mentor", "Hello Hal, I'm Kim")  # not cleared either
    assert h.seen_in("kim-hal-mentor") == [] and h.seen_in("kim-hal-student") == []
    import_roster(engine, _cleared_roster(tmp_path), now=h.clock())
    for _ in range(3):  # each channel now has a copy and a notice; one row per channel per pass
        await h.app.delivery.run_once()
    assert h.seen_in("kim-hal-mentor") == ["hi Kim!"]
    assert h.seen_in("kim-hal-student") == ["Hello Hal, I'm Kim"]
    assert h.app.core.review.open_holds() == []
    with Session(engine) as session:
        items = list(session.exec(select(ReviewItem)))
        assert {i.state for i in items} == {"released"}
        assert all("gate cleared" in (i.decided_by or "") for i in items)
        actions = session.exec(select(AuditEvent.action)).all()
    assert actions.count("review.gate_cleared") == 2


async def test_resuming_a_paused_match_releases_what_waited_for_it(make_harness, engine):
    h = await make_harness()
    await h.say("ivy", "ivy-ana-mentor", "hi Ana, see you soon")
    assert h.seen_in("ivy-ana-student") == []
    await h.app.core.set_paused("ivy-ana", paused=False, program_id="riverside-ptech", actor="bell")
    await h.app.delivery.run_once()
    assert "hi Ana, see you soon" in h.seen_in("ivy-ana-student")


async def test_a_gate_that_clears_leaves_a_flag_for_the_coordinator_to_judge(make_harness, engine):
    h = await make_harness()
    await h.say("ivy", "ivy-ana-mentor", "our secret: the lab tour")  # paused AND flagged
    hold = _hold(h, "Ivy N.")
    await h.app.core.set_paused("ivy-ana", paused=False, program_id="riverside-ptech", actor="bell")
    await h.app.delivery.run_once()
    assert "our secret: the lab tour" not in h.seen_in("ivy-ana-student")
    [still] = h.app.core.review.open_holds()
    assert still.review_id == hold.review_id and "offplatform.secrecy" in still.rules
    h.app.core.review.decide(hold.review_id, "approve_redacted", coordinator=_person(engine, "bell"),
                             actor="bell")
    await h.app.delivery.run_once()
    assert "our [removed]: the lab tour" in h.seen_in("ivy-ana-student")


async def test_approve_without_the_flagged_details_only_where_something_was_flagged(make_harness, engine):
    h = await make_harness()
    await h.say("U-unknown", "dana-ana-student", "hello there")  # a stranger: nothing in the text flagged
    hold = h.app.core.review.open_holds()[0]
    okafor = _person(engine, "okafor")
    item = h.app.core.review.override(hold.review_id, gates=["match.stranger"], coordinator=okafor,
                                      reason="new co-mentor, roster update pending", actor="okafor")
    assert item.state == "approved"
    # a wrong-side post has nothing flagged in its text: nothing to remove
    await h.say("ana", "dana-ana-mentor", "hello from the wrong side")
    wrong = next(x for x in h.app.core.review.open_holds() if x.text == "hello from the wrong side")
    with pytest.raises(ReviewError, match="nothing to remove"):
        h.app.core.review.decide(wrong.review_id, "approve_redacted", coordinator=okafor, actor="okafor")
