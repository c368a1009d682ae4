"""The personal free text of the program year, e-mail and legal holds is sealed at rest like the
message log (issues 12, 14 and 15 merged with encryption at rest): a copy of the SQLite file shows
none of it, the app reads it back, `keys rotate` moves it (profile's key is person_id, not id), and
the upgrade (enc_0002) seals rows written before it."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session, select

from bot.keys import begin_rotation
from storage import rotation
from storage.db import upgrade
from storage.encryption import attach_keyring
from storage.keyring import KeyRing
from storage.models import Person
from storage.models_choosing import Profile
from storage.models_governance import LegalHold
from storage.models_mail import MailMessage
from storage.models_year import ConsentForm, Reflection
from support.roster_helpers import import_roster

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"
PROGRAM = "riverside-ptech"
NOW = datetime(2026, 10, 14, 15, 0, tzinfo=UTC)
SECRETS = ["Zephyrquill", "Okonkwo-Abara", "Marlowhaven", "subpoena-27-114", "lena.guardian@example.org"]


def _write_records(engine: Engine) -> int:
    import_roster(engine, SAMPLE)
    with Session(engine) as session:
        ana = session.exec(select(Person).where(Person.key == "ana")).one()
        assert ana.id is not None
        session.add(Profile(person_id=ana.id, program_id=PROGRAM, bio_text="I build Zephyrquill drones",
                            hobbies_json='["Zephyrquill racing"]', updated_at=NOW))
        session.add(ConsentForm(program_id=PROGRAM, person_id=ana.id, form_type="WBL consent",
                                guardian_name="Grace Okonkwo-Abara", signed_on=date(2026, 9, 1),
                                platforms="discord,slack", recorded_by="okafor", recorded_at=NOW,
                                note_text="signed at Marlowhaven open night"))
        session.add(Reflection(program_id=PROGRAM, person_id=ana.id, source="written", submitted_at=NOW,
                               reflection_text="Zephyrquill taught me CAD"))
        session.add(LegalHold(program_id=PROGRAM, scope="person", person_id=ana.id, reason="subpoena-27-114",
                              placed_by="okafor", placed_at=NOW))
        session.add(MailMessage(key="alert:1:x", program_id=PROGRAM, purpose="alert",
                                to_address="lena.guardian@example.org", to_name="Okafor",
                                subject="Alert about Ana", body="Ana mentioned Zephyrquill",
                                next_attempt_at=NOW, created_at=NOW))
        session.commit()
        return ana.id


def _raw(engine: Engine) -> bytes:
    database = Path(engine.url.database or "")
    files = [Path(f"{database}{suffix}") for suffix in ("", "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


def _read_back(engine: Engine, ana: int) -> None:
    with Session(engine) as session:
        assert session.get(Profile, ana).bio_text == "I build Zephyrquill drones"  # type: ignore[union-attr]
        form = session.exec(select(ConsentForm)).one()
        assert form.guardian_name == "Grace Okonkwo-Abara"
        assert form.note_text == "signed at Marlowhaven open night"
        assert session.exec(select(Reflection)).one().reflection_text == "Zephyrquill taught me CAD"
        assert session.exec(select(LegalHold)).one().reason == "subpoena-27-114"
        mail = session.exec(select(MailMessage)).one()
        assert (mail.to_address, mail.body) == ("lena.guardian@example.org", "Ana mentioned Zephyrquill")


def test_year_mail_and_hold_text_is_sealed_and_rotates(sqlite_engine: Engine, tmp_path: Path) -> None:
    key_file = tmp_path / "keys"
    shutil.copy(os.environ["ENCRYPTION_KEY_FILE"], key_file)  # this test's own ring, same first key
    ring = KeyRing.from_file(key_file)
    attach_keyring(sqlite_engine, ring)
    ana = _write_records(sqlite_engine)
    raw = _raw(sqlite_engine)
    for secret in SECRETS:
        assert secret.encode() not in raw, f"{secret!r} is readable in the raw database"
    _read_back(sqlite_engine, ana)

    old, new = ring.current_id, begin_rotation(ring)
    result = rotation.rotate(sqlite_engine, batch=2)
    assert result.remaining == 0 and result.retired == [old]
    assert result.moved["profile"] >= 1 and result.moved["consent_form"] == 1  # (the roster has profiles too)
    assert set(rotation.rows_per_key(sqlite_engine)) == {new}
    _read_back(sqlite_engine, ana)


def test_the_upgrade_seals_year_records_written_before_it(sqlite_engine: Engine) -> None:
    ana = _write_records(sqlite_engine)
    ring = KeyRing.from_file(Path(os.environ["ENCRYPTION_KEY_FILE"]))
    with sqlite_engine.begin() as conn:  # back to plaintext, as the code before enc_0002 stored it
        # (some columns of these rows stay sealed: the upgrade must leave those as they are)
        plain = [("profile", "person_id", "bio_text"), ("legal_hold", "id", "reason"),
                 ("reflection", "id", "question_text"), ("reflection", "id", "reflection_text"),
                 ("consent_form", "id", "guardian_name"), ("mail_message", "id", "body")]
        for table, key, column in plain:
            for row_id, value in conn.execute(text(f"SELECT {key}, {column} FROM {table}")).all():
                conn.execute(text(f"UPDATE {table} SET {column} = :v WHERE {key} = :id"),
                             {"v": None if value is None else ring.open(value), "id": row_id})
        conn.execute(text("ALTER TABLE program DROP COLUMN emergency_line"))  # i12r_0002, after enc_0002
        conn.execute(text("UPDATE alembic_version SET version_num = 'enc_0001' "
                          "WHERE version_num = 'i12r_0002'"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('gov_0002')"))
    assert b"Zephyrquill" in _raw(sqlite_engine)
    assert upgrade(sqlite_engine)
    with sqlite_engine.connect() as conn:
        query = text("SELECT bio_text FROM profile WHERE person_id = :p")
        stored = conn.execute(query, {"p": ana}).scalar_one()
    assert stored.startswith("e1.")
    assert b"Zephyrquill" not in _raw(sqlite_engine)
    _read_back(sqlite_engine, ana)
