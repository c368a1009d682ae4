"""Bios: check them with the program's policy, let a coordinator approve a flagged one, and post
them to the other side in a supervised way (the program's choosing channels, or a meet-and-greet
group's channel), through the log and the outbox like any bot post.

Mentor bios go to students ("prepare and distribute bios"); student bios may go to mentors (the
guide's sample activity). Only bios the policy passed, or a coordinator approved after a flag, are
posted; a refused bio (contact details) never is. Posting is idempotent per bio text and channel:
publishing again posts only new or changed bios.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot import system_posts
from bot.messages import ChannelRef
from bot.profiles.bio_check import check_bio
from bot.profiles.model import ProfileView, load_profile, load_profiles
from bot.relay.policy_cache import PolicyLike
from storage import audit, choosing_repo, repo
from storage.models import Program

PolicyFor = Callable[[str | None], PolicyLike]  # policy file -> policy (``PolicyBook.for_file``)
AUDIENCES = {"students": ("mentor", "student"), "mentors": ("student", "mentor")}  # whose bios, to which side


class BioError(Exception):
    """A bio action that cannot be done (no such person, a refused bio approved...)."""


@dataclass(slots=True)
class BioReport:
    """The state of every bio after a check."""

    ok: list[str] = field(default_factory=list)
    flagged: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    refused: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{len(self.ok)} bio(s) passed the policy", f"{len(self.empty)} without a bio"]
        out += [f"flagged {key}: " + "; ".join(r for _, r in reasons) for key, reasons in self.flagged]
        out += [f"refused {key}: " + "; ".join(r for _, r in reasons) for key, reasons in self.refused]
        return out


@dataclass(slots=True)
class BiosPosted:
    posted: int = 0
    channels: list[str] = field(default_factory=list)
    not_posted: list[tuple[str, str]] = field(default_factory=list)  # (person key, why)


def check_bios(
    engine: Engine,
    policy_for: PolicyFor,
    program_id: str,
    *,
    now: datetime,
    actor: str,
    everyone: bool = False,
) -> BioReport:
    """Check bios that changed since their last check (or ``everyone``'s) and store the verdicts."""
    report = BioReport()
    with Session(engine) as session:
        program = _program(session, program_id)
        policy = policy_for(program.policy_file)
        for view in load_profiles(session, program_id):
            if not view.bio.strip():
                report.empty.append(view.key)
                continue
            if everyone or view.bio_state == "unchecked":
                view = _store_check(session, policy, program, view, now)
            _report(report, view)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="bios.check",
            at=now,
            rows=len(report.ok) + len(report.flagged) + len(report.refused),
            detail={"flagged": [k for k, _ in report.flagged], "refused": [k for k, _ in report.refused]},
        )
        session.commit()
    return report


def _store_check(
    session: Session, policy: PolicyLike, program: Program, view: ProfileView, now: datetime
) -> ProfileView:
    # The whole post students read (title, employer, interests, languages too), not only the bio.
    verdict = check_bio(policy, bio_text(view), role=view.person.role, timezone=program.timezone)
    row = choosing_repo.profile(session, view.person.id)  # type: ignore[arg-type]
    assert row is not None  # a bio lives in a stored profile
    approved = row.bio_state == "approved" and verdict.state == "flagged"  # still the approved text
    row.bio_state = "approved" if approved else verdict.state
    row.bio_check_json = json.dumps(verdict.as_json_rows(), ensure_ascii=False)
    row.bio_checked_at = now
    if not approved:
        row.bio_approved_by = None
    session.add(row)
    session.flush()
    return load_profile(session, view.person)


def _report(report: BioReport, view: ProfileView) -> None:
    if view.bio_state in ("ok", "approved"):
        report.ok.append(view.key)
    elif view.bio_state == "flagged":
        report.flagged.append((view.key, view.bio_reasons))
    elif view.bio_state == "refused":
        report.refused.append((view.key, view.bio_reasons))


def approve_bio(engine: Engine, program_id: str, person_key: str, *, now: datetime, actor: str) -> None:
    """Publish a flagged bio as it is, after a coordinator read it (audited). Refused ones: never."""
    with Session(engine) as session:
        person = repo.person_by_key(session, program_id, person_key)
        row = choosing_repo.profile(session, person.id) if person else None  # type: ignore[arg-type]
        if person is None or row is None:
            raise BioError(f"'{person_key}' has no profile in this program")
        if row.bio_state != "flagged":
            raise BioError(
                f"the bio of {person.display_name} is {row.bio_state}; only a flagged bio can be "
                "approved (a refused one carries contact details: edit it)"
            )
        row.bio_state, row.bio_approved_by = "approved", actor
        session.add(row)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="bio.approve",
            at=now,
            target=f"person:{person.key}",
            detail={"rules": [c["rule"] for c in json.loads(row.bio_check_json or "[]")]},
        )
        session.commit()


