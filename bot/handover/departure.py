"""When a mentor can no longer take part ("What if I can no longer be involved?").

The mentor (``/mentorbot leave``) or the coordinator gives notice with a last day; the coordinator
is alerted and picks a replacement from suggestions drawn from the choosing data
(``bot.choosing.suggest_replacements``). The replacement takes the departing mentor's place in the
SAME match (its members change through the roster's ``MatchWriter``), so the conversation stays
one transcript; the students get a kind message in their channel, the new mentor a welcome, and
the departing mentor's notice, the decision and the message are audited. A match may also end
with its mentor, or the notice be withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.choosing import ReplacementCandidate, suggest_replacements
from bot.governance.match_end import mark_ended
from bot.handover.messages import check_message, kind_message, new_mentor_welcome
from bot.matching.inputs import mentor_profile, student_profile
from bot.profiles.bios import PolicyFor
from bot.profiles.model import choosing_options, load_profile, load_profiles
from bot.review.gate_holds import release_cleared_gates
from bot.system_posts import post_to_match
from storage import audit, choosing_repo, handover_repo, repo
from storage.models import Match, Person
from storage.models_handover import Departure

OPEN_STATES = ("notice", "paused")


class HandoverError(Exception):
    """A hand-over step that cannot be done; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Notice:
    departure: Departure
    match: Match
    mentor: Person


def give_notice(
    engine: Engine,
    program_id: str,
    match_key: str,
    mentor_key: str,
    *,
    last_day: date,
    reason: str,
    now: datetime,
    actor: str,
    via: str,
) -> Notice:
    """Record a mentor's notice and alert the coordinator (not urgent: there is time to plan)."""
    reason = " ".join(reason.split())[:500]
    with Session(engine, expire_on_commit=False) as session:
        match, mentor = _match_and_mentor(session, program_id, match_key, mentor_key)
        if last_day < now.date():
            raise HandoverError(f"the last day {last_day:%d %b %Y} has passed; give a date from today on")
        if handover_repo.open_departure(session, match.id, mentor.id) is not None:  # type: ignore[arg-type]
            raise HandoverError(f"{mentor.display_name} has already given notice for {match.key}")
        row = Departure(
            program_id=program_id,
            match_id=match.id,
            mentor_id=mentor.id,
            given_at=now,  # type: ignore[arg-type]
            given_by=actor,
            via=via,
            last_day=last_day,
            reason_text=reason,
        )
        session.add(row)
        program = repo.program(session, program_id)
        assert program is not None
        raise_alert(
            session,
            program=program,
            kind="departure",
            urgent=False,
            now=now,
            match_id=match.id,
            summary=f"{mentor.display_name} can no longer mentor in {match.key}: last day "
            f"{last_day:%d %b %Y}"
            + (f" ({reason})" if reason else "")
            + ". Pick a replacement on the desk's Hand-over page.",
        )
        session.flush()
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="departure.notice",
            at=now,
            target=f"match:{match.key}",
            detail={"departure": row.id, "mentor": mentor.key, "last_day": last_day.isoformat(), "via": via},
        )
        session.commit()
        return Notice(row, match, mentor)


def _match_and_mentor(
    session: Session, program_id: str, match_key: str, mentor_key: str
) -> tuple[Match, Person]:
    match = repo.match_by_key(session, match_key, program_id)
    if match is None or match.status == "ended" or match.model == choosing_repo.MEET_AND_GREET:
        raise HandoverError(f"there is no live match '{match_key}' in this program")
    mentor = repo.person_by_key(session, program_id, mentor_key)
    if mentor is None or repo.member_role(session, match.id, mentor.id) != "mentor":  # type: ignore[arg-type]
        raise HandoverError(f"'{mentor_key}' is not a mentor of {match_key}")
    return match, mentor


def _departure(session: Session, program_id: str, departure_id: int) -> Departure:
    row = session.get(Departure, departure_id)
    if row is None or row.program_id != program_id:
        raise HandoverError(f"there is no notice #{departure_id} in this program")
    if row.state not in OPEN_STATES:
        raise HandoverError(f"notice #{departure_id} was already decided ({row.state})")
    return row


