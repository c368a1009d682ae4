"""Permission forms, training and clearance as records that gate messages, release them when the
record is filed, and remind the coordinator before they expire (issue 14, item 4). Runs on
SQLite and PostgreSQL: the gates read these records on every message."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from bot.year.settings import YearError
from storage.models import Alert, AuditEvent
from storage.models_year import ConsentForm

FORM = "WBL Travel and Media Consent Form"
BOTH = pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


@pytest.fixture
def engine(request):  # type: ignore[no-untyped-def]
    """SQLite, and PostgreSQL for the tests marked BOTH."""
    return request.getfixturevalue(
        "pg_engine" if getattr(request, "param", "") == "postgres" else "sqlite_engine"
    )


def consent(**changes):  # type: ignore[no-untyped-def]
    return {
        "form_type": FORM,
        "guardian": "Maria R.",
        "signed_on": date(2026, 9, 8),
        "expires_on": date(2027, 6, 30),
        "platforms": ["console"],
        "actor": "okafor",
    } | changes


@BOTH
async def test_a_form_that_does_not_cover_the_platform_holds_like_no_form_until_one_that_does(year) -> None:
    h = year.h
    said = await year.do("record_consent", "ana", **consent(platforms=["discord"]))
    assert "covers discord" in said
    await h.say("ana", "dana-ana-student", "Hi Dana, here is my circuit diagram")
    assert "Hi Dana, here is my circuit diagram" not in h.seen_in("dana-ana-mentor")
    assert "doesn't cover Console" in h.console.private["ana"][-1]
    [hold] = await year.core.open_holds("riverside-ptech")
    assert hold.rules == "consent.platform"

    said = await year.do("record_consent", "ana", **consent(platforms=["console", "discord"]))
    assert said.endswith("1 held message went out.")
    assert "Hi Dana, here is my circuit diagram" in h.seen_in("dana-ana-mentor")
    assert h.console.private["ana"][-1].startswith("Your message has now been delivered")
    assert await year.core.open_holds("riverside-ptech") == []
    with Session(h.app.engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions.count("consent.record") == 2
    assert actions[-2:] == ["review.gate_cleared", "review.released"]  # issue 12's release, same transaction


@BOTH
async def test_an_expired_form_holds_and_the_coordinator_is_reminded_once_before_and_once_after(year) -> None:
    h = year.h  # the clock reads Tue 13 Oct 2026
    await year.do("record_consent", "ana", **consent(expires_on=date(2026, 10, 30)))
    await year.tick()
    await year.tick()
    with Session(h.app.engine) as session:
        soon = [a.summary for a in session.exec(select(Alert).where(Alert.kind == "expiry"))]
    assert soon == [
        "Ana R.'s permission form (WBL Travel and Media Consent Form signed by Maria R. on "
        "08 Sep 2026, covering console) expires on 30 Oct 2026 (in 17 days): renew it in time, "
        "or their messages will be held like with no form."
    ]
    await h.say("ana", "dana-ana-student", "Still before the end of the month")
    assert "Still before the end of the month" in h.seen_in("dana-ana-mentor")

    h.clock.advance(days=18)  # Sat 31 Oct
    await h.say("ana", "dana-ana-student", "Is the form still fine?")
    assert "Is the form still fine?" not in h.seen_in("dana-ana-mentor")
    [hold] = await year.core.open_holds("riverside-ptech")
    assert hold.rules == "consent.expired"
    await year.tick()
    await year.tick()
    with Session(h.app.engine) as session:
        summaries = [a.summary for a in session.exec(select(Alert).where(Alert.kind == "expiry"))]
    assert len(summaries) == 2 and "expired on 30 Oct 2026" in summaries[1]
    assert "Ana R." in h.seen_in("coordinators")[-1]  # the reminder's card reached the review channel


@BOTH
async def test_required_training_gates_a_mentor_like_clearance_and_training_releases(year) -> None:
    h = year.h
    said = await year.do(
        "add_module",
        key="orientation",
        title="Mentor orientation",
        required=True,
        valid_days=None,
        actor="okafor",
    )
    assert "required" in said
    await h.say("dana", "dana-ana-mentor", "Hi Ana! Ready for this week?")
    assert "Hi Ana! Ready for this week?" not in h.seen_in("dana-ana-student")
    [hold] = await year.core.open_holds("riverside-ptech")
    assert hold.rules == "training.missing"
    assert "mentor training is complete" in h.console.private["dana"][-1]

    said = await year.do(
        "record_training", "dana", "orientation", completed_on=date(2026, 10, 12), actor="okafor"
    )
    assert said == "Dana Whitfield completed 'Mentor orientation' on 12 Oct 2026. 1 held message went out."
    assert "Hi Ana! Ready for this week?" in h.seen_in("dana-ana-student")


async def test_an_expired_clearance_holds_until_it_is_renewed(year) -> None:
    h = year.h
    await year.do(
        "record_clearance", "raj", cleared_on=date(2025, 8, 22), expires_on=date(2026, 8, 22), actor="okafor"
    )
    await h.say("raj", "raj-group-mentor", "Team, see you Thursday")
    assert "Team, see you Thursday" not in h.seen_in("raj-group-student")
    said = await year.do(
        "record_clearance", "raj", cleared_on=date(2026, 10, 1), expires_on=date(2027, 10, 1), actor="okafor"
    )
    assert said.endswith("1 held message went out.")
    assert "Team, see you Thursday" in h.seen_in("raj-group-student")


async def test_a_hold_with_a_policy_reason_too_is_left_for_the_coordinator(year) -> None:
    h = year.h
    await year.do("record_consent", "ana", **consent(platforms=["discord"]))
    await h.say("ana", "dana-ana-student", "it's our secret")  # the test policy holds "secret"
    said = await year.do("record_consent", "ana", **consent())
    assert "went out" not in said
    [hold] = await year.core.open_holds("riverside-ptech")
    assert "consent.platform" in hold.rules


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"platforms": []}, "say which platforms the form covers"),
        ({"platforms": ["myspace"]}, "unknown platform myspace"),
        ({"guardian": " "}, "name of the parent or guardian"),
        ({"expires_on": date(2026, 9, 1)}, "expires (2026-09-01) before it was signed"),
    ],
)
async def test_a_bad_form_is_refused_with_a_reason_and_nothing_is_written(year, changes, problem) -> None:
    with pytest.raises(YearError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        await year.do("record_consent", "ana", **consent(**changes))
    with pytest.raises(YearError, match="'dana' is a mentor, not a student"):
        await year.do("record_consent", "dana", **consent())
    with Session(year.h.app.engine) as session:
        assert session.exec(select(ConsentForm)).all() == []
