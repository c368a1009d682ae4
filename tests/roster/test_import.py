"""Importing the sample roster, and re-importing edited files: updates in place, keeps history."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from bot.roster.importer import RosterError
from storage.clock import utcnow
from storage.models import Identity, Match, MatchMember, MessageLog, Person, Program, SupervisedChannel
from support.roster_helpers import import_roster, load_roster, snapshot, write

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml"


def _count(session: Session, table: type) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_sample_roster_imports_cleanly(engine) -> None:
    summary = import_roster(engine, SAMPLE)
    assert str(summary.counts["people"]) == "17 created"
    assert str(summary.counts["matches"]) == "5 created"
    with Session(engine) as s:
        assert s.get(Program, "riverside-ptech").timezone == "America/New_York"
        roles = {p.key: p.role for p in s.exec(select(Person))}
        assert sorted(roles.values()).count("student") == 9 and sorted(roles.values()).count("mentor") == 5
        models = {m.key: (m.model, m.status) for m in s.exec(select(Match))}
        assert models["dana-ana"] == ("one-to-one", "active") and models["software-team"][0] == "team"
        assert {status for _, status in models.values()} >= {"active", "proposed", "paused"}
        # the console demo posts as people by their roster id
        dana = s.exec(select(Person).where(Person.key == "dana")).one()
        ident = s.exec(select(Identity).where(Identity.person_id == dana.id)).one()
        assert (ident.platform, ident.workspace, ident.user_id) == ("console", "demo", "dana")
        assert all(p.email is None or p.email.endswith("@example.org") for p in s.exec(select(Person)))


def test_same_file_twice_changes_nothing(engine) -> None:
    import_roster(engine, SAMPLE)
    before = snapshot(engine)
    summary = import_roster(engine, SAMPLE)
    assert not summary.changed
    assert snapshot(engine) == before


def _edited(tmp_path: Path) -> Path:
    text = SAMPLE.read_text()
    text = text.replace("name: Dana Whitfield", "name: Dana Whitfield-Cole")  # a rename
    text = text.replace("students: [ben, cai, dev]", "students: [ben, cai, dev, joy]")  # a new student
    text = text.replace("students: [eli, fay, gus]", "students: [eli, fay]")  # gus leaves the team
    joy = "  - {id: joy, name: Joy Q., role: student, grade: 9, consent: 2026-10-02}\n"
    text = text.replace("matches:\n", joy + "matches:\n")
    active = "    model: one-to-one\n    status: active\n    started: 2026-09-15"
    assert active in text
    text = text.replace(active, active.replace("active", "paused"))  # dana-ana pauses
    kim_hal_mentor = "      - {side: mentor, platform: console, workspace: demo, channel: kim-hal-mentor}\n"
    text = text.replace(kim_hal_mentor, "")
    start = text.index("  - id: ivy-ana")
    end = text.index("  - id: kim-hal")
    text = text[:start] + text[end:]  # the peer match is dropped from the file
    return write(tmp_path, text, "edited.yml")


def test_reimport_updates_in_place_and_keeps_history(engine, tmp_path: Path) -> None:
    import_roster(engine, SAMPLE)
    with Session(engine) as s, s.begin():
        match = s.exec(select(Match).where(Match.key == "dana-ana")).one()
        dana = s.exec(select(Person).where(Person.key == "dana")).one()
        channel = s.exec(select(SupervisedChannel)
                         .where(SupervisedChannel.channel == "dana-ana-mentor")).one()
        s.add(MessageLog(program_id="riverside-ptech", seq=1, kind="message", match_id=match.id,
                         channel_id=channel.id, platform="console", workspace="demo",
                         channel="dana-ana-mentor", platform_message_id="m1",
                         sender_person_id=dana.id, sender_platform_id="dana",
                         sender_name="Dana Whitfield", text="Welcome, Ana!", sent_at=utcnow(),
                         received_at=utcnow(), decision="allow", prev_hash="", row_hash="h1"))
    with Session(engine) as s:
        ids_before = {(p.key, p.id) for p in s.exec(select(Person))}
        log_before = [m.model_dump() for m in s.exec(select(MessageLog))]

    summary = import_roster(engine, _edited(tmp_path))

    assert str(summary.counts["people"]) == "1 created, 1 updated, 16 unchanged"
    assert summary.counts["members"].created == 1 and summary.counts["members"].removed == 1
    assert summary.counts["channels"].removed == 1
    assert any("ivy-ana" in note and "kept" in note for note in summary.notes)
    with Session(engine) as s:
        people = {p.key: p for p in s.exec(select(Person))}
        assert len(people) == 18 and _count(s, Person) == 18  # no duplicates
        assert people["dana"].display_name == "Dana Whitfield-Cole"
        assert {(k, people[k].id) for k, _ in ids_before} == ids_before  # same rows, same ids
        matches = {m.key: m for m in s.exec(select(Match))}
        assert len(matches) == 5 and matches["dana-ana"].status == "paused"
        assert matches["ivy-ana"].status == "paused"  # not in the file: left as it was, not deleted
        team = s.exec(select(MatchMember).where(MatchMember.match_id == matches["software-team"].id)).all()
        assert people["gus"].id not in {m.person_id for m in team}
        group = s.exec(select(MatchMember).where(MatchMember.match_id == matches["raj-group"].id)).all()
        assert people["joy"].id in {m.person_id for m in group}
        kim_hal = s.exec(select(SupervisedChannel).where(SupervisedChannel.channel == "kim-hal-mentor")).one()
        assert kim_hal.active is False  # switched off, not removed
        assert [m.model_dump() for m in s.exec(select(MessageLog))] == log_before
        assert _count(s, Identity) == 17  # joy has no account yet


def test_account_of_another_program_is_refused(engine, tmp_path: Path) -> None:
    import_roster(engine, SAMPLE)
    before = snapshot(engine)
    text = (
        "program: {id: other-school, name: Other School}\n"
        "people:\n"
        "  - {id: boss, name: B. Oss, role: coordinator}\n"
        "  - id: dana2\n"
        "    name: D. Two\n"
        "    role: mentor\n"
        "    accounts: [{platform: console, workspace: demo, user: dana}]\n"
    )
    with pytest.raises(RosterError) as caught:
        import_roster(engine, write(tmp_path, text, "other.yml"))
    assert [str(p) for p in caught.value.problems] == [
        "line 7: the console account 'dana' already belongs to 'dana' of program 'riverside-ptech'; "
        "one account, one person"
    ]
    assert snapshot(engine) == before


def test_load_roster_touches_no_database(tmp_path: Path) -> None:
    roster = load_roster(SAMPLE)
    assert roster.program.id == "riverside-ptech"
    assert {m.id for m in roster.matches} == {"dana-ana", "raj-group", "software-team", "ivy-ana", "kim-hal"}
    assert roster.person("dev").consent_received.isoformat() == "2026-09-10"  # the short consent form
    assert not list(tmp_path.iterdir())