def suggestions(
    engine: Engine, program_id: str, departure_id: int, *, now: datetime, limit: int = 5
) -> list[ReplacementCandidate]:
    """Who could take over, from the choosing data: the students' own earlier choices first."""
    from bot.matching.inputs import program_rules
    from storage.models_choosing import ChoosingRound

    with Session(engine) as session:
        row = session.get(Departure, departure_id)
        if row is None or row.program_id != program_id:
            raise HandoverError(f"there is no notice #{departure_id} in this program")
        match = session.get(Match, row.match_id)
        departing = session.get(Person, row.mentor_id)
        assert match is not None and departing is not None
        members = repo.members(session, match.id)  # type: ignore[arg-type]
        chosen = _earlier_choices(session, program_id, [p for p, r in members if r == "student"])
        students = [
            student_profile(session, load_profile(session, p), chosen.get(p.id, ()))
            for p, r in members
            if r == "student"
        ]
        views = load_profiles(session, program_id, "mentor")
        load = choosing_repo.mentor_load(session, program_id, [v.person.id for v in views])
        on = now.date()
        mentors = [mentor_profile(session, v, load.get(v.person.id, 0), on=on) for v in views]  # type: ignore[arg-type]
        if departing.key not in {m.id for m in mentors}:
            mentors.append(mentor_profile(session, load_profile(session, departing), 1, on=on))
        today_round = ChoosingRound(
            program_id=program_id, key="replacement", starts_on=now.date(), created_at=now
        )
        rules = program_rules(choosing_options(session, program_id), today_round, program_id)
    return list(suggest_replacements(students, departing.key, mentors, rules, limit=limit))


def _earlier_choices(session: Session, program_id: str, students: list[Person]) -> dict[int, tuple[str, ...]]:
    """Each student's ranked choices in the most recent round they chose in."""
    keys = {p.id: p.key for p in repo.people(session, program_id, role="mentor")}
    out: dict[int, tuple[str, ...]] = {}
    for round_ in choosing_repo.rounds(session, program_id):
        for student in students:
            if student.id in out:
                continue
            ranked = [c for c in choosing_repo.choices(session, round_.id, student.id)]  # type: ignore[arg-type]
            if ranked:
                out[student.id] = tuple(keys[c.mentor_id] for c in ranked if c.mentor_id in keys)  # type: ignore[misc]
    return out


@dataclass(frozen=True, slots=True)
class Replaced:
    match_key: str
    mentor: str
    replacement: str
    message: str
    channels_to_fix: str


def replace_mentor(
    engine: Engine,
    policy_for: PolicyFor,
    program_id: str,
    departure_id: int,
    replacement_key: str,
    *,
    now: datetime,
    actor: str,
    student_message: str | None = None,
) -> Replaced:
    """The replacement takes the departing mentor's place in the same match; both sides are told."""
    from bot.handover.swap import swap_mentor

    with Session(engine, expire_on_commit=False) as session:
        row = _departure(session, program_id, departure_id)
        match, departing, new = _parties(session, program_id, row, replacement_key)
        program = repo.program(session, program_id)
        assert program is not None
        students = [p for p, r in repo.members(session, match.id) if r == "student"]  # type: ignore[arg-type]
        coordinator = session.get(Person, match.coordinator_id) if match.coordinator_id else None
        text = (student_message or "").strip() or kind_message(
            students, departing, new, load_profile(session, new), row.reason_text, coordinator
        )
        check_message(policy_for(program.policy_file), text, timezone=program.timezone)
        problems = swap_mentor(session, program_id, match, departing, new, now=now)
        if problems:
            raise HandoverError(f"{new.display_name} cannot take over yet: " + "; ".join(problems))
        resumed = match.status == "paused" and row.state == "paused"
        if resumed:
            match.status = "active"
            session.add(match)
        welcome = new_mentor_welcome(new, departing, students, coordinator)
        for side, said in (("student", text), ("mentor", welcome)):
            post_to_match(session, program_id=program_id, match_id=match.id, side=side, text=said,  # type: ignore[arg-type]
                          now=now, key=f"handover:{row.id}:{side}")
        row.state, row.replacement_id, row.student_message_text = "replaced", new.id, text
        row.decided_at, row.decided_by = now, actor
        session.add(row)
        audit.record(session, program_id=program_id, actor=actor, action="departure.replace", at=now,
                     target=f"match:{match.key}", detail={"departure": row.id, "mentor": departing.key,
                                                          "replacement": new.key, "resumed": resumed})
        release_cleared_gates(session, program_id=program_id, now=now, actor=actor,
                              match_ids=[match.id])  # type: ignore[list-item]  # the new mentor, a resume
        session.commit()
        return Replaced(match.key, departing.display_name, new.display_name, text,
                        channels_note(match.key, departing, new))


