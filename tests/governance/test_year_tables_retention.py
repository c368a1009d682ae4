"""The program year's records (issue 14) and coordinators' e-mail (issue 12) under the retention
schedule: a person's profile and forms go with the person (every match ended `keep_days` ago),
a reflection goes with the conversation, records of people still matched stay, and the chain
verifies the tombstones (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlmodel import Session

from bot.governance import retention
from storage import repo
from storage.chain_verify import verify_program
from storage.models import AuditEvent
from storage.models_choosing import Profile
from storage.models_year import ConsentForm, Reflection
from support.governance_helpers import SCHEDULE, program_file
from support.roster_helpers import import_roster

PROGRAM = "riverside-ptech"
SEPT = datetime(2026, 9, 20, 15, 0, tzinfo=UTC)


def _person(session: Session, key: str) -> int:
    person = repo.person_by_key(session, PROGRAM, key)
    assert person is not None and person.id is not None
    return person.id


def _records(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """A consent form for ben (raj-group, which ends) and eli (software-team, still on); ana's
    reflection in dana-ana (which ends)."""
    with Session(engine) as session:
        ids = {key: _person(session, key) for key in ("ben", "eli", "ana", "raj", "lee")}
        for key in ("ben", "eli"):
            session.add(ConsentForm(program_id=PROGRAM, person_id=ids[key], form_type="WBL consent",
                                    guardian_name=f"Guardian of {key}", signed_on=date(2026, 9, 1),
                                    platforms="console", recorded_by="reyes", recorded_at=SEPT))
        dana_ana = repo.match_by_key(session, "dana-ana", PROGRAM)
        assert dana_ana is not None
        session.add(Reflection(program_id=PROGRAM, person_id=ids["ana"], match_id=dana_ana.id,
                               question_text="What did you learn?", reflection_text="How a grid stays up",
                               source="written", submitted_at=SEPT))
        session.commit()
    return ids


def test_year_records_go_with_their_person_and_their_conversation(engine, tmp_path):
    import_roster(engine, program_file(tmp_path, retention=SCHEDULE), now=SEPT)
    ids = _records(engine)
    ended = {"raj-group": date(2027, 1, 29), "dana-ana": date(2027, 1, 29), "ivy-ana": date(2027, 1, 29)}
    import_roster(engine, program_file(tmp_path, retention=SCHEDULE, name="ended.yml", ended=ended),
                  now=datetime(2027, 1, 30, 12, 0, tzinfo=UTC))

    now = datetime(2027, 4, 30, 12, 0, tzinfo=UTC)  # 91 days after: past messages (30) and people (75)
    plan = retention.plan_all(engine, now)[0]
    people = next(r for r in plan.rules if r.rule.name == "people")
    counted = {t.table: t.rows for t in people.tables}
    assert counted["consent_form"] == 1 and counted["profile"] == 2  # ben's form; raj's and dana's profiles
    retention.apply_program(engine, PROGRAM, actor="retention (test)", now=now)

    with Session(engine) as session:
        raj, lee = session.get(Profile, ids["raj"]), session.get(Profile, ids["lee"])
        assert raj is not None and lee is not None
        assert raj.bio_text == "" and raj.interests_json == "[]" and raj.erased_by is not None
        assert lee.bio_text and lee.erased_by is None  # software-team goes on
        forms = session.execute(select(ConsentForm.person_id, ConsentForm.guardian_name)).all()
        assert forms == [(ids["eli"], "Guardian of eli")]  # ben's form is gone, eli's stays
        reflection = session.execute(select(Reflection)).scalar_one()
        assert reflection.reflection_text == "" and reflection.question_text is None
        assert reflection.erased_by is not None
        erasures = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "data.erase")
        ).scalar_one()
        assert erasures >= 2  # one chained event per rule that erased something
        report = verify_program(session, PROGRAM)
        assert report.breaks == []


def test_a_program_with_an_escalation_contact_and_year_records_is_destroyed(engine, tmp_path):
    """program.escalate_to_id points back at a person (issue 12): destruction still deletes
    every row, children first, the program's year records included."""
    import yaml

    from bot.governance.destroy import destroy_program
    from storage import export_repo, governance

    path = program_file(tmp_path, retention=SCHEDULE)
    data = yaml.safe_load(path.read_text())
    data["program"]["escalate_to"] = "bell"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    import_roster(engine, path, now=SEPT)
    _records(engine)
    destroy_program(engine, PROGRAM, actor="Grace Okafor", now=datetime(2027, 7, 1, tzinfo=UTC),
                    certificate=tmp_path / "certificate.json", reason="end of contract", database="test")
    with Session(engine) as session:
        for declared in export_repo.program_tables():
            left = session.execute(select(func.count()).select_from(declared.table).where(
                governance.scope_clause(declared, PROGRAM))).scalar_one()
            assert left == 0, declared.name
