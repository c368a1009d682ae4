"""Profiles from the roster (checked line by line) and the desk, and bios checked by the policy
and posted to students in a supervised way: through the log and the outbox, never with contact
details, never into a channel an adult can read."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.profiles.bios import BioError
from bot.profiles.editing import ProfileError
from bot.roster.importer import RosterError
from storage.models import Alert, MessageLog, Person
from storage.models_choosing import Profile
from support.roster_helpers import import_roster
from support.year_helpers import PROGRAM, YEAR_ROSTER, audit_actions


def profile(engine, key: str) -> Profile:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        person = session.exec(select(Person).where(Person.program_id == PROGRAM, Person.key == key)).one()
        return session.get(Profile, person.id)


async def test_profiles_and_the_employer_are_stored_and_a_reimport_changes_nothing(year, engine):
    dana = profile(engine, "dana")
    assert (dana.employer, dana.job_title, dana.capacity) == (
        "Example Power & Light",
        "Electrical engineer",
        2,
    )
    assert (dana.interests_json, dana.models_json, dana.gender) == (
        '["engineering", "energy"]',
        '["one-to-one", "small-group"]',
        "female",
    )
    assert profile(engine, "ana").gender_preference == "same"
    assert dana.bio_state == "unchecked"  # checked by the policy before anyone reads it
    again = import_roster(engine, YEAR_ROSTER)
    assert (again.counts["profiles"].created, again.counts["profiles"].updated) == (0, 0)


def test_profile_problems_are_reported_by_line_and_nothing_is_written(engine, tmp_path):
    text = YEAR_ROSTER.read_text()
    text = text.replace("      gender: female\n      capacity: 2", "      gender: woman\n      capacity: 2")
    text = text.replace(
        "    profile: {interests: [software], pathway: computer science}",
        "    profile: {interests: [software], pathway: computer science, capacity: 2}",
    )
    text = text.replace(
        "      models: [one-to-one]\n  - id: sam", "      models: [one-to-one, team]\n  - id: sam"
    )
    text = text.replace(
        "      - {side: student, platform: console, workspace: demo, channel: ns-choose}",
        "      - {side: student, platform: console, workspace: demo, channel: sam-fay-student}",
    )
    bad = tmp_path / "roster.yml"
    bad.write_text(text)
    with pytest.raises(RosterError) as caught:
        import_roster(engine, bad)
    said = {p.line: p.message for p in caught.value.problems}
    lines = text.splitlines()
    line_of = {
        needle: [n for n, ln in enumerate(lines, start=1) if needle in ln][-1]
        for needle in (
            "gender: woman",
            "capacity: 2}",
            "models: [one-to-one, team]",
            "channel: sam-fay-student}",
        )
    }
    assert "'woman', which is not in the program's genders" in said[line_of["gender: woman"]]
    assert "'capacity' in a profile is only for a mentor" in said[line_of["capacity: 2}"]]
    assert "offers team, which this program does not use" in said[line_of["models: [one-to-one, team]"]]
    # the match's own channel is reported: the program already uses it to post bios (line 17)
    assert "already a choosing channel of the program (line 17)" in said[line_of["channel: sam-fay-student}"]]
    with Session(engine) as session:
        assert session.exec(select(Profile)).first() is None


async def test_bios_are_checked_and_only_passed_bios_of_cleared_mentors_reach_the_students(year, engine):
    h, core = year, year.app.core
    report = await core.check_bios(PROGRAM, actor="web:nora")
    assert dict(report.refused)["lee"][0][0] == "contact.phone"
    assert "never carry contact details" in dict(report.refused)["lee"][0][1]
    assert "555" not in str(report.refused)  # reasons name the rule, never the number itself
    assert [k for k, _ in report.flagged] == ["sam"]
    h.console.readers[h.console.ref("ns-choose")] = ["n-ana", "n-ben", "nora"]
    posted = await core.publish_bios(PROGRAM, actor="web:nora")
    await h.app.delivery.run_once()
    seen = h.seen_in("ns-choose")
    assert seen[0].startswith("Meet the mentors: 2 bio(s)")
    assert [s.split(" — ")[0] for s in seen[1:]] == ["Dana Whitfield", "Raj Patel"]
    assert "Electrical engineer, Example Power & Light" in seen[1]
    not_posted = dict(posted.not_posted)
    assert not_posted["lee"].startswith("refused") and not_posted["sam"].startswith("flagged")
    assert not_posted["kim"].startswith("not cleared")
    with Session(engine) as session:
        logged = session.exec(select(MessageLog).where(MessageLog.channel == "ns-choose")).all()
    assert [r.kind for r in logged] == ["system"] * 3 and all(r.decision == "allow" for r in logged)

    await core.approve_bio(PROGRAM, "sam", actor="web:nora")
    with pytest.raises(BioError, match="contact details"):
        await core.approve_bio(PROGRAM, "lee", actor="web:nora")
    await core.publish_bios(PROGRAM, actor="web:nora")
    await h.app.delivery.run_once()
    later = h.seen_in("ns-choose")[len(seen) :]
    assert later[0].startswith("Meet the mentors: 1 bio(s)") and later[1].startswith("Sam Achebe")
    assert audit_actions(engine).count("bios.publish") == 2 and "bio.approve" in audit_actions(engine)


async def test_no_bios_are_posted_into_a_students_channel_an_adult_can_read(year, engine):
    h, core = year, year.app.core
    h.console.readers[h.console.ref("ns-choose")] = ["n-ana", "n-dana", "nora"]
    posted = await core.publish_bios(PROGRAM, actor="web:nora")
    await h.app.delivery.run_once()
    assert posted.posted == 0 and h.seen_in("ns-choose") == []
    with Session(engine) as session:
        alert = session.exec(select(Alert).where(Alert.kind == "unsafe_setup")).one()
    assert "Dana Whitfield can read it" in alert.summary and alert.urgent


async def test_a_coordinator_edits_a_profile_on_the_desk_and_the_bio_is_checked_at_once(year, engine):
    core = year.app.core
    form = {
        "bio": "Software developer building apps for schools.",
        "title": "Software developer",
        "employer": "Example Software Co.",
        "interests": "software, design",
        "capacity": "1",
        "models": "one-to-one",
        "gender": "nonbinary",
    }
    view = await core.save_profile(PROGRAM, "lee", form, actor="web:nora")
    assert view.bio_state == "ok" and view.interests == ("software", "design")
    with pytest.raises(ProfileError) as caught:
        await core.save_profile(
            PROGRAM, "ana", {"bio": "hi", "capacity": "3", "gender": "girl"}, actor="web:nora"
        )
    assert set(caught.value.errors) == {"capacity", "gender"}
    again = await core.save_profile(
        PROGRAM, "lee", {**form, "bio": "Call me on 555-201-3344"}, actor="web:nora"
    )
    assert again.bio_state == "refused"
    assert audit_actions(engine, target="person:lee") == ["profile.update", "profile.update"]
