"""The platform-neutral /mentorbot verbs, driven through the core gateway as an adapter would."""

from __future__ import annotations

from sqlmodel import Session, select

from bot.messages import CommandRequest
from storage.models import Alert, AuditEvent, SupervisedChannel


def ask(h, user: str, channel: str, text: str):  # type: ignore[no-untyped-def]
    return h.app.core.run_command(CommandRequest(channel=h.console.ref(channel), user_id=user, user_name=user,
                                            text=text))


async def test_help_lists_coordinator_verbs_only_for_coordinators(make_harness):
    h = await make_harness()
    student_help = await ask(h, "ana", "dana-ana-student", "help")
    coordinator_help = await ask(h, "okafor", "coordinators", "help")
    assert "concern" in student_help and "link" not in student_help
    assert "link <match-id> mentor|student" in coordinator_help


async def test_status_names_the_match_and_the_coordinator(make_harness):
    h = await make_harness()
    reply = await ask(h, "ana", "dana-ana-student", "status")
    assert "dana-ana" in reply and "Dana Whitfield" in reply and "Grace Okafor" in reply


async def test_concern_alerts_the_coordinator_privately_and_at_once(make_harness, engine):
    h = await make_harness()
    reply = await ask(h, "ben", "raj-group-student", "concern someone keeps asking for my address")
    assert "told privately" in reply
    await h.app.delivery.run_once()
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
    assert alert.kind == "concern" and alert.urgent and "my address" in alert.summary
    assert h.seen_in("raj-group-mentor") == []  # a concern is never relayed to the match
    urgent = [card for card, _ in h.console.review_cards.values() if card.urgent]
    assert len(urgent) == 1


async def test_only_coordinators_link_and_a_link_checks_who_can_read_the_channel(make_harness, engine):
    h = await make_harness()
    denied = await ask(h, "dana", "new-student-room", "link dana-ana student")
    assert denied.startswith("Only coordinators")
    h.console.readers[h.console.ref("new-student-room")] = ["ana", "dana", "okafor"]
    reply = await ask(h, "okafor", "new-student-room", "link dana-ana student")
    assert "student-side supervised channel of match dana-ana" in reply
    await h.app.delivery.run_once()
    with Session(engine) as session:
        channel = session.exec(select(SupervisedChannel).where(
            SupervisedChannel.channel == "new-student-room")).one()
        alerts = list(session.exec(select(Alert)))
        audit = [e.action for e in session.exec(select(AuditEvent))]
    assert channel.side == "student" and channel.linked_by == "okafor"
    assert [a.kind for a in alerts] == ["unsafe_setup"] and "Dana Whitfield (mentor)" in alerts[0].summary
    assert "channel.link" in audit
    # Relays now reach the newly linked channel too.
    await h.say("dana", "dana-ana-mentor", "Welcome to the new room!")
    assert h.seen_in("new-student-room") == ["Welcome to the new room!"]
    assert "stopped relaying" in await ask(h, "okafor", "new-student-room", "unlink")


async def test_daily_check_does_not_nag_about_the_same_problem(make_harness, engine):
    h = await make_harness()
    h.console.readers[h.console.ref("dana-ana-student")] = ["ana", "dana"]
    await h.app.core.check_all_channels()
    await h.app.core.check_all_channels()
    with Session(engine) as session:
        summaries = [a.summary for a in session.exec(select(Alert)) if "dana-ana-student" in a.summary]
    assert len(summaries) == 2  # an adult in the student side; the coordinator cannot see the channel
    assert any("cannot see" in s for s in summaries) and any("Dana Whitfield" in s for s in summaries)


async def test_holds_and_transcript_answer_privately_and_audit_the_read(make_harness, engine):
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "keep this a secret")
    holds = await ask(h, "okafor", "coordinators", "holds")
    assert "#1 dana-ana: Dana Whitfield" in holds
    transcript = await ask(h, "okafor", "coordinators", "transcript dana-ana")
    assert "keep this a secret" in transcript and "hold" in transcript
    with Session(engine) as session:
        read = session.exec(select(AuditEvent).where(AuditEvent.action == "transcript.read")).one()
    assert read.actor == "okafor" and read.rows == 1
    assert "Only coordinators" in await ask(h, "ana", "dana-ana-student", "transcript dana-ana")


async def test_unknown_people_and_verbs_get_a_helpful_answer(make_harness):
    h = await make_harness()
    assert "ask your program coordinator" in await ask(h, "U999", "somewhere", "status")
    assert "I don't know `dance`" in await ask(h, "ana", "dana-ana-student", "dance")
