"""Item 6's everyday edits survive a re-import of an older roster file.

``mentorbot run`` imports PROGRAM_FILE at every start, and a coordinator re-imports the file to add
one student: neither may undo what was done on the desk, in chat or at the command line since the
file was last changed (a replaced mentor back with a minor, an ended match reopened, a clearance
wiped). A file edited after those changes still wins.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.matching.choices import Offer
from bot.messages import CommandRequest
from storage import choosing_repo, repo
from storage.models_handover import Departure
from support.roster_helpers import import_roster
from support.year_helpers import PROGRAM, YEAR_ROSTER


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Both databases: the import reads the audit trail by time (time zones differ in storage)."""
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")


def _state(engine):  # type: ignore[no-untyped-def]
    """sam-fay's status, members and mentor-side channels in use, and Kim's clearance."""
    with Session(engine) as session:
        match = repo.match_by_key(session, "sam-fay", PROGRAM)
        members = sorted((p.key, r) for p, r in repo.members(session, match.id))
        mentor_side = sorted(c.channel for c in repo.match_channels(session, match.id) if c.side == "mentor")
        kim = repo.person_by_key(session, PROGRAM, "kim")
        return match.status, members, mentor_side, kim.cleared_on


async def _coordinator(h, channel: str, text: str) -> str:  # type: ignore[no-untyped-def]
    return await h.app.core.run_command(
        CommandRequest(channel=h.console.ref(channel), user_id="nora", user_name="nora", text=text))


def _set_mtime(path: Path, moment) -> None:  # type: ignore[no-untyped-def]
    os.utime(path, (moment.timestamp(), moment.timestamp()))


async def test_an_older_file_keeps_the_hand_over_the_end_and_a_clearance(year, engine, tmp_path):
    h, core = year, year.app.core
    roster = tmp_path / "roster.yml"
    shutil.copy(YEAR_ROSTER, roster)
    _set_mtime(roster, h.clock.now - timedelta(days=1))  # the file as it was before the edits below
    h.console.readers[h.console.ref("sam-fay-mentor")] = ["n-sam", "nora"]
    await core.run_command(CommandRequest(channel=h.console.ref("sam-fay-mentor"), user_id="n-sam",
                                          user_name="sam", text="leave 2026-12-18 a new job"))
    with Session(engine) as session:
        notice = session.exec(select(Departure)).one()
    await core.replace_mentor(PROGRAM, notice.id, "dana", actor="web:nora")
    assert "mentor-side supervised channel" in await _coordinator(h, "dana-fay", "link sam-fay mentor")
    assert "stopped relaying" in await _coordinator(h, "sam-fay-mentor", "unlink")  # Sam still reads it
    await core.year_do(core.year.record_clearance, PROGRAM, "kim", cleared_on=date(2026, 10, 1),
                       expires_on=None, actor="cli:nora")
    await core.year_do(core.year.record_consent, PROGRAM, "dev",
                       form_type="WBL Travel and Media Consent Form", guardian="Rita K.",
                       signed_on=date(2026, 10, 2), expires_on=None, platforms=["console"], actor="cli:nora")
    h.clock.advance(hours=1)
    await core.year_do(core.year.end_match, PROGRAM, "sam-fay", reason="the year is over", actor="web:nora")
    edited = ("ended", [("dana", "mentor"), ("fay", "student")], ["dana-fay"], date(2026, 10, 1))
    assert _state(engine) == edited

    summary = import_roster(engine, roster)  # a restart with PROGRAM_FILE, or a re-import for one student
    assert _state(engine) == edited  # nothing undone: no reopened match, no departed mentor back
    notes = " ".join(summary.notes)
    assert "match 'sam-fay'" in notes and "kept ended" in notes and "kept its members" in notes
    assert "kim: kept the clearance" in notes and "dev: kept the consent" in notes
    with Session(engine) as session:  # what `match start` and the roster's rules read
        assert repo.person_by_key(session, PROGRAM, "dev").consent_received == date(2026, 10, 2)
    assert "'dana-fay' (console) was linked" in notes
    assert "'sam-fay-mentor' (console) of match 'sam-fay' was unlinked" in notes
    assert import_roster(engine, roster).notes == summary.notes  # the same on every restart

    _set_mtime(roster, h.clock.now + timedelta(hours=1))  # the coordinator edits the file afterwards
    import_roster(engine, roster)
    assert _state(engine) == ("active", [("fay", "student"), ("sam", "mentor")], ["sam-fay-mentor"], None)


async def test_an_older_file_keeps_a_mentors_offer_and_a_bio_edited_on_the_desk(year, engine, tmp_path):
    h, core = year, year.app.core
    roster = tmp_path / "roster.yml"
    shutil.copy(YEAR_ROSTER, roster)
    _set_mtime(roster, h.clock.now - timedelta(days=1))
    await core.record_offer(PROGRAM, "dana", Offer(capacity=1, models=("one-to-one",)), actor="n-dana",
                            via="slack")
    await core.save_profile(PROGRAM, "raj", {"bio": "Nurse manager; ask me about night shifts."},
                            actor="web:nora")

    def profiles() -> tuple[int | None, str, str]:
        with Session(engine) as session:
            dana, raj = (choosing_repo.profile(session, repo.person_by_key(session, PROGRAM, k).id)
                         for k in ("dana", "raj"))
            return dana.capacity, dana.models_json, raj.bio_text

    edited = (1, '["one-to-one"]', "Nurse manager; ask me about night shifts.")
    assert profiles() == edited
    notes = " ".join(import_roster(engine, roster).notes)
    assert profiles() == edited  # the mentor's own word from chat is not lost at the next restart
    assert "dana: kept the profile's capacity, models" in notes and "raj: kept the profile's bio" in notes
    _set_mtime(roster, h.clock.now + timedelta(hours=1))
    import_roster(engine, roster)
    assert profiles()[0] == 2 and profiles()[2].startswith("Nurse manager at a busy hospital")
