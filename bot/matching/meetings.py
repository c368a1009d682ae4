"""Meet-and-greets before choosing ("multiple connections and exposures before choice").

A meet-and-greet is a time and a group of mentors and students in supervised channels. It is a
``Match`` row of model ``meet-and-greet`` (written by the roster's ``MatchWriter``), so everything
said in it goes through the relay like any match: the policy, the program's gates (a student
without a form, an uncleared mentor, are held), the log and the transcript. It has no weekly
prompts. At its time it opens (the mentors' bios are posted to the students' side, the students'
to the mentors' side) and afterwards it closes; when the program opens choosing after its
meet-and-greets, the round opens once the last one of the round is over.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot import system_posts
from bot.alerts import raise_alert
from bot.governance.match_end import mark_ended
from bot.matching.rounds import OPEN_NOTICE, ChoosingError, announce, current_or_fail
from bot.messages import ChannelRef
from bot.profiles.bios import PolicyFor, publish_bios
from bot.profiles.model import choosing_options
from bot.review.gate_holds import release_cleared_gates
from bot.roster.match_writer import MatchWriter
from bot.roster.schema import SIDES, RosterChannel, RosterMatch
from storage import audit, choosing_repo, repo, roster_repo
from storage.choosing_repo import MEET_AND_GREET
from storage.models import Match
from storage.models_choosing import MeetAndGreet

OPENING = (
    "Welcome to the meet-and-greet! Mentors and students: say hello, ask about each other's "
    "work and interests. Everything here is supervised by your coordinator. It runs until {end}."
)
CLOSING = "This meet-and-greet is over — thank you all! Messages here are no longer passed on."


def schedule(
    engine: Engine,
    program_id: str,
    *,
    at: datetime,
    minutes: int,
    mentors: Sequence[str],
    students: Sequence[str],
    channels: Sequence[tuple[str, str, str, str]],
    now: datetime,
    actor: str,
) -> Match:
    """A meet-and-greet group of the current round; ``channels``: (side, platform, workspace, channel)."""
    if at <= now:
        raise ChoosingError("a meet-and-greet must be in the future")
    if not 10 <= minutes <= 480:
        raise ChoosingError("a meet-and-greet lasts 10 minutes to 8 hours")
    with Session(engine, expire_on_commit=False) as session:
        round_ = current_or_fail(session, program_id)
        if round_.state not in ("planned", "open"):
            raise ChoosingError(f"round '{round_.key}' is {round_.state}; meet-and-greets come before "
                                "choosing")
        people = roster_repo.people_by_key(session, program_id)
        _check_group(people, mentors, students, channels)
        number = len(choosing_repo.meet_and_greets(session, program_id, round_.id)) + 1  # type: ignore[arg-type]
        key = f"meet-{round_.key}-{number}"[:64]
        group = RosterMatch(id=key, model=MEET_AND_GREET, status="proposed", line=0, started=at.date(),
                            mentors=list(mentors), students=list(students),
                            channels=[RosterChannel(s, p, w, c, 0) for s, p, w, c in channels])
        match = MatchWriter(session, program_id, now=now, linked_by=actor).upsert(
            group, people, roster_repo.matches_by_key(session, program_id), prompts_paused=True)
        session.add(MeetAndGreet(match_id=match.id, program_id=program_id, round_id=round_.id,  # type: ignore[arg-type]
                                 starts_at=at, ends_at=at + timedelta(minutes=minutes)))
        audit.record(session, program_id=program_id, actor=actor, action="meet.schedule", at=now,
                     target=f"match:{key}", detail={"at": at.isoformat(), "minutes": minutes,
                                                    "mentors": list(mentors), "students": list(students)})
        session.commit()
        return match


def _check_group(people: dict[str, Any], mentors: Sequence[str], students: Sequence[str],
                 channels: Sequence[tuple[str, str, str, str]]) -> None:
    for key, role in [(k, "mentor") for k in mentors] + [(k, "student") for k in students]:
        if key not in people or people[key].role != role:
            raise ChoosingError(f"there is no {role} '{key}' in this program")
    if not mentors or not students:
        raise ChoosingError("a meet-and-greet needs at least one mentor and one student")
    for side, *_ in channels:
        if side not in SIDES:
            raise ChoosingError(f"a channel's side is mentor or student, not '{side}'")


def tick(engine: Engine, policy_for: PolicyFor, now: datetime) -> list[str]:
    """Open the meet-and-greets whose time has come, close those that are over; what was done."""
    done: list[str] = []
    with Session(engine, expire_on_commit=False) as session:
        due = choosing_repo.due_meet_and_greets(session, now)
    for meeting, match in due:
        if meeting.opened_at is None and meeting.ends_at > now:
            done.append(_open(engine, policy_for, meeting, match, now))
        elif meeting.closed_at is None and meeting.ends_at <= now:
            done.append(_close(engine, meeting, match, now))
    return done


def _open(engine: Engine, policy_for: PolicyFor, meeting: MeetAndGreet, match: Match, now: datetime) -> str:
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(MeetAndGreet, meeting.match_id)
        group = session.get(Match, match.id)
        assert row is not None and group is not None
        sides = {c.side for c in repo.match_channels(session, group.id)}  # type: ignore[arg-type]
        row.opened_at = now
        if sides != set(SIDES):
            program = repo.program(session, group.program_id)
            assert program is not None
            raise_alert(
                session,
                program=program,
                kind="unsafe_setup",
                urgent=False,
                now=now,
                match_id=group.id,
                summary=f"Meet-and-greet {group.key} could not open: it needs a mentor-side and a "
                f"student-side channel (link them with /mentorbot link {group.key} mentor|student).",
            )
            session.commit()
            return f"{group.key}: not opened (no channel on each side)"
        group.status = "active"
        session.add_all([row, group])
        ends = row.ends_at.strftime("%H:%M UTC")
        system_posts.post_to_match(
            session,
            program_id=group.program_id,
            match_id=group.id,
            side=None,  # type: ignore[arg-type]
            text=OPENING.format(end=ends),
            now=now,
            key=f"meet-open:{group.id}",
        )
        members = repo.members(session, group.id)  # type: ignore[arg-type]
        channels = {
            side: [
                ChannelRef(c.platform, c.workspace, c.channel)
                for c in repo.match_channels(session, group.id)
                if c.side == side
            ]  # type: ignore[arg-type]
            for side in SIDES
        }
        release_cleared_gates(session, program_id=group.program_id, now=now, actor="mentorbot",
                              match_ids=[group.id])  # type: ignore[list-item]
        session.commit()
    for audience, whose, side in (("students", "mentor", "student"), ("mentors", "student", "mentor")):
        publish_bios(
            engine,
            policy_for,
            group.program_id,
            channels=channels[side],
            audience=audience,
            now=now,
            actor="mentorbot",
            people=[p.key for p, r in members if r == whose],
            match_id=group.id,
            intro="Here is who you are meeting today:",
        )
    return f"{group.key}: opened"


def _close(engine: Engine, meeting: MeetAndGreet, match: Match, now: datetime) -> str:
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(MeetAndGreet, meeting.match_id)
        group = session.get(Match, match.id)
        assert row is not None and group is not None
        row.closed_at = now
        row.opened_at = row.opened_at or now
        if group.status == "active":
            system_posts.post_to_match(
                session,
                program_id=group.program_id,
                match_id=group.id,
                side=None,  # type: ignore[arg-type]
                text=CLOSING,
                now=now,
                key=f"meet-close:{group.id}",
            )
        mark_ended(session, group, now)
        session.add_all([row, group])
        session.flush()
        opened = _maybe_open_round(session, group.program_id, row.round_id, now)
        session.commit()
    return f"{group.key}: closed" + ("; choosing is open" if opened else "")


def _maybe_open_round(session: Session, program_id: str, round_id: int, now: datetime) -> bool:
    """Open choosing when the program waits for its meet-and-greets and the last one is over."""
    settings = choosing_options(session, program_id)
    round_ = choosing_repo.current_round(session, program_id)
    if (
        not settings.after_meet_and_greet
        or round_ is None
        or round_.id != round_id
        or round_.state != "planned"
    ):
        return False
    if any(m.closed_at is None for m, _ in choosing_repo.meet_and_greets(session, program_id, round_id)):
        return False
    round_.state, round_.opens_at = "open", now
    session.add(round_)
    announce(session, program_id, OPEN_NOTICE.format(n=settings.max_choices), now, f"open:{round_.id}")
    audit.record(
        session,
        program_id=program_id,
        actor="mentorbot",
        action="round.open",
        at=now,
        target=f"round:{round_.key}",
        detail={"after": "meet-and-greets"},
    )
    return True


__all__ = ["current_or_fail", "schedule", "tick"]
