"""The matching step as a coordinator runs it: proposals from the round's choices with a reason
for each student, the unmatched with why, edits, confirmation through the roster's one way of
writing a match, channels linked as always, and the start of the match."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from bot.matching.rounds import ChoosingError
from bot.messages import CommandRequest
from storage import repo
from storage.models import Match
from storage.models_choosing import ChoosingRound
from storage.models_handover import Commitment
from support.year_helpers import PROGRAM, audit_actions, choices_of

START = date(2026, 11, 2)


async def choose(core) -> None:  # type: ignore[no-untyped-def]
    await core.open_round(PROGRAM, key="2026-fall", starts_on=START, actor="web:nora", open_now=True)
    await core.record_choices(PROGRAM, "ana", ["raj", "dana"], actor="web:nora")
    await core.record_choices(PROGRAM, "ben", ["raj"], actor="web:nora")
    await core.record_choices(PROGRAM, "cai", ["dana", "sam"], actor="web:nora")


async def command(h, user: str, channel: str, text: str):  # type: ignore[no-untyped-def]
    return await h.app.core.run_command(
        CommandRequest(channel=h.console.ref(channel), user_id=user, user_name=user, text=text)
    )


async def test_proposals_carry_a_reason_and_the_unmatched_say_why(year):
    core = year.app.core
    await choose(core)
    view = await core.propose_matches(PROGRAM, actor="web:nora")
    by_student = {s["key"]: (line.row.match_key, s) for line in view.lines for s in line.students}
    # Raj has one place: Ana and Ben both ranked him 1st; Ben fits closer (a shared interest)
    assert by_student["ben"][0] == "raj-ben" and by_student["ben"][1]["rank"] == 1
    ana = by_student["ana"][1]
    assert by_student["ana"][0] == "dana-ana" and ana["rank"] == 2
    assert "Why not a higher choice: 1st Raj Patel (Example Health Systems) was full" in ana["reason_text"]
    assert by_student["eli"][1]["rank"] is None and "Proposed by fit" in by_student["eli"][1]["reason_text"]
    unmatched = {u["student"]: u for u in view.unmatched}
    assert unmatched["dev"]["code"] == "no-consent" and "permission form" in unmatched["dev"]["reason_text"]
    assert {m["mentor"]: m["code"] for m in view.left_out} == {"kim": "not-cleared"}
    assert any("their 1st choice" in line for line in view.summary)
    assert "match.propose" in audit_actions(year.app.engine)


async def test_edited_proposals_are_confirmed_as_planned_matches_then_linked_and_started(year, engine):
    h, core = year, year.app.core
    await choose(core)
    view = await core.propose_matches(PROGRAM, actor="web:nora")
    run = view.run.id
    warnings = await core.edit_proposal(PROGRAM, run, "dana-ana", actor="web:nora", students=["ana", "cai"])
    assert "outside the one-to-one ratio" in warnings[0]  # Cai moved here from Dana's other proposal
    result = await core.confirm_proposals(
        PROGRAM, run, actor="web:nora", coordinator="nora", keys=["dana-ana"]
    )
    assert result.matches == [] and "one-to-one is exactly 1 mentor and 1 student" in result.problems[0][1][0]
    await core.edit_proposal(
        PROGRAM, run, "dana-ana", actor="web:nora", model="small-group", match_key="dana-group"
    )
    await core.edit_proposal(PROGRAM, run, "sam-eli", actor="web:nora", drop=True)
    result = await core.confirm_proposals(PROGRAM, run, actor="web:nora", coordinator="nora")
    assert sorted(result.matches) == ["dana-group", "raj-ben"] and result.problems == []
    with Session(engine) as session:
        match = repo.match_by_key(session, "dana-group", PROGRAM)
        members = sorted((p.key, r) for p, r in repo.members(session, match.id))
        commitment = session.get(Commitment, match.id)
        round_ = session.exec(select(ChoosingRound)).one()
    assert (match.model, match.status, match.started_on) == ("small-group", "proposed", START)
    assert members == [("ana", "student"), ("cai", "student"), ("dana", "mentor")]
    assert commitment.committed_until == date(2027, 11, 2)  # "a minimum of one year"
    assert round_.state == "matched"  # every proposal is confirmed or dropped

    with pytest.raises(ChoosingError, match="no mentor-side channel"):
        await core.start_match(PROGRAM, "dana-group", actor="web:nora")
    h.console.readers[h.console.ref("dg-mentor")] = ["n-dana", "nora"]
    h.console.readers[h.console.ref("dg-students")] = ["n-ana", "n-cai", "nora"]
    reply = await command(h, "nora", "dg-mentor", "link dana-group mentor")
    assert "start the match" in reply
    await command(h, "nora", "dg-students", "link dana-group student")
    await h.say("n-ana", "dg-students", "Hello! Is this our new room?")
    assert h.seen_in("dg-mentor") == []  # a planned match: held until it starts
    started = await core.start_match(PROGRAM, "dana-group", actor="web:nora")
    assert started.status == "active"
    await h.app.delivery.run_once()
    assert "Hello! Is this our new room?" in h.seen_in("dg-mentor")  # the gate cleared: released
    [welcome] = h.seen_in("dg-students")
    welcome_opening = "Welcome to your mentoring match! Mentor: Dana Whitfield. Student(s): Ana R., Cai L."
    assert welcome_opening in welcome
    assert "committed to each other until 02 November 2027" in welcome
    await h.say("n-cai", "dg-students", "Hi Dana! I like circuits too.")
    assert h.seen_in("dg-mentor")[-1] == "Hi Dana! I like circuits too."
    actions = audit_actions(engine, target="match:dana-group")
    assert actions[:1] == ["match.confirm"] and actions[-1] == "match.start"
    with Session(engine) as session:
        assert session.exec(select(Match).where(Match.key.in_(["sam-eli", "dana-cai"]))).first() is None


async def test_students_choose_only_while_the_round_is_open(year):
    h, core = year, year.app.core
    await core.open_round(
        PROGRAM, key="2026-fall", starts_on=START, actor="web:nora"
    )  # waits: meet-and-greets
    reply = await command(h, "n-ana", "ns-choose", "choose")
    assert "opens after the meet-and-greets" in reply
    await core.set_round_state(PROGRAM, "open", actor="web:nora")
    await h.app.delivery.run_once()
    assert "Choosing is open!" in h.seen_in("ns-choose")[-1]
    await core.set_round_state(PROGRAM, "closed", actor="web:nora")
    assert "Choosing is closed" in await command(h, "n-ana", "ns-choose", "choose")
    # the coordinator can still enter a paper form
    assert await core.record_choices(PROGRAM, "ana", ["dana"], actor="web:nora") == ["Dana Whitfield"]


async def test_a_form_is_taken_only_from_the_person_it_was_made_for(year):
    from bot.messages import FormSubmission

    h, core = year, year.app.core
    await core.check_bios(PROGRAM, actor="web:nora")
    await core.open_round(PROGRAM, key="2026-fall", starts_on=START, actor="web:nora", open_now=True)
    form = await command(h, "n-ana", "ns-choose", "choose")
    stolen = FormSubmission("console", "demo", "n-ben", form.form_id, {"rank1": ("raj",)})
    result = await core.submit_form(stolen)
    assert "not yours" in result.message
    assert choices_of(h.app.engine, "ana") == choices_of(h.app.engine, "ben") == []
    mine = FormSubmission("console", "demo", "n-ana", form.form_id, {"rank1": ("dana",), "rank2": ("raj",)})
    assert (await core.submit_form(mine)).message.startswith("Saved. Your choices — 1st: Dana Whitfield")
