"""End of contract: export everything (an archive that verifies on its own), destroy (refused under a
legal hold), a certificate of destruction; and an access request answered as one logged export."""

from __future__ import annotations

import json
import stat
import zipfile
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from bot.governance import legal_holds
from bot.governance.access_request import answer
from bot.governance.archive import ExportExists
from bot.governance.destroy import DestroyError, destroy_program
from bot.governance.program_export import export_program
from bot.governance.verify_export import verify_export
from storage import export_repo, governance
from storage.models import AuditEvent
from storage.models_governance import DestructionRecord

PROGRAM = "riverside-ptech"


@pytest.fixture
async def program(make_harness, clock):  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 10, 13, 15, 0, tzinfo=UTC)
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana! Circuits this week?")
    await h.say("ana", "dana-ana-student", "Yes, and it's our secret that I like them")
    await h.say("raj", "raj-group-mentor", "Ben, Cai, Dev: nursing shifts today")
    await h.say("ben", "raj-group-student", "Do nurses work nights? I might hurt myself on nights")
    await h.say("cai", "raj-group-student", "my brother is a nurse")
    return h


def _private(path) -> bool:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_export_then_destroy_with_a_certificate(program, engine, clock, tmp_path):
    archive = tmp_path / "riverside-export.zip"
    summary = export_program(engine, PROGRAM, archive, actor="okafor", now=clock())
    assert _private(archive) and summary.chain_intact
    with pytest.raises(ExportExists):  # an export is never overwritten
        export_program(engine, PROGRAM, archive, actor="okafor", now=clock())
    check = verify_export(archive, expect=summary.head)
    assert check.problems == [] and check.report.breaks == []  # type: ignore[union-attr]
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        assert {
            "transcripts/dana-ana.txt",
            "transcripts/dana-ana.pdf",
            "chain/HEAD.txt",
            "tables/message_log.jsonl",
            "MANIFEST.json",
        } <= names
        assert "it's our secret" in z.read("transcripts/dana-ana.txt").decode()
        assert z.read("transcripts/dana-ana.pdf").startswith(b"%PDF")
        assert summary.head in z.read("chain/HEAD.txt").decode()
        tables = {n.split("/")[1].removesuffix(".jsonl") for n in names if n.startswith("tables/")}
    assert tables == {d.name for d in export_repo.program_tables()}  # every declared table is exported

    tampered = tmp_path / "tampered.zip"  # a message changed in the archive is caught
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/message_log.jsonl":
                data = data.replace(b"Circuits this week", b"Weather this week")
            dst.writestr(item, data)
    bad = verify_export(tampered)
    assert any("MANIFEST" in p for p in bad.problems)
    assert any("content was altered" in b.problem for b in bad.report.breaks)  # type: ignore[union-attr]

    hold = legal_holds.place(
        engine, PROGRAM, match_key="raj-group", reason="subpoena", actor="okafor", now=clock()
    )
    certificate = tmp_path / "certificate.json"
    with pytest.raises(DestroyError, match="under legal hold"):
        destroy_program(
            engine,
            PROGRAM,
            actor="Grace Okafor",
            now=clock(),
            certificate=certificate,
            reason="end of contract",
            database="test",
        )
    assert not certificate.exists()
    legal_holds.release(engine, PROGRAM, hold.id, reason="case closed", actor="okafor", now=clock())

    cert = destroy_program(
        engine,
        PROGRAM,
        actor="Grace Okafor, coordinator",
        now=clock(),
        certificate=certificate,
        reason="end of contract 2026-27",
        database="test",
    )
    assert _private(cert.json_path) and _private(cert.text_path)
    data = json.loads(certificate.read_text())
    assert data["destroyed_by"] == "Grace Okafor, coordinator" and data["chain_verified"] is True
    assert data["last_export"]["sha256"] == summary.sha256 and data["last_export"]["messages_after"] == 0
    assert "logged after that export" not in cert.text_path.read_text()
    assert data["final_chain_head"].startswith(f"{PROGRAM}@m5.")
    assert data["rows_deleted"]["message_log"] == 5
    assert "CERTIFICATE OF DESTRUCTION" in cert.text_path.read_text()
    with Session(engine) as session:
        for declared in export_repo.program_tables():
            left = session.execute(
                select(func.count())
                .select_from(declared.table)
                .where(governance.scope_clause(declared, PROGRAM))
            ).scalar_one()
            assert left == 0, f"{declared.name} still holds {left} rows of the destroyed program"
        record = session.scalars(select(DestructionRecord)).one()
        assert record.certificate_sha256 == cert.sha256 and record.final_head == data["final_chain_head"]


