"""Retention runs: what each program's schedule erases today, reported before it is done.

``plan`` counts (the dry run: per rule and table, how many rows, from when to when, how many a
legal hold keeps back, and what goes with them). ``apply`` erases, one rule of one program per
transaction, through the one deletion function (``storage.erasure.erase``), leaving tombstones.
The running bot applies every program's schedule daily (``bot.scheduler``); coordinators run
``mentorbot retention run --dry-run`` / ``--apply``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, and_, not_, select
from sqlmodel import Session

from bot.governance.schedule import Cutoff, Rule, Schedule
from storage import erasure, governance, repo, retention_repo
from storage.models import Program, UnroutedEvent
from storage.retention_repo import Held, RuleWindow

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class TableCount:
    table: str
    rows: int
    held_back: int = 0
    oldest: object = None
    newest: object = None
    follows: bool = False  # erased because the row it points at is


@dataclass(slots=True)
class RulePlan:
    rule: Rule
    cutoff: Cutoff
    tables: list[TableCount] = field(default_factory=list)
    erased: dict[str, int] = field(default_factory=dict)  # after apply

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


@dataclass(slots=True)
class ProgramPlan:
    program_id: str
    schedule: Schedule | None
    holds: list[str] = field(default_factory=list)
    program_held: bool = False
    rules: list[RulePlan] = field(default_factory=list)


def _window(cutoff: Cutoff) -> RuleWindow:
    return RuleWindow(cutoff.rule.name, cutoff.rule.after, cutoff.written_before, cutoff.ended_before)


def plan_program(session: Session, program: Program, now: datetime) -> ProgramPlan:
    """What the program's schedule erases at ``now`` (counts only; nothing changes)."""
    schedule = Schedule.from_json(program.retention_json)
    plan = ProgramPlan(program.id, schedule)
    holds = retention_repo.held(session, program.id)
    plan.program_held = holds.program
    plan.holds = [f"#{h.id} ({h.scope})" for h in retention_repo.active_holds(session, program.id)]
    if schedule is None:
        return plan
    today = now.astimezone(ZoneInfo(program.timezone)).date()
    for cutoff in schedule.cutoffs(today, program.timezone):
        plan.rules.append(_plan_rule(session, program.id, cutoff, holds))
    return plan


def _plan_rule(session: Session, program_id: str, cutoff: Cutoff, holds: Held) -> RulePlan:
    window, out = _window(cutoff), RulePlan(cutoff.rule, cutoff)
    chosen = {}
    for declared in retention_repo.tables_of(cutoff.rule.name):
        reached = retention_repo.candidates(declared, program_id, window)
        free = retention_repo.not_held(declared, holds)
        rows, held_back, oldest, newest = retention_repo.count(
            session, declared, program_id, reached, not_(free)
        )
        out.tables.append(TableCount(declared.name, rows, held_back, oldest, newest))
        chosen[declared.name] = and_(reached, free)
    for declared in governance.personal_tables():
        condition = _follower_condition(declared, program_id, chosen)
        if condition is not None and declared.name not in chosen:
            rows = retention_repo.count(session, declared, program_id, condition)[0]
            if rows:
                out.tables.append(TableCount(declared.name, rows, follows=True))
    return out


def _follower_condition(declared: governance.Declared, program_id: str, chosen: dict) -> object | None:  # type: ignore[type-arg]
    spec = declared.personal
    assert spec is not None
    parts = []
    for column, parent_name in spec.follows:
        if parent_name in chosen:
            parent = governance.declared(parent_name)
            key = next(iter(parent.table.primary_key.columns))
            parent_rows = select(key).where(
                governance.scope_clause(parent, program_id),
                chosen[parent_name],
                parent.table.c.erased_by.is_(None) if "erased_by" in parent.table.c else key.is_not(None),
            )
            parts.append(declared.table.c[column].in_(parent_rows))
    if not parts:
        return None
    from sqlalchemy import or_

    condition = or_(*parts)
    if spec.final_states and spec.state_column:
        condition = and_(condition, declared.table.c[spec.state_column].in_(spec.final_states))
    return condition


