"""Legal holds: keep a match, a person or a whole program out of retention (a safeguarding
investigation, a subpoena) and block the program's destruction while any hold is active.

A hold has a reason and the name of who placed it; it is released (with a reason), never deleted.
Placing and releasing are audited and anchored (``storage.audit``), so a hold removed or changed
behind mentorbot's back is reported by ``audit verify``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage import audit, repo, retention_repo
from storage.models import Match, Person, Program
from storage.models_governance import LegalHold

SCOPES = ("program", "match", "person")


class HoldError(Exception):
    """A hold that cannot be placed or released (unknown match, no reason...)."""


@dataclass(frozen=True, slots=True)
class HoldView:
    id: int
    scope: str
    covers: str  # "match dana-ana", "person ana", "the whole program"
    reason: str
    placed_by: str
    placed_at: datetime
    released_at: datetime | None
    released_by: str | None
    release_reason: str | None


def place(
    engine: Engine,
    program_id: str,
    *,
    reason: str,
    actor: str,
    now: datetime,
    match_key: str | None = None,
    person_key: str | None = None,
) -> HoldView:
    """Place a hold on a match, a person, or (neither given) the whole program."""
    if not reason.strip():
        raise HoldError("say why the hold is placed (--reason), e.g. the case or request it is for")
    if match_key and person_key:
        raise HoldError("a hold covers a match OR a person OR the whole program; give one of them")
    with Session(engine) as session:
        if session.get(Program, program_id) is None:
            raise HoldError(f"there is no program '{program_id}'")
        hold = LegalHold(
            program_id=program_id, scope="program", reason=reason.strip(), placed_by=actor, placed_at=now
        )
        if match_key:
            match = repo.match_by_key(session, match_key, program_id)
            if match is None:
                raise HoldError(f"there is no match '{match_key}' in program {program_id}")
            hold.scope, hold.match_id = "match", match.id
        elif person_key:
            person = repo.person_by_key(session, program_id, person_key)
            if person is None:
                raise HoldError(f"there is no person '{person_key}' in program {program_id}")
            hold.scope, hold.person_id = "person", person.id
        session.add(hold)
        session.flush()
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="legal_hold.place",
            at=now,
            target=_covers(session, hold),
            subject=hold,
            detail={"reason": hold.reason},
        )
        session.commit()
        return _view(session, hold)


def release(
    engine: Engine, program_id: str, hold_id: int, *, reason: str, actor: str, now: datetime
) -> HoldView:
    if not reason.strip():
        raise HoldError("say why the hold is released (--reason)")
    with Session(engine) as session:
        hold = session.get(LegalHold, hold_id)
        if hold is None or hold.program_id != program_id:
            raise HoldError(f"there is no legal hold #{hold_id} in program {program_id}")
        if hold.released_at is not None:
            raise HoldError(
                f"legal hold #{hold_id} was already released on {hold.released_at:%Y-%m-%d} "
                f"by {hold.released_by}"
            )
        hold.released_at, hold.released_by, hold.release_reason = now, actor, reason.strip()
        session.add(hold)
        audit.record(
            session,
            program_id=program_id,
            actor=actor,
            action="legal_hold.release",
            at=now,
            target=_covers(session, hold),
            subject=hold,
            detail={"reason": hold.release_reason},
        )
        session.commit()
        return _view(session, hold)


def list_holds(engine: Engine, program_id: str, *, include_released: bool = False) -> list[HoldView]:
    with Session(engine) as session:
        if include_released:
            holds = list(
                session.scalars(
                    select(LegalHold).where(LegalHold.program_id == program_id).order_by(LegalHold.id)
                )
            )
        else:
            holds = retention_repo.active_holds(session, program_id)
        return [_view(session, hold) for hold in holds]


def _covers(session: Session, hold: LegalHold) -> str:
    if hold.scope == "match":
        match = session.get(Match, hold.match_id)
        return f"match {match.key if match else hold.match_id}"
    if hold.scope == "person":
        person = session.get(Person, hold.person_id)
        return f"person {person.key if person else hold.person_id}"
    return "the whole program"


def _view(session: Session, hold: LegalHold) -> HoldView:
    return HoldView(
        hold.id,
        hold.scope,
        _covers(session, hold),
        hold.reason,
        hold.placed_by,  # type: ignore[arg-type]
        hold.placed_at,
        hold.released_at,
        hold.released_by,
        hold.release_reason,
    )
