"""The conversation score through the real relay (console adapter, real database): a mentor's weak
signals add up over weeks to a pattern alert, the mentor's next messages are held, the coordinator
pauses or reviews, the score decays, a student's messages never count against the mentor, the
state survives a restart, and each program's ``conversation:`` settings are respected.

The policy here is scripted (``support.arc_policy``) so the arc does not hinge on the encoder's
tuning; one test runs the shipped rules.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.review.patterns import PatternError
from policies.conversation import ConversationSettings
from storage.models import Alert, AuditEvent, Match, MessageLog, Person
from storage.models_conversation import ConversationScore, ConversationSignal
from support.arc_policy import ARC, WEAK, ArcPolicy

MENTOR, STUDENT = "dana-ana-mentor", "dana-ana-student"


def person(engine, key: str) -> Person:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(Person).where(Person.key == key)).one()


def pattern_alerts(engine) -> list[Alert]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(Alert).where(Alert.kind == "pattern").order_by(Alert.id)))


def match_status(engine, key: str = "dana-ana") -> str:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.exec(select(Match).where(Match.key == key)).one().status


async def run_arc(h, until_day: int | None = None) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The mentor writes the arc day by day; returns the log row id of each text."""
    start, ids = h.clock.now, {}
    for day, text, _ in ARC:
        if until_day is not None and day > until_day:
            break
        h.clock.now = start + timedelta(days=day)
        await h.say("dana", MENTOR, text)
        with Session(h.app.core.engine) as session:
            ids[text] = session.exec(select(MessageLog.id).order_by(MessageLog.id.desc())).first()  # type: ignore[union-attr]
    return ids


