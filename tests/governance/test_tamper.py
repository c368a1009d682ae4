"""Every kind of tampering an insider with database access could try is caught, and an erasure
under a retention rule is not mistaken for one (SQLite and PostgreSQL).

Each tamper runs inside a transaction that is rolled back after ``verify`` has looked, so one
database with a realistic history serves every case.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from bot.governance import legal_holds
from storage import audit, chain, chain_format, erasure
from storage.chain_anchor import problem_with
from storage.chain_verify import verify_program
from storage.encryption import keyring_of
from storage.models import Alert, AuditEvent, ChainHead, MessageLog, ReviewItem
from storage.safe_text import escape

PROGRAM = "riverside-ptech"


@pytest.fixture
async def history(make_harness, engine, clock):  # type: ignore[no-untyped-def]
    """Messages, a rejected hold, an alert with a follow-up, a legal hold, an erasure, a kept head."""
    clock.now = datetime(2026, 10, 13, 15, 0, tzinfo=UTC)
    h = await make_harness()
    for n in range(4):
        await h.say("dana", "dana-ana-mentor", f"question {n} about circuits")
        await h.say("ana", "dana-ana-student", f"answer {n}")
    await h.say("ana", "dana-ana-student", "it's our secret")
    await h.say("ben", "raj-group-student", "sometimes I want to hurt myself")
    review_id = (await h.app.core.open_holds())[0].review_id
    coordinator = h.app.core.review.coordinator_for("console", "demo", "okafor")
    await h.app.core.decide(review_id, "reject", coordinator=coordinator, actor="okafor", note="not here")
    with Session(engine) as session:
        alert = session.exec(select(Alert)).one()
        alert.acknowledged_at, alert.acknowledged_by, alert.action_taken = clock(), "okafor", "called home"
        audit.record(
            session, program_id=PROGRAM, actor="okafor", action="alert.action", at=clock(), subject=alert
        )
        erased = [_id_of(session, "answer 0")]  # text is sealed at rest: found in Python
        erasure.erase(
            session,
            program_id=PROGRAM,
            rule="messages",
            actor="retention (test)",
            at=clock(),
            selection={"message_log": MessageLog.id.in_(erased)},
        )  # type: ignore[union-attr]
        session.commit()
    legal_holds.place(engine, PROGRAM, match_key="raj-group", reason="case 7", actor="okafor", now=clock())
    with Session(engine) as session:
        kept_head = chain.head(session, PROGRAM)
        assert verify_program(session, PROGRAM).breaks == []
    return kept_head


def _breaks(session: Session) -> list[str]:
    return [f"{b.stream}: {b.problem}" for b in verify_program(session, PROGRAM).breaks]


def _id_of(session: Session, message: str) -> int:
    """The id of the message_log row with this text (sealed at rest: compared after opening)."""
    rows = session.exec(select(MessageLog).where(MessageLog.program_id == PROGRAM))
    return next(row.id for row in rows if row.text == message)  # type: ignore[misc]


def _resolved(session: Session, sql: str) -> str:
    """A tamper's SQL with ``ID('text')`` as that message's id and ``SEAL('value')`` sealed with the
    database's key: the insider has the key too, so an edit is caught by the chain, not the cipher."""
    ring = keyring_of(session.get_bind())
    sql = re.sub(r"ID\('([^']*)'\)", lambda m: str(_id_of(session, m.group(1))), sql)
    return re.sub(r"SEAL\('([^']*)'\)", lambda m: f"'{ring.seal(escape(m.group(1)))}'", sql)


def _one(session: Session, sql: str) -> int:
    return session.execute(text(sql)).scalar_one()


def _rehash_from(session: Session, stream: str, model: type, first_seq: int) -> None:
    """What a careful insider does: recompute every hash from ``first_seq`` on, and the head."""
    rows = session.exec(
        select(model)
        .where(model.program_id == PROGRAM, model.seq >= first_seq)  # type: ignore[attr-defined]
        .order_by(model.seq)
    ).all()  # type: ignore[attr-defined]
    previous = session.exec(
        select(model.row_hash).where(
            model.program_id == PROGRAM,  # type: ignore[attr-defined]
            model.seq == first_seq - 1,
        )
    ).one()  # type: ignore[attr-defined]
    for row in rows:
        row.prev_hash = previous
        row.commitment = chain_format.commitment(row.content_salt, chain_format.content_of(stream, row))
        row.row_hash = previous = chain_format.row_hash(stream, row, row.commitment)
        session.add(row)
    head = session.get(ChainHead, (PROGRAM, stream))
    head.last_seq, head.last_hash = rows[-1].seq, previous  # type: ignore[union-attr]
    session.add(head)
    session.flush()


