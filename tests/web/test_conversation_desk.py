"""The conversation score at the desk: the glance page shows each match's score per direction and
puts the risky match first; a pattern alert lists the messages that added up (linked, quoted) with
"Pause this match" and "Mark reviewed: not a concern"; the flagged list; the match page's history.

The mentor's four weeks come from the scripted arc (tests/support/arc_policy.py), up to the day
after the pattern fired.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select
from web.conftest import OTHER_PROGRAM, Desk

from bot.web import create_web_app
from storage.models import Alert, AuditEvent, Match
from storage.models_conversation import ConversationScore, ConversationSignal
from support.arc_policy import ARC, ArcPolicy
from support.roster_helpers import import_roster

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
MENTOR = "dana-ana-mentor"


@pytest.fixture
async def desk(make_harness, engine, tmp_path):  # type: ignore[no-untyped-def]
    harness = await make_harness(policy=ArcPolicy())
    import_roster(engine, OTHER_PROGRAM)
    harness.app.settings.data_dir = tmp_path
    start = harness.clock.now
    for day, text, _ in ARC:
        if day > 17:
            break
        harness.clock.now = start + timedelta(days=day)
        await harness.say("dana", MENTOR, text)
    harness.clock.advance(days=1)
    return Desk(harness, create_web_app(harness.app.core))


def pattern_alert(engine) -> Alert:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(Alert).where(Alert.kind == "pattern")).one()


async def test_glance_shows_the_score_per_direction_and_the_risky_match_first(desk, engine) -> None:  # type: ignore[no-untyped-def]
    await desk.h.say("ben", "raj-group-student", "you looked really great in the team photo")  # a student's
    client = await desk.signed_in("okafor")
    page = (await client.get("/")).text
    rows = page.split("<tbody>")[1].split("</tr>")
    assert "dana-ana" in rows[0] and "mentor→student 1." in rows[0] and "pattern: held" in rows[0]
    [ben] = [r for r in rows if "raj-group" in r]
    assert "student→mentor 0.1" in ben and "mentor→student" not in ben  # scored, never against Raj
    calm = [r for r in rows if "software-team" in r or "ivy-ana" in r]
    assert calm and all("—</td>" in r for r in calm)
    nav = page.split("</nav>")[0]
    assert ">Flagged" in nav and 'class="badge">5<' in nav  # five delivered weak signals not yet looked at


async def test_the_pattern_alert_lists_its_messages_and_is_reviewed_with_a_reason(desk, engine) -> None:  # type: ignore[no-untyped-def]
    alert = pattern_alert(engine)
    client = await desk.signed_in("okafor")
    page = (await client.get("/alerts")).text
    card = page.split(f'id="alert-{alert.id}"')[1].split("</article>")[0]
    with Session(engine) as session:
        listed = session.exec(select(ConversationSignal).where(ConversationSignal.alert_id == alert.id)).all()
    assert len(listed) == 6
    for signal in listed:
        assert f'href="/matches/dana-ana#m{signal.message_id}"' in card
    assert "“you looked really great in the team photo”" in card
    assert "Held by this pattern (2)" in card and "your parents wouldn&#39;t really get it" in card
    assert "Pause this match" in card and "Mark reviewed: not a concern" in card

    csrf = desk.csrf_of(page)
    empty = await client.post(f"/alerts/{alert.id}/reviewed", data={"csrf": csrf, "reason": " "})
    assert empty.status_code == 400
    reason = "Spoke with both: the gift is the program hoodie."
    done = await client.post(f"/alerts/{alert.id}/reviewed", data={"csrf": csrf, "reason": reason})
    assert done.status_code == 303 and "not+a+concern" in done.headers["location"].replace("%20", "+")
    await desk.h.app.delivery.run_once()
    assert "your parents wouldn't really get it" in desk.h.seen_in("dana-ana-student")
    with Session(engine) as session:
        state = session.exec(select(ConversationScore).where(ConversationScore.direction == "mentor")).one()
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "conversation.reviewed")).one()
    assert not state.held and state.score == 0
    assert event.actor == "web:okafor" and "hoodie" in event.detail_json
    after = (await client.get("/alerts")).text.split(f'id="alert-{alert.id}"')[1].split("</article>")[0]
    assert "Mark reviewed" not in after and "Not a concern (pattern reviewed)" in after


async def test_pause_from_the_alert_on_the_desk(desk, engine) -> None:  # type: ignore[no-untyped-def]
    alert = pattern_alert(engine)
    client = await desk.signed_in("okafor")
    csrf = desk.csrf_of((await client.get("/alerts")).text)
    response = await client.post(f"/alerts/{alert.id}/pause", data={"csrf": csrf, "reason": "calling both"})
    assert response.status_code == 303 and "paused" in response.headers["location"]
    with Session(engine) as session:
        assert session.exec(select(Match).where(Match.key == "dana-ana")).one().status == "paused"
        pause = session.exec(select(AuditEvent).where(AuditEvent.action == "match.pause")).one()
    assert f"pattern alert #{alert.id}: calling both" in pause.detail_json
    card = (await client.get("/alerts")).text.split(f'id="alert-{alert.id}"')[1].split("</article>")[0]
    assert "Pause this match" not in card and "The match is paused" in card


async def test_another_programs_coordinator_cannot_touch_the_pattern(desk, engine) -> None:  # type: ignore[no-untyped-def]
    alert = pattern_alert(engine)
    client = await desk.signed_in("quinn")
    csrf = desk.csrf_of((await client.get("/")).text)
    for action in ("reviewed", "pause"):
        response = await client.post(f"/alerts/{alert.id}/{action}", data={"csrf": csrf, "reason": "x"})
        assert response.status_code == 404
    assert "dana-ana" not in (await client.get("/flagged")).text
    with Session(engine) as session:
        assert session.exec(select(ConversationScore)).one().held


async def test_flagged_list_and_the_match_history(desk, engine) -> None:  # type: ignore[no-untyped-def]
    client = await desk.signed_in("okafor")
    page = (await client.get("/flagged")).text
    assert page.count('name="signal"') == 5  # the delivered weak signals; the held ones are in review
    assert "grooming.attention_weak" in page and "weak signal: delivered, flagged" in page
    assert "you looked really great in the team photo" in page
    await client.post("/flagged/seen", data={"csrf": desk.csrf_of(page), "signal": ["1", "2"]})
    page = (await client.get("/flagged")).text
    assert page.count('name="signal"') == 3
    assert (await client.get("/flagged?all=1")).text.count("(web:okafor)") == 2
    with Session(engine) as session:
        seen = session.exec(select(AuditEvent).where(AuditEvent.action == "flagged.seen")).one()
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "flagged.view")).all()
    assert seen.rows == 2

    history = (await client.get("/matches/dana-ana")).text.split('id="score"')[1].split("</section>")[0]
    assert "mentor→student" in history and "messages are held" in history
    assert history.count("<tr>") == 1 + 7  # header + the seven weak signals, newest first
    assert "in pattern #" in history and "flagged" in history
