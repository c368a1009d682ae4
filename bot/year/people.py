"""Everyday edits without re-importing the roster: add a person, end a match, log an activity.

Each is a coordinator action written to the audit trail. Pausing and resuming a match is
``bot.roster.pausing`` (issue 12 adds its commands); ending one is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from bot.governance.match_end import mark_ended
from bot.messages import ChannelRef
from bot.roster.schema import ROLES
from bot.year.settings import YearError
from storage import audit, outbox, repo, roster_repo
from storage.models import Identity, Match, Person
from storage.models_year import Activity, ActivityAttendee

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
ENDED_NOTICE = (
    "This mentoring match has now ended. Thank you for everything you shared here! "
    "The conversation stays on record with your coordinator."
)


@dataclass(frozen=True, slots=True)
class NewAccount:
    platform: str
    workspace: str
    user: str

    @classmethod
    def parse(cls, text: str) -> NewAccount:
        """``platform:workspace:user``, e.g. ``discord:1000001:2000002``."""
        parts = [p.strip() for p in text.split(":")]
        if len(parts) != 3 or not all(parts):
            raise YearError(f"'{text}' should be platform:workspace:user, e.g. slack:T0SCHOOL:U0ANA")
        return cls(parts[0].lower(), parts[1], parts[2])


def add_person(
    session: Session,
    program_id: str,
    *,
    key: str,
    name: str,
    role: str,
    actor: str,
    now: datetime,
    grade: int | None = None,
    email: str | None = None,
    accounts: list[NewAccount] | None = None,
    platforms: tuple[str, ...] = (),
) -> Person:
    """A new mentor, student, teacher or coordinator (the caller commits)."""
    key, name = key.strip().lower(), " ".join(name.split())
    if not SLUG.match(key):
        raise YearError(f"'{key}' is not a usable id: lowercase letters, digits, '.', '_' or '-'")
    if repo.person_by_key(session, program_id, key) is not None:
        raise YearError(f"there is already someone with the id '{key}' in this program")
    if not name:
        raise YearError("write the person's name as the others will see it (e.g. 'Ana R.')")
    if role not in ROLES:
        raise YearError(f"the role is one of: {', '.join(ROLES)}")
    if grade is not None and (role != "student" or not 1 <= grade <= 14):
        raise YearError("a grade (1 to 14) is for students only")
    if email is not None and email and (email.count("@") != 1 or " " in email):
        raise YearError(f"'{email}' does not look like an e-mail address")
    person = Person(
        program_id=program_id, key=key, role=role, display_name=name[:200], email=email or None, grade=grade
    )
    session.add(person)
    session.flush()
    for account in accounts or []:
        if platforms and account.platform not in platforms:
            raise YearError(f"unknown platform '{account.platform}'; use {', '.join(platforms)}")
        owner = roster_repo.account_owner(session, account.platform, account.workspace, account.user)
        if owner is not None:
            raise YearError(
                f"the {account.platform} account {account.user} already belongs to "
                f"'{owner.key}'; one account, one person"
            )
        session.add(
            Identity(
                person_id=person.id,
                platform=account.platform,
                workspace=account.workspace,  # type: ignore[arg-type]
                user_id=account.user,
            )
        )
    audit.record(
        session,
        program_id=program_id,
        actor=actor,
        action="person.add",
        at=now,
        target=f"person:{key}",
        detail={"role": role, "accounts": len(accounts or [])},
    )
    return person


def end_match(session: Session, match: Match, *, reason: str, actor: str, now: datetime) -> None:
    """End a match: its status becomes ended and both sides are told (messages after that are held)."""
    if match.status == "ended":
        raise YearError(f"match {match.key} has already ended")
    mark_ended(session, match, now)
    for channel in repo.match_channels(session, match.id):  # type: ignore[arg-type]
        ref = ChannelRef(channel.platform, channel.workspace, channel.channel)
        session.add(
            outbox.system_post(
                program_id=match.program_id,
                channel=ref,
                now=now,
                text=ENDED_NOTICE,
                key=f"match.end:{match.id}:{channel.id}",
            )
        )
    audit.record(
        session,
        program_id=match.program_id,
        actor=actor,
        action="match.end",
        at=now,
        target=f"match:{match.key}",
        detail={"reason": reason},
    )


def log_activity(
    session: Session,
    program_id: str,
    *,
    title: str,
    kind: str,
    held_on: date,
    hours: float,
    people: list[Person],
    match: Match | None,
    actor: str,
    now: datetime,
) -> Activity:
    """Log an activity or event with the people who took part (and its hours, for the credit report)."""
    title = " ".join(title.split())
    if not title:
        raise YearError("give the activity a title, e.g. 'Visit to Acme's engineering floor'")
    if not 0 <= hours <= 24:
        raise YearError("hours are between 0 and 24 for one activity")
    if not people:
        raise YearError("say who took part (a match, or people by id)")
    activity = Activity(
        program_id=program_id,
        match_id=match.id if match else None,
        title=title[:200],
        kind=(kind.strip() or "activity")[:64],
        held_on=held_on,
        hours=round(hours, 2),
        created_at=now,
        created_by=actor,
    )
    session.add(activity)
    session.flush()
    for person in {p.id: p for p in people}.values():
        session.add(ActivityAttendee(activity_id=activity.id, person_id=person.id))  # type: ignore[arg-type]
    audit.record(
        session,
        program_id=program_id,
        actor=actor,
        action="activity.log",
        at=now,
        target=f"activity:{activity.id}",
        detail={"people": len(people), "hours": activity.hours},
    )
    return activity