def bio_text(view: ProfileView) -> str:
    """One bio as students (or mentors) read it in the channel."""
    head = view.name + (f" — {view.headline}" if view.headline else "")
    facts = []
    if view.interests:
        facts.append("Career interests: " + ", ".join(view.interests))
    if view.languages:
        facts.append("Speaks: " + ", ".join(view.languages))
    if view.person.role == "mentor" and view.models:
        facts.append("Mentors: " + ", ".join(m.replace("-", " ") for m in view.models))
    return "\n".join([head] + ([" · ".join(facts)] if facts else []) + [view.bio.strip()])


def publish_bios(
    engine: Engine,
    policy_for: PolicyFor,
    program_id: str,
    *,
    channels: Sequence[ChannelRef],
    audience: str,
    now: datetime,
    actor: str,
    people: Sequence[str] | None = None,
    match_id: int | None = None,
    intro: str = "",
) -> BiosPosted:
    """Post the publishable bios of one side (``people`` only, when given) to ``channels``."""
    whose, _side = AUDIENCES[audience]
    result = BiosPosted(channels=[str(c) for c in channels])
    # Every bio again, as it reads now: a title or interest edited since its check is read too.
    check_bios(engine, policy_for, program_id, now=now, actor=actor, everyone=True)
    with Session(engine) as session:
        views = [v for v in load_profiles(session, program_id, whose) if people is None or v.key in people]
        ready = []
        for view in views:
            if view.publishable and (view.person.role != "mentor" or view.person.cleared_on is not None):
                ready.append(view)
            else:
                result.not_posted.append((view.key, _why_not(view)))
        for channel in channels:
            result.posted += _post_channel(
                session,
                program_id,
                channel,
                ready,
                now=now,
                audience=audience,
                match_id=match_id,
                intro=intro,
            )
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="bios.publish",
            at=now,
            rows=result.posted,
            detail={
                "audience": audience,
                "channels": result.channels,
                "people": [v.key for v in ready],
                "not_posted": [k for k, _ in result.not_posted],
            },
        )
        session.commit()
    return result


def _post_channel(
    session: Session,
    program_id: str,
    channel: ChannelRef,
    ready: list[ProfileView],
    *,
    now: datetime,
    audience: str,
    match_id: int | None,
    intro: str,
) -> int:
    fresh = [(v, bio_text(v)) for v in ready]
    fresh = [
        (v, text)
        for v, text in fresh
        if not repo.seen_event(session, f"system:{program_id}:{_bio_key(v, text, channel)}")
    ]
    if not fresh:
        return 0
    heading = intro or (
        f"Meet the mentors: {len(fresh)} bio(s) below. When choosing opens, pick your top "
        "three with /mentorbot choose."
        if audience == "students"
        else f"Meet the students: {len(fresh)} bio(s) below."
    )
    digest = hashlib.sha256("|".join(_bio_key(v, t, channel) for v, t in fresh).encode()).hexdigest()[:16]
    system_posts.post(
        session,
        program_id=program_id,
        channel=channel,
        text=heading,
        now=now,
        key=f"bios-heading:{channel}:{digest}",
        match_id=match_id,
    )
    for view, text in fresh:
        system_posts.post(
            session,
            program_id=program_id,
            channel=channel,
            text=text,
            now=now,
            key=_bio_key(view, text, channel),
            match_id=match_id,
        )
    return len(fresh)


def _bio_key(view: ProfileView, text: str, channel: ChannelRef) -> str:
    return f"bio:{view.key}:{hashlib.sha256(text.encode()).hexdigest()[:16]}:{channel}"


def _why_not(view: ProfileView) -> str:
    if not view.bio.strip():
        return "no bio yet"
    if view.person.role == "mentor" and view.person.cleared_on is None:
        return "not cleared yet: a mentor's bio is posted once the program has cleared them"
    reasons = "; ".join(r for _, r in view.bio_reasons)
    if view.bio_state == "refused":
        return f"refused: {reasons}"
    if view.bio_state == "flagged":
        return f"flagged, waiting for a coordinator's approval: {reasons}"
    return view.bio_state


def _program(session: Session, program_id: str) -> Program:
    program = repo.program(session, program_id)
    if program is None:
        raise BioError(f"no program '{program_id}'")
    return program