TAMPERS = {
    "edit content": (
        "UPDATE message_log SET text = SEAL('nothing to see') WHERE id = ID('question 2 about circuits')",
        "its content was altered",
    ),
    "write plaintext around mentorbot": (
        "UPDATE message_log SET text = 'nothing to see' WHERE id = ID('question 3 about circuits')",
        "its sealed text does not open",
    ),
    "edit a decision": (
        "UPDATE message_log SET decision = 'allow' WHERE decision = 'hold'",
        "its columns or id were altered",
    ),
    "delete a row": (
        "DELETE FROM delivery WHERE message_id = ID('answer 3');"
        "DELETE FROM message_log WHERE id = ID('answer 3')",
        None,
    ),
    "truncate the tail": (
        "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
        "the newest 1 row(s) were removed",
    ),
    "remove content without a tombstone": (
        "UPDATE message_log SET text = SEAL(''), content_salt = NULL WHERE id = ID('answer 1')",
        "removed without a tombstone",
    ),
    "fake a tombstone": (
        "UPDATE message_log SET text = SEAL(''), content_salt = NULL, erased_by = "
        "(SELECT id FROM audit_event WHERE action = 'data.erase') WHERE id = ID('answer 2')",
        "are not the rows it erased",
    ),
    "put back erased content": (
        "UPDATE message_log SET text = SEAL('answer 0') WHERE erased_by IS NOT NULL",
        "still holds content",
    ),
    "change a review outcome": (
        "UPDATE reviewitem SET state = 'approved' WHERE state = 'rejected'",
        "reviewitem: was changed outside mentorbot",
    ),
    "change an alert follow-up": (
        "UPDATE alert SET action_taken = SEAL('nothing needed')",
        "alert: was changed outside mentorbot",
    ),
    "release a legal hold behind the log": (
        "UPDATE legal_hold SET released_at = placed_at",
        "legal_hold: was changed outside mentorbot",
    ),
    "delete a legal hold": ("DELETE FROM legal_hold", "legal_hold: was deleted"),
    "alter an erasure record": (
        "UPDATE audit_event SET detail_json = SEAL('{}') WHERE action = 'data.erase'",
        "its content was altered",
    ),
}


async def test_every_tamper_kind_is_caught_and_an_erasure_is_not_one(history, engine):
    kept_head = history
    with Session(engine) as session:
        report = verify_program(session, PROGRAM)
        assert report.breaks == [] and [e.rule for e in report.erasures] == ["messages"]
        assert report.erasures[0].rows == {"delivery": 1, "message_log": 1}  # the message and its copy
    for kind, (sql, expected) in TAMPERS.items():
        with Session(engine) as session:
            for statement in sql.split(";"):
                session.execute(text(_resolved(session, statement)))
            found = _breaks(session)
            assert found, f"{kind}: not detected"
            if expected is None:  # a gap: the row after it reports the missing seq
                assert any("is missing" in line or "does not link" in line for line in found), (kind, found)
            else:
                assert any(expected in line for line in found), (kind, found)
            session.rollback()
    with Session(engine) as session:
        assert _breaks(session) == [] and problem_with(session, kept_head) is None


async def test_swapped_ids_and_a_forged_insert_are_caught(history, engine):
    with Session(engine) as session:
        first, second = session.exec(select(AuditEvent.id).order_by(AuditEvent.seq).limit(2)).all()
        for old, new in ((first, -1), (second, first), (-1, second)):
            session.execute(text(f"UPDATE audit_event SET id = {new} WHERE id = {old}"))
        assert sum("columns or id were altered" in line for line in _breaks(session)) == 2
        session.rollback()
    with Session(engine) as session:  # a forged row with a valid hash, appended without the head
        last = session.exec(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()  # type: ignore[attr-defined]
        forged = AuditEvent(
            program_id=PROGRAM,
            seq=last.seq + 1,
            actor="okafor",
            action="review.approved",
            at=last.at,
            prev_hash=last.row_hash,
            row_hash="",
        )
        forged.id = _one(session, "SELECT max(id) FROM audit_event") + 1
        chain.seal(forged, "audit")
        session.add(forged)
        session.flush()
        assert any("added after the recorded head" in line for line in _breaks(session))
        session.rollback()


async def test_a_rewritten_chain_passes_inside_but_not_against_a_kept_head(history, engine, tmp_path):
    kept_head = history
    head_file = tmp_path / "heads.log"
    head_file.write_text(f"2026-10-13T15:00:00+00:00 {kept_head}\n")
    with Session(engine) as session:  # the insider edits a message and recomputes everything after it
        row = session.get_one(MessageLog, _id_of(session, "question 1 about circuits"))
        row.text = "question 1 about the weather"
        session.add(row)
        _rehash_from(session, "message", MessageLog, row.seq)
        assert _breaks(session) == []  # every internal check passes...
        problem = problem_with(session, kept_head)
        assert problem and "rewritten" in problem  # ...but the head the coordinator kept does not
        from bot.governance.anchoring import check_head_file

        assert check_head_file(session, head_file, PROGRAM)[1]
        session.rollback()
    with Session(engine) as session:  # truncating the tail AND its head is caught the same way
        newest = _one(session, "SELECT max(seq) FROM message_log")
        newest_row = f"SELECT id FROM message_log WHERE seq = {newest}"
        for table in ("delivery", "reviewitem", "alert"):
            session.execute(text(f"DELETE FROM {table} WHERE message_id IN ({newest_row})"))
        session.execute(text(f"DELETE FROM message_log WHERE seq = {newest}"))
        before = session.exec(select(MessageLog.row_hash).where(MessageLog.seq == newest - 1)).one()
        session.execute(
            text(
                f"UPDATE chainhead SET last_seq = {newest - 1}, last_hash = '{before}' "
                "WHERE stream = 'message'"
            )
        )
        assert not any("message" in line and "removed" in line for line in _breaks(session))
        assert "rows were removed" in (problem_with(session, kept_head) or "")
        session.rollback()


async def test_a_review_outcome_changed_through_the_orm_is_caught(history, engine):
    with Session(engine) as session:
        item = session.exec(select(ReviewItem)).one()
        item.note = "approved after all"
        session.add(item)
        session.flush()
        assert any("reviewitem: was changed outside mentorbot" in line for line in _breaks(session))
        session.rollback()