async def test_four_week_arc_raises_a_pattern_alert_before_the_fourth_week(make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    start = h.clock.now
    ids = await run_arc(h)
    [alert] = pattern_alerts(engine)
    assert alert.created_at - start < timedelta(days=21), "before the arc's fourth week"
    assert alert.urgent and alert.match_id is not None
    with Session(engine) as session:
        listed = session.exec(select(ConversationSignal.message_id)
                              .where(ConversationSignal.alert_id == alert.id)).all()
        fired_on = session.get(MessageLog, alert.message_id)
    # The alert lists the messages that added up: weak signals only, never the career talk.
    texts = {v: k for k, v in ids.items()}
    assert len(listed) >= 3 and all(WEAK.get(texts[m]) for m in listed)
    assert texts[alert.message_id] == fired_on.text and alert.message_id in listed
    assert "add up to a risk score" in alert.summary and '"' not in alert.summary  # e-mailed: no quotes
    # Every message before it was delivered (no single message crossed the bar); flagged ones listed.
    delivered = h.seen_in(STUDENT)
    before = [t for _, t, _ in ARC if ids[t] < alert.message_id]
    assert delivered[:len(before)] == before
    # The message that made it add up, and every later one from the mentor, waits for the coordinator.
    later = [t for _, t, _ in ARC if ids[t] >= alert.message_id]
    assert later and not set(later) & set(delivered)
    open_holds = h.app.core.review.open_holds()
    assert {x.text for x in open_holds} == set(later)
    assert all("conversation.pattern" in x.rules for x in open_holds)
    # The alert card reached the coordinators' channel with a Pause button.
    cards = [c for c, _ in h.console.review_cards.values() if c.alert_id == alert.id]
    assert cards and cards[0].actions == ("pause_match",) and "add up" in cards[0].text
    assert '1. Wed 14 Oct: "you looked really great in the team photo"' in cards[0].text
    assert cards[0].text.count('"') == 2 * len(listed)  # each listed message quoted once
    # The mentor was told only that the message waits; the student is told nothing.
    assert any("waiting for a quick look" in n for n in h.console.private.get("dana", []))
    assert "ana" not in h.console.private


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_pausing_from_the_alert_pauses_the_match(make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    await run_arc(h, until_day=17)
    [alert] = pattern_alerts(engine)
    okafor = person(engine, "okafor")
    match = await h.app.core.pause_from_alert(alert.id, coordinator=okafor, actor="okafor")
    assert match.status == "paused" == match_status(engine)
    await h.app.delivery.run_once()
    assert any("paused" in t for t in h.seen_in(STUDENT))  # both sides told, as any pause
    with Session(engine) as session:
        alert = session.get(Alert, alert.id)
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert alert.acknowledged_at is not None and "Paused match dana-ana" in alert.action_taken
    assert "match.pause" in actions and "alert.action" in actions
    # A second press explains instead of failing.
    from bot.roster.pausing import MatchError

    with pytest.raises(MatchError):
        await h.app.core.pause_from_alert(alert.id, coordinator=okafor, actor="okafor")


async def test_marking_the_pattern_reviewed_clears_the_score_and_releases_the_pattern_holds(
        make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    await run_arc(h, until_day=17)
    [alert] = pattern_alerts(engine)
    held = {x.text for x in h.app.core.review.open_holds()}
    assert held
    okafor, dana = person(engine, "okafor"), person(engine, "dana")
    with pytest.raises(PatternError, match="say why"):
        await h.app.core.review_pattern(alert.id, coordinator=okafor, actor="okafor", reason="  ")
    with pytest.raises(PatternError, match="only a coordinator"):
        await h.app.core.review_pattern(alert.id, coordinator=dana, actor="dana", reason="fine")
    await h.app.core.review_pattern(alert.id, coordinator=okafor, actor="okafor",
                                    reason="Talked to both; the gift is the program's hoodie.")
    await h.app.delivery.run_once()
    assert held <= set(h.seen_in(STUDENT))  # what only the pattern held is delivered now
    assert h.app.core.review.open_holds() == []
    with Session(engine) as session:
        state = session.exec(select(ConversationScore).where(ConversationScore.person_id == dana.id)).one()
        audit = session.exec(select(AuditEvent).where(AuditEvent.action == "conversation.reviewed")).one()
        alert = session.get(Alert, alert.id)
    assert (state.held, state.score, state.alert_id) == (False, 0.0, None)
    assert "hoodie" in audit.detail_json and "Not a concern" in alert.action_taken
    # The next message goes straight through; reviewing twice explains itself.
    await h.say("dana", MENTOR, "See you at the career fair!")
    assert h.seen_in(STUDENT)[-1] == "See you at the career fair!"
    with pytest.raises(PatternError, match="already reviewed"):
        await h.app.core.review_pattern(alert.id, coordinator=okafor, actor="okafor", reason="again")


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_score_decays_over_quiet_weeks(make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    await run_arc(h, until_day=12)  # four weak signals, not yet a pattern
    assert pattern_alerts(engine) == []
    # Three quiet weeks, then the same moves again: the old ones have faded, no pattern.
    h.clock.advance(days=21)
    for text in ("you looked really great in the team photo", "are your parents around much after school?"):
        await h.say("dana", MENTOR, text)
        h.clock.advance(days=2)
    assert pattern_alerts(engine) == []
    assert h.app.core.review.open_holds() == []
    with Session(engine) as session:
        state = session.exec(select(ConversationScore).where(ConversationScore.direction == "mentor")).one()
    assert state.score < 1.0  # 0.75 fresh + what is left of the first four after 3 weeks


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_a_students_messages_never_raise_a_pattern_against_the_mentor(make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    for _, text, weight in ARC:
        if weight:
            await h.say("ana", STUDENT, text)
            await h.say("dana", MENTOR, "Thanks for telling me.")
    assert pattern_alerts(engine) == [] and h.app.core.review.open_holds() == []
    assert "Thanks for telling me." in h.seen_in(STUDENT)
    with Session(engine) as session:
        states = {s.direction: s for s in session.exec(select(ConversationScore))}
        flagged = session.exec(select(ConversationSignal).where(ConversationSignal.flagged)).all()
    assert set(states) == {"student"} and not states["student"].held  # scored, shown, never held
    assert flagged == []  # only a mentor's delivered weak signals are flagged


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_pattern_hold_survives_a_restart(make_harness, engine):
    h = await make_harness(policy=ArcPolicy())
    await run_arc(h, until_day=17)
    assert len(pattern_alerts(engine)) == 1
    again = await make_harness(policy=ArcPolicy())  # a new core, relay and adapter: nothing in memory
    again.console._ids = itertools.count(1000)  # the console numbers its messages afresh; Slack would not
    again.clock.advance(days=1)
    await again.say("dana", MENTOR, "Did you see the job fair list?")
    assert "Did you see the job fair list?" not in again.seen_in(STUDENT)
    [item] = [x for x in again.app.core.review.open_holds() if x.text == "Did you see the job fair list?"]
    assert item.rules == "conversation.pattern"
    assert len(pattern_alerts(engine)) == 1  # held under the same alert, not a new one


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_a_program_can_move_the_bar(make_harness, engine):
    strict = await make_harness(policy=ArcPolicy(ConversationSettings(alert_at=0.6, min_messages=2)))
    await run_arc(strict, until_day=4)
    [alert] = pattern_alerts(engine)  # two signals were enough for this program
    assert "alert at 0.6" in alert.summary


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_a_program_can_turn_the_score_off(make_harness, engine):
    off = await make_harness(policy=ArcPolicy(ConversationSettings(on=False)))
    await run_arc(off)
    assert pattern_alerts(engine) == [] and off.app.core.review.open_holds() == []
    assert off.seen_in(STUDENT) == [t for _, t, _ in ARC]
    with Session(engine) as session:  # nothing read or written for it
        assert session.exec(select(ConversationScore)).all() == []
        assert session.exec(select(ConversationSignal)).all() == []


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_weekly_digest_counts_the_flagged_messages(make_harness, engine):
    from bot.prompts.digest import build_digest, render

    h = await make_harness(policy=ArcPolicy())
    await run_arc(h, until_day=4)  # Tue–Sat of one week: two weak signals, delivered and flagged
    digest = build_digest(engine, "riverside-ptech", h.clock.now)
    lines = {m.key: m for m in digest.matches}
    assert (lines["dana-ana"].flagged, lines["raj-group"].flagged) == (2, 0)
    assert any(a.startswith("dana-ana: 2 message(s) from a mentor flagged") for a in digest.attention)
    assert "flagged" in render(digest).splitlines()[3]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_shipped_rules_and_a_program_file_drive_the_score(make_harness, engine, tmp_path):
    """The real engine (rules layer, the program's YAML): three compliments on looks from a mentor
    in two days are each delivered and flagged; at this program's bar of 1.2 they add up."""
    from policies import load_policy

    program_file = tmp_path / "policy.yml"
    program_file.write_text("encoder: {on: false}\nconversation:\n  alert_at: 1.2\n", encoding="utf-8")
    h = await make_harness(policy=load_policy(program_file))
    compliments = ["you looked really great at the science fair", "you look great in that hoodie",
                   "you looked amazing in the yearbook photo"]
    for text in compliments:
        await h.say("ana", STUDENT, text)  # the same words from the student carry no signal
    for text in compliments:
        await h.say("dana", MENTOR, text)
        h.clock.advance(hours=20)
    await h.say("dana", MENTOR, "See you Thursday!")
    assert h.seen_in(STUDENT) == compliments[:2]  # the third made it add up; the next one waits too
    [alert] = pattern_alerts(engine)
    assert "alert at 1.2" in alert.summary
    [card] = [c for c, _ in h.console.review_cards.values() if c.alert_id == alert.id]
    assert card.text.count("grooming.attention_weak (0.50)") == 3
    assert {x.text for x in h.app.core.review.open_holds()} == {compliments[2], "See you Thursday!"}
    with Session(engine) as session:
        directions = {s.direction for s in session.exec(select(ConversationScore))}
    assert directions == {"mentor"}