def _parties(session: Session, program_id: str, row: Departure, replacement_key: str
             ) -> tuple[Match, Person, Person]:
    """The match, the departing mentor and the replacement (who must be able to take over)."""
    match = session.get(Match, row.match_id)
    departing = session.get(Person, row.mentor_id)
    new = repo.person_by_key(session, program_id, replacement_key)
    assert match is not None and departing is not None
    if new is None or new.role != "mentor" or not new.active or new.id == departing.id:
        raise HandoverError(f"'{replacement_key}' is not an active mentor who could take over")
    if repo.member_role(session, match.id, new.id) is not None:  # type: ignore[arg-type]
        raise HandoverError(f"{new.display_name} is already in {match.key}")
    return match, departing, new


def channels_note(match_key: str, departing: Person, new: Person) -> str:
    return (
        f"Add {new.display_name} to the mentor-side channel of {match_key} and remove "
        f"{departing.display_name} from it (mentorbot checks who can read it now and every day), or link a "
        f"new mentor-side channel with /mentorbot link {match_key} mentor."
    )


def close_notice(
    engine: Engine,
    policy_for: PolicyFor,
    program_id: str,
    departure_id: int,
    *,
    outcome: str,
    now: datetime,
    actor: str,
    student_message: str | None = None,
) -> Departure:
    """End the match with its mentor (``ended``, the students told kindly) or withdraw the notice."""
    from bot.handover.messages import ending_message

    if outcome not in ("ended", "withdrawn"):
        raise HandoverError("a notice is replaced, ended or withdrawn")
    with Session(engine, expire_on_commit=False) as session:
        row = _departure(session, program_id, departure_id)
        match = session.get(Match, row.match_id)
        departing = session.get(Person, row.mentor_id)
        program = repo.program(session, program_id)
        assert match is not None and departing is not None and program is not None
        if outcome == "ended":
            students = [p for p, r in repo.members(session, match.id) if r == "student"]  # type: ignore[arg-type]
            text = (student_message or "").strip() or ending_message(students, departing, row.reason_text)
            check_message(policy_for(program.policy_file), text, timezone=program.timezone)
            post_to_match(
                session,
                program_id=program_id,
                match_id=match.id,
                side=None,
                text=text,  # type: ignore[arg-type]
                now=now,
                key=f"handover:{row.id}:ended",
            )
            mark_ended(session, match, now)
            row.student_message_text = text
        elif row.state == "paused" and match.status == "paused":
            match.status = "active"
            session.add(match)
        row.state, row.decided_at, row.decided_by = outcome, now, actor
        session.add(row)
        action = {"ended": "departure.end", "withdrawn": "departure.withdraw"}[outcome]
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action=action,
            at=now,
            target=f"match:{match.key}",
            detail={"departure": row.id, "mentor": departing.key},
        )
        release_cleared_gates(session, program_id=program_id, now=now, actor=actor,
                              match_ids=[match.id])  # type: ignore[list-item]  # a withdrawn notice resumes
        session.commit()
        return row