async def test_the_certificate_says_when_the_last_export_lacks_later_messages(
    program, engine, clock, tmp_path
):
    """The school keeps the export as its copy: a conversation that went on after it is not in it,
    and the certificate must say so rather than quote the export as if it were the whole record."""
    export_program(engine, PROGRAM, tmp_path / "early.zip", actor="okafor", now=clock())
    await program.say("dana", "dana-ana-mentor", "One more thing before the summer")
    cert = destroy_program(engine, PROGRAM, actor="Grace Okafor", now=clock(),
                           certificate=tmp_path / "c.json", reason="end of contract", database="test")
    data = json.loads((tmp_path / "c.json").read_text())
    assert data["last_export"]["messages_after"] == 1
    assert "1 message(s) were logged after that export and are not in it" in cert.text_path.read_text()


async def test_an_access_request_gives_the_students_record_and_is_logged(program, engine, clock, tmp_path):
    from bot.transcript import read_transcript

    read_transcript(engine, "raj-group", actor="okafor", clock=clock)
    out = tmp_path / "ben-record.zip"
    result = answer(
        engine,
        PROGRAM,
        "ben",
        requester="Maria T.",
        relationship="parent",
        actor="okafor",
        path=out,
        now=clock(),
    )
    assert _private(out)
    with zipfile.ZipFile(out) as z:
        record = json.loads(z.read("record.json"))
        printable = z.read("record.txt").decode()
    assert [m["text"] for m in record["messages_they_wrote"]] == [
        "Do nurses work nights? I might hurt myself on nights"
    ]
    assert [m["sender_name"] for m in record["messages_to_them"]] == ["Raj Patel"]
    assert record["messages_by_other_students_withheld"] == 1 == result.withheld  # Cai's message
    assert "my brother" not in json.dumps(record)
    assert len(record["alerts"]) == 1 and record["person"][0]["display_name"] == "Ben T."
    assert any(e["action"] == "transcript.read" and e["actor"] == "okafor" for e in record["access_log"])
    assert "Requested by Maria T. (parent)" in printable and "hurt myself" in printable
    with Session(engine) as session:
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "access_request.export")).one()
        assert (
            logged.subject.startswith("person:") and json.loads(logged.detail_json)["requester"] == "Maria T."
        )  # type: ignore[union-attr]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # a backup here is a copy of the file
async def test_a_restored_older_backup_is_destroyed_again_and_aged(make_harness, engine, clock, tmp_path):
    from bot.governance.after_restore import reapply_after_restore
    from storage.db import make_engine, sqlite_url

    clock.now = datetime(2026, 10, 13, 15, 0, tzinfo=UTC)
    h = await make_harness()
    await h.say("dana", "dana-ana-mentor", "Hi Ana!")
    backup = tmp_path / "backup.db"
    engine.dispose()
    import shutil

    shutil.copy(engine.url.database, backup)  # type: ignore[arg-type]  # a backup from before
    heads = tmp_path / "heads.log"
    destroy_program(
        engine,
        PROGRAM,
        actor="Grace Okafor",
        now=clock(),
        certificate=None,
        reason="end of contract",
        database="test",
        head_file=heads,
    )
    assert "# destroyed riverside-ptech" in heads.read_text()
    restored = make_engine(sqlite_url(backup))
    done = reapply_after_restore(restored, head_file=heads, now=clock())
    assert done.destroyed_again == [PROGRAM]
    with Session(restored) as session:
        record = session.scalars(select(DestructionRecord)).one()
        assert "the restored backup was older" in record.certificate_json
        assert session.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == 0
    restored.dispose()
