"""A school year of conversations, then the program's retention schedule: the dry run reports what
goes and changes nothing, the apply erases exactly that and leaves tombstones the chain verifies,
and a legal hold keeps its match whole (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlmodel import Session

from bot.governance import legal_holds, retention
from bot.transcript import ERASED, read_transcript
from storage import repo
from storage.chain_verify import verify_program
from storage.models import AuditEvent, Delivery, Identity, MessageLog, Person, ReviewItem
from storage.search import SearchFilters, search_messages
from support.governance_helpers import SCHEDULE, program_file, school_year
from support.roster_helpers import import_roster

PROGRAM = "riverside-ptech"


def _match_rows(session: Session, key: str, *, erased: bool | None = None) -> int:
    match = repo.match_by_key(session, key, PROGRAM)
    query = select(func.count()).select_from(MessageLog).where(MessageLog.match_id == match.id)  # type: ignore[union-attr]
    if erased is not None:
        query = query.where(MessageLog.erased_by.is_not(None) if erased else MessageLog.erased_by.is_(None))  # type: ignore[union-attr]
    return session.execute(query).scalar_one()


def _rule(plan: retention.ProgramPlan, name: str) -> retention.RulePlan:
    return next(r for r in plan.rules if r.rule.name == name)


def _count(plan: retention.RulePlan, table: str) -> retention.TableCount:
    return next(t for t in plan.tables if t.table == table)


async def test_a_year_of_data_retention_dry_run_apply_and_tombstones(make_harness, engine, clock, tmp_path):
    # Over 60 lines by design: one story, September to April, each step checked where it happens.
    clock.now = datetime(2026, 9, 16, 15, 0, tzinfo=UTC)
    h = await make_harness(roster=program_file(tmp_path, retention=SCHEDULE))
    read_transcript(engine, "raj-group", actor="okafor", clock=clock)  # an access-log entry in September
    written = await school_year(h, 20)
    assert written == 120
    import_roster(
        engine,
        program_file(
            tmp_path,
            retention=SCHEDULE,
            name="ended.yml",
            ended={"raj-group": date(2027, 1, 29), "software-team": date(2027, 1, 29)},
        ),
    )
    hold = legal_holds.place(
        engine, PROGRAM, match_key="software-team", reason="subpoena 2027-14", actor="okafor", now=clock()
    )

    clock.now = datetime(2027, 3, 31, 12, 0, tzinfo=UTC)  # 61 days after the two matches ended
    plan = retention.plan_all(engine, clock())[0]
    messages = _rule(plan, "messages")
    with Session(engine) as session:
        raj_rows, team_rows = _match_rows(session, "raj-group"), _match_rows(session, "software-team")
        deliveries_before = session.execute(
            select(func.count()).select_from(Delivery).where(Delivery.erased_by.is_not(None))
        ).scalar_one()  # type: ignore[union-attr]
    assert plan.holds == [f"#{hold.id} (match)"]
    assert _count(messages, "message_log").rows == raj_rows == 40
    assert _count(messages, "message_log").held_back == team_rows == 40  # the hold keeps software-team
    assert _count(messages, "reviewitem").follows and _count(messages, "reviewitem").rows == 4  # the secrets
    assert _count(_rule(plan, "access_log"), "audit_event").rows >= 1  # September's transcript read
    with Session(engine) as session:  # the dry run changed nothing
        assert _match_rows(session, "raj-group", erased=True) == 0
        assert (
            session.execute(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "data.erase")
            ).scalar_one()
            == 0
        )
        assert deliveries_before == 0

    plans, _ = retention.apply_all(engine, actor="retention (test)", now=clock())
    assert _rule(plans[0], "messages").erased["message_log"] == 40
    with Session(engine) as session:
        assert _match_rows(session, "raj-group", erased=True) == 40
        assert _match_rows(session, "software-team", erased=True) == 0  # held
        assert _match_rows(session, "dana-ana", erased=True) == 0  # its match has not ended
        texts = set(session.scalars(select(MessageLog.text).where(MessageLog.erased_by.is_not(None))))  # type: ignore[union-attr]
        assert texts == {""}
        raj_held = session.scalars(select(ReviewItem).where(ReviewItem.erased_by.is_not(None))).all()  # type: ignore[union-attr]
        assert len(raj_held) == 4 and all(r.note is None and r.decided_by is None for r in raj_held)
        # outbox copies older than 7 days are blanked, except the held match's
        copies = session.execute(
            select(Delivery.text, MessageLog.match_id)
            .join(MessageLog, MessageLog.id == Delivery.message_id)
            .where(Delivery.kind == "relay")
        ).all()
        team = repo.match_by_key(session, "software-team", PROGRAM).id  # type: ignore[union-attr]
        assert copies and {text for text, match in copies if match != team} == {""}
        assert "" not in {text for text, match in copies if match == team}
        # the erased words are gone from the search index too
        hits = search_messages(session, PROGRAM, SearchFilters(text="ben"))
        assert not [hit for hit in hits if hit.match_key == "raj-group"]
        report = verify_program(session, PROGRAM)
        assert report.breaks == []
        rules = {e.rule: e for e in report.erasures}
        assert rules["messages"].rows["message_log"] == 40 and rules["messages"].actor == "retention (test)"
        assert f"{rules['messages'].at:%Y-%m-%d}" == "2027-03-31"
        read = session.scalars(select(AuditEvent).where(AuditEvent.action == "transcript.read")).one()
        assert read.erased_by is not None and read.actor == ""  # the access log aged after 180 days
        kept = session.scalars(select(AuditEvent.action).where(AuditEvent.erased_by.is_(None))).all()  # type: ignore[union-attr]
        assert "legal_hold.place" in kept and "data.erase" in kept  # the proof is never aged

    _, lines = read_transcript(engine, "raj-group", actor="okafor", clock=clock)
    assert {line.text for line in lines} == {ERASED} and {line.sender for line in lines} == {"(erased)"}
    again = retention.apply_all(engine, actor="retention (test)", now=clock())[0][0]
    assert _rule(again, "messages").rows == 0  # nothing left to erase: the run is idempotent

    clock.now = datetime(2027, 4, 15, 12, 0, tzinfo=UTC)  # people: 75 days after their matches ended
    retention.apply_all(engine, actor="retention (test)", now=clock())
    with Session(engine) as session:
        assert repo.person_by_key(session, PROGRAM, "cai") is None  # erased: the roster key went too
        erased = session.scalars(select(Person).where(Person.erased_by.is_not(None))).all()  # type: ignore[union-attr]
        assert {p.display_name for p in erased} == {"(erased)"}
        assert sorted(p.key for p in erased) == sorted(f"erased-person-{p.id}" for p in erased)
        assert len(erased) == 4  # raj, ben, cai, dev; software-team's people are held with their match
        assert (
            session.scalars(select(Identity).where(Identity.person_id.in_([p.id for p in erased]))).all()
            == []
        )
        assert repo.person_by_key(session, PROGRAM, "eli") is not None
        assert verify_program(session, PROGRAM).breaks == []


async def test_a_hold_on_a_person_keeps_their_conversations(make_harness, engine, clock, tmp_path):
    clock.now = datetime(2026, 9, 16, 15, 0, tzinfo=UTC)
    h = await make_harness(
        roster=program_file(tmp_path, retention={"messages": {"keep_days": 0, "after": "written"}})
    )
    await school_year(h, 2)
    legal_holds.place(
        engine, PROGRAM, person_key="ana", reason="safeguarding review", actor="okafor", now=clock()
    )
    clock.advance(days=3)
    retention.apply_all(engine, actor="retention (test)", now=clock())
    with Session(engine) as session:
        assert _match_rows(session, "dana-ana", erased=True) == 0  # ana's conversation is held
        assert _match_rows(session, "raj-group", erased=False) == 0  # everything else went
        assert verify_program(session, PROGRAM).breaks == []
    released = legal_holds.list_holds(engine, PROGRAM)[0]
    legal_holds.release(engine, PROGRAM, released.id, reason="review closed", actor="okafor", now=clock())
    retention.apply_all(engine, actor="retention (test)", now=clock())
    with Session(engine) as session:
        assert _match_rows(session, "dana-ana", erased=False) == 0
        report = verify_program(session, PROGRAM)
        assert report.breaks == [] and len(report.erasures) == 2
