"""Whom an audit event concerns (storage/audit_concerns.py), on the sample program: Ana with Dana
one-to-one, Ben, Cai and Dev in Raj's group. Pages that list ids, legal holds, erasures and held
messages each reach the right student, and only them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from bot.governance import legal_holds
from bot.governance.access_request import answer
from storage import audit, erasure
from storage.access_repo import student_record
from storage.audit_actions import UndeclaredAuditAction
from storage.audit_concerns import Concerns
from storage.chain_verify import verify_program
from storage.models import Alert, AuditEvent, MessageLog, Person

PROGRAM = "riverside-ptech"
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # plain reads; SQLite suffices


@pytest.fixture
async def sample(make_harness, clock):  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 10, 13, 15, 0, tzinfo=UTC)
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana! Circuits this week?")
    await h.say("ana", "dana-ana-student", "Yes please")
    await h.say("ben", "raj-group-student", "Do nurses work nights? I might hurt myself on nights")
    await h.say("cai", "raj-group-student", "my brother is a nurse")
    return h


def _ids(session: Session) -> dict[str, int]:
    return {p.key: p.id for p in session.exec(select(Person).where(Person.program_id == PROGRAM))}  # type: ignore[misc]


def _message(session: Session, text: str) -> int:
    return next(m.id for m in session.exec(select(MessageLog)) if m.text == text)  # type: ignore[misc]


async def test_pages_listing_ids_holds_and_erasures_reach_exactly_their_students(sample, engine, clock):
    with Session(engine) as session:
        to_ana, by_cai = (
            _message(session, "Hi Ana! Circuits this week?"),
            _message(session, "my brother is a nurse"),
        )
        alert = session.exec(select(Alert)).one()  # Ben's disclosure
        for action, detail in (
            ("flagged.view", {"messages": [to_ana]}),
            ("flagged.seen", {"messages": [by_cai]}),
            ("alerts.view", {"alerts": [alert.id]}),
        ):
            audit.record(
                session,
                program_id=PROGRAM,
                actor="web:okafor",
                action=action,
                at=clock(),
                target=f"program:{PROGRAM}",
                detail=detail,
            )
        erasure.erase(
            session,
            program_id=PROGRAM,
            rule="messages",
            actor="retention (test)",
            at=clock(),
            selection={"message_log": MessageLog.id == by_cai},
        )  # type: ignore[arg-type]
        session.commit()
    legal_holds.place(engine, PROGRAM, person_key="ben", reason="case 7", actor="okafor", now=clock())
    with Session(engine) as session:
        ids, concerns = _ids(session), Concerns(session, PROGRAM)
        people = {row.action: concern.people for row, concern in concerns.events()}
        record = {k: student_record(session, PROGRAM, session.get(Person, ids[k])) for k in ("ana", "cai")}
        assert verify_program(session, PROGRAM).breaks == []  # resolution only reads the chain
    assert ids["ana"] in people["flagged.view"] and ids["ben"] not in people["flagged.view"]
    assert people["flagged.seen"] == {ids["cai"]}  # a student's own message: not the group's
    assert ids["ben"] in people["alerts.view"] and ids["cai"] not in people["alerts.view"]
    assert people["legal_hold.place"] == {ids["ben"]}
    ana = {e["action"] for e in record["ana"]["access_log"]}
    cai = {e["action"] for e in record["cai"]["access_log"]}
    assert "flagged.view" in ana and "flagged.seen" not in ana and "alerts.view" not in ana
    assert {"flagged.seen", "data.erase"} <= cai and "legal_hold.place" not in cai  # her tombstone names it


async def test_an_undeclared_action_is_refused_before_it_is_written(sample, engine, clock):
    with Session(engine) as session:
        before = len(session.exec(select(AuditEvent)).all())
        with pytest.raises(UndeclaredAuditAction, match="not declared"):
            audit.record(
                session,
                program_id=PROGRAM,
                actor="okafor",
                action="profile.peek",
                at=clock(),
                target="person:ana",
            )
        with pytest.raises(UndeclaredAuditAction, match="target kinds"):
            audit.record(
                session,
                program_id=PROGRAM,
                actor="okafor",
                action="profile.view",
                at=clock(),
                target="profile:ana",
            )
        session.rollback()
        assert len(session.exec(select(AuditEvent)).all()) == before


async def test_outside_tests_an_undeclared_action_is_recorded(sample, engine, clock, monkeypatch, caplog):
    """Production: a registry omission must not undo the coordinator's action it audits."""
    monkeypatch.delenv("MENTORBOT_AUDIT_STRICT")
    with Session(engine) as session:
        audit.record(session, program_id=PROGRAM, actor="okafor", action="profile.peek", at=clock(),
                     target="person:ana")
        session.commit()
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "profile.peek")).one()
    assert "'profile.peek'" in caplog.text and "not declared" in caplog.text


async def test_a_group_event_is_listed_without_its_detail(sample, engine, clock, tmp_path):
    from bot.transcript import read_transcript

    read_transcript(engine, "raj-group", actor="okafor", clock=clock)
    with Session(engine) as session:
        audit.record(
            session,
            program_id=PROGRAM,
            actor="okafor",
            action="match.pause",
            at=clock(),
            target="match:raj-group",
            detail={"reason": "Cai's parents asked for a break"},
        )
        session.commit()
    out = tmp_path / "ben.zip"
    answer(
        engine,
        PROGRAM,
        "ben",
        requester="Maria T.",
        relationship="parent",
        actor="okafor",
        path=out,
        now=clock(),
    )
    import json
    import zipfile

    with zipfile.ZipFile(out) as z:
        record = json.loads(z.read("record.json"))
    pause = next(e for e in record["access_log"] if e["action"] == "match.pause")
    assert pause["detail_withheld"] and "Cai" not in json.dumps(record)
