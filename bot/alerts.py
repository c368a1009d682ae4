"""Report unsafe channel set-ups: adults in a student-side channel, students on the mentor side,
unknown accounts, and supervised channels the coordinator cannot see."""

from __future__ import annotations

from sqlmodel import Session, select

from storage import repo
from storage.models import Alert, Match, Person, SupervisedChannel

ADULT_ROLES = {"mentor", "teacher"}


def unsafe_findings(session: Session, channel: SupervisedChannel, user_ids: list[str], *,
                    coordinator_can_see: bool) -> list[str]:
    """Plain sentences describing what is wrong with who can read this channel (empty = fine)."""
    findings: list[str] = []
    match = session.get(Match, channel.match_id)
    assert match is not None
    members = {person.id: role for person, role in repo.members(session, match.id)}  # type: ignore[arg-type]
    for user_id in user_ids:
        person = repo.person_by_account(session, channel.platform, channel.workspace, user_id)
        if person is None or person.program_id != match.program_id:
            findings.append(f"account {user_id} is in {channel.side}-side channel {channel.channel} of "
                            f"match {match.key} but is not on the program's roster")
            continue
        if person.role == "coordinator":
            continue
        role = members.get(person.id, person.role)
        if channel.side == "student" and role in ADULT_ROLES:
            findings.append(f"{person.display_name} ({role}) can read the student-side channel "
                            f"{channel.channel} of match {match.key}")
        elif channel.side == "mentor" and role == "student":
            findings.append(f"student {person.display_name} can read the mentor-side channel "
                            f"{channel.channel} of match {match.key}")
        elif person.id not in members:
            findings.append(f"{person.display_name} ({person.role}) is in channel {channel.channel} but "
                            f"is not a member of match {match.key}")
    if not coordinator_can_see:
        findings.append(f"the coordinator cannot see supervised channel {channel.channel} of match "
                        f"{match.key}; add them to the channel")
    return findings


def already_reported(session: Session, program_id: str, summary: str) -> bool:
    """An identical unacknowledged alert exists, so the daily check does not nag."""
    return session.exec(select(Alert.id).where(
        Alert.program_id == program_id, Alert.kind == "unsafe_setup", Alert.summary == summary,
        Alert.acknowledged_at == None)).first() is not None  # noqa: E711


def coordinators_of(session: Session, program_id: str) -> list[Person]:
    return list(session.exec(select(Person).where(Person.program_id == program_id,
                                                  Person.role == "coordinator")))