def apply_program(engine: Engine, program_id: str, *, actor: str, now: datetime) -> ProgramPlan:
    """Erase what the schedule reaches, one rule per transaction; the plan with ``erased`` filled.

    Counts nothing first (the dry run is the report): each rule with at least one row due is
    erased, and ``erased`` says how many rows of each table went.
    """
    with Session(engine) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise LookupError(f"no program '{program_id}'")
        schedule = Schedule.from_json(program.retention_json)
        plan = ProgramPlan(program_id, schedule)
        plan.holds = [f"#{h.id} ({h.scope})" for h in retention_repo.active_holds(session, program_id)]
        today = now.astimezone(ZoneInfo(program.timezone)).date()
        cutoffs = schedule.cutoffs(today, program.timezone) if schedule else []
    for cutoff in cutoffs:
        rule_plan = RulePlan(cutoff.rule, cutoff)
        plan.rules.append(rule_plan)
        with Session(engine) as session:
            holds = retention_repo.held(session, program_id)  # read in the erasing transaction
            plan.program_held = holds.program
            window = _window(cutoff)
            selection = {
                d.name: retention_repo.selection(d, program_id, window, holds)
                for d in retention_repo.tables_of(cutoff.rule.name)
            }
            if not any(
                retention_repo.any_live(session, governance.declared(name), program_id, condition)
                for name, condition in selection.items()
            ):
                continue
            result = erasure.erase(
                session,
                program_id=program_id,
                selection=selection,
                rule=cutoff.rule.name,
                actor=actor,
                at=now,
                detail={
                    "rule": cutoff.rule.describe(),
                    "written_before": cutoff.written_before.isoformat(),
                    "holds": list(holds.hold_ids),
                },
            )
            session.commit()
        rule_plan.erased = result.rows
        logger.info("retention %s/%s: erased %s", program_id, cutoff.rule.name, result.rows)
    return plan


def plan_all(engine: Engine, now: datetime, program_id: str | None = None) -> list[ProgramPlan]:
    with Session(engine) as session:
        programs = [p for p in repo.programs(session) if program_id in (None, p.id)]
        if program_id is not None and not programs:
            raise LookupError(f"no program '{program_id}'")
        return [plan_program(session, program, now) for program in programs]


def apply_all(
    engine: Engine,
    *,
    actor: str,
    now: datetime,
    program_id: str | None = None,
    unrouted_days: int | None = None,
) -> tuple[list[ProgramPlan], int]:
    """Apply every program's schedule (or one); also delete messages from unknown people older than
    ``unrouted_days``. Returns the plans and how many unrouted messages were deleted."""
    with Session(engine) as session:
        ids = [p.id for p in repo.programs(session) if program_id in (None, p.id)]
    if program_id is not None and not ids:
        raise LookupError(f"no program '{program_id}'")
    plans = [apply_program(engine, pid, actor=actor, now=now) for pid in ids]
    unrouted = 0
    if unrouted_days is not None and program_id is None:
        unrouted = sweep_unrouted(engine, now - timedelta(days=unrouted_days))
    return plans, unrouted


def count_unrouted(engine: Engine, before: datetime) -> int:
    from sqlalchemy import func

    with Session(engine) as session:
        return session.execute(
            select(func.count()).select_from(UnroutedEvent).where(UnroutedEvent.received_at < before)
        ).scalar_one()


def sweep_unrouted(engine: Engine, before: datetime) -> int:
    """Messages from people no program knows (kept only to explain a pointer) older than ``before``."""
    with Session(engine) as session:
        result = erasure.erase(
            session,
            program_id=None,
            rule="unrouted",
            actor="retention",
            at=before,
            selection={"unroutedevent": UnroutedEvent.received_at < before},
        )
        session.commit()
    return result.total
