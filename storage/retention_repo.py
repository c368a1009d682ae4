"""Which rows a retention rule reaches today, and which legal holds keep back (SQL only).

The conditions are built from the table declarations (``storage.governance``), so a table another
branch declares is aged by its class with no code here. ``bot.governance.retention`` turns a
program's schedule into ``RuleWindow``s, counts with ``count`` (the dry run) and hands the
conditions to ``storage.erasure.erase`` (the apply).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, false, func, literal, not_, or_, select, true
from sqlmodel import Session

from storage import governance
from storage.governance import Declared
from storage.models import Match, MatchMember
from storage.models_governance import LegalHold

#: Audit events that are the proof of what happened to the data itself: never aged by access_log.
PROOF_ACTIONS = ("data.", "legal_hold.", "retention.", "chain.", "program.")


@dataclass(frozen=True, slots=True)
class RuleWindow:
    """One rule of a schedule as of today (``bot.governance.schedule.Cutoff``, storage's view)."""

    name: str  # the retention class
    after: str  # written | match_end | school_year_end
    written_before: datetime
    ended_before: date | None


@dataclass(frozen=True, slots=True)
class Held:
    """What the program's active legal holds protect."""

    program: bool
    matches: frozenset[int]
    people: frozenset[int]
    hold_ids: tuple[int, ...]

    @property
    def any(self) -> bool:
        return self.program or bool(self.matches or self.people)


def active_holds(session: Session, program_id: str) -> list[LegalHold]:
    query = select(LegalHold).where(LegalHold.program_id == program_id, LegalHold.released_at.is_(None))
    return list(session.scalars(query.order_by(LegalHold.id)))


def held(session: Session, program_id: str) -> Held:
    """The program's active holds: a person's hold also covers the conversations of their matches,
    and a match's hold the people in it (names are part of what an investigation needs)."""
    holds = active_holds(session, program_id)
    matches = {h.match_id for h in holds if h.scope == "match" and h.match_id is not None}
    people = {h.person_id for h in holds if h.scope == "person" and h.person_id is not None}
    if matches:
        people |= set(session.scalars(select(MatchMember.person_id).where(MatchMember.match_id.in_(matches))))
    if people:
        query = select(MatchMember.match_id).where(MatchMember.person_id.in_(people))
        matches |= set(session.scalars(query))
    return Held(
        any(h.scope == "program" for h in holds),
        frozenset(matches),
        frozenset(people),  # type: ignore[arg-type]
        tuple(h.id for h in holds),
    )  # type: ignore[misc]


def tables_of(rule: str) -> list[Declared]:
    return [
        d
        for d in governance.personal_tables()
        if d.personal is not None and d.personal.retention == rule and d.personal.scope is not None
    ]


def due(declared: Declared, program_id: str, window: RuleWindow) -> ColumnElement[bool]:
    """The table's rows of the program that the rule erases today, holds not yet considered."""
    spec = declared.personal
    assert spec is not None
    table = declared.table
    if declared.name == "person":
        return _people_due(program_id, window)
    if window.name == "people" and spec.people and not spec.match:
        return _of_people_due(declared, program_id, window)
    written = table.c[spec.written] if spec.written else None
    if written is not None and isinstance(written.type, Date):
        by_time: ColumnElement[bool] = written < window.written_before.date()
    else:
        by_time = written < window.written_before if written is not None else false()
    if window.after != "match_end" or not spec.match:
        return by_time
    ended = select(Match.id).where(
        Match.program_id == program_id, Match.status == "ended", Match.ended_on < window.ended_before
    )
    match_column = table.c[spec.match]
    if declared.name == "match":
        return match_column.in_(ended)
    return or_(match_column.in_(ended), and_(match_column.is_(None), by_time))


def _of_people_due(declared: Declared, program_id: str, window: RuleWindow) -> ColumnElement[bool]:
    """A record about a person (a profile, a form, a training record, a choice) goes with its person:
    the first ``people`` column names whose record it is."""
    from storage.models import Person

    spec = declared.personal
    assert spec is not None
    owner = declared.table.c[spec.people[0]]
    return owner.in_(select(Person.id).where(_people_due(program_id, window)))


def _people_due(program_id: str, window: RuleWindow) -> ColumnElement[bool]:
    """People whose every match ended before the cutoff (people without a match are kept)."""
    from storage.models import Person

    still_on = (
        select(MatchMember.person_id)
        .join(Match, Match.id == MatchMember.match_id)
        .where(
            Match.program_id == program_id,
            or_(Match.status != "ended", Match.ended_on.is_(None), Match.ended_on >= window.ended_before),
        )
    )
    member = (
        select(MatchMember.person_id)
        .join(Match, Match.id == MatchMember.match_id)
        .where(Match.program_id == program_id)
    )
    return and_(Person.id.in_(member), Person.id.not_in(still_on), Person.role.in_(("student", "mentor")))


def not_held(declared: Declared, holds: Held) -> ColumnElement[bool]:
    """Rows no active hold protects (NULL-safe: a row without a match is not "in" a held match)."""
    if holds.program:
        return false()
    spec = declared.personal
    assert spec is not None
    table = declared.table
    keep: list[ColumnElement[bool]] = []

    def among(column_name: str, values: Any) -> None:
        column = table.c[column_name]
        keep.append(and_(column.is_not(None), column.in_(values)))

    if spec.match and holds.matches:
        among(spec.match, holds.matches)
    for column in spec.people:
        if holds.people:
            among(column, holds.people)
    for column, parent_name in spec.follows:
        parent = governance.declared(parent_name)
        if parent.personal is not None and (parent.personal.match or parent.personal.people):
            key = next(iter(parent.table.primary_key.columns))
            among(column, select(key).where(not_(not_held(parent, holds))))
    if spec.chained == "audit":
        subjects = [f"match:{m}" for m in holds.matches] + [f"person:{p}" for p in holds.people]
        if subjects:
            among("subject", subjects)
    return not_(or_(*keep)) if keep else true()


def not_proof(declared: Declared) -> ColumnElement[bool]:
    """The audit trail's proof of erasures, holds and re-anchoring is never aged."""
    if declared.personal is None or declared.personal.chained != "audit":
        return true()
    action = declared.table.c.action
    return and_(*(not_(action.startswith(prefix)) for prefix in PROOF_ACTIONS))


def candidates(declared: Declared, program_id: str, window: RuleWindow) -> ColumnElement[bool]:
    """The table's rows the rule reaches today, before legal holds are considered."""
    condition = and_(due(declared, program_id, window), not_proof(declared))
    spec = declared.personal
    assert spec is not None
    if spec.final_states and spec.state_column:
        condition = and_(condition, declared.table.c[spec.state_column].in_(spec.final_states))
    return condition


def selection(declared: Declared, program_id: str, window: RuleWindow, holds: Held) -> ColumnElement[bool]:
    """Everything ``erase`` needs for one table (besides program and tombstone, which it adds)."""
    return and_(candidates(declared, program_id, window), not_held(declared, holds))


def _live(declared: Declared, program_id: str, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    where = and_(governance.scope_clause(declared, program_id), condition)
    if "erased_by" in declared.table.c:
        where = and_(where, declared.table.c.erased_by.is_(None))
    return where


def any_live(session: Session, declared: Declared, program_id: str, condition: ColumnElement[bool]) -> bool:
    """Is at least one live (not yet erased) row of the program selected?"""
    query = select(literal(1)).select_from(declared.table).where(_live(declared, program_id, condition))
    return session.execute(query.limit(1)).first() is not None


def count(
    session: Session,
    declared: Declared,
    program_id: str,
    condition: ColumnElement[bool],
    kept: ColumnElement[bool] | None = None,
) -> tuple[int, int, object, object]:
    """Of the live rows ``condition`` selects: how many go, how many ``kept`` keeps back (a hold),
    and the oldest/newest written value of those that go. One pass over the table."""
    spec = declared.personal
    assert spec is not None
    goes = not_(kept) if kept is not None else true()
    written = declared.table.c[spec.written] if spec.written else literal(None)
    columns = [
        func.count(),
        func.sum(case((goes, 1), else_=0)),
        func.min(case((goes, written))),
        func.max(case((goes, written))),
    ]
    query = select(*columns).select_from(declared.table).where(_live(declared, program_id, condition))
    total, going, oldest, newest = session.execute(query).one()
    return going or 0, total - (going or 0), oldest, newest
