"""Import a topic calendar into a program (all or nothing) and lay out the term at a glance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, delete
from sqlmodel import Session

from bot.prompts.calendar import Calendar, CalendarError, CalendarProblem, load_calendar
from bot.prompts.compose import WeekPrompt
from bot.prompts.plan import Skip, choose, load_matches, program_topics
from bot.prompts.schedule import Schedule, load_schedule
from storage import audit, repo
from storage.models import Program
from storage.models_prompts import Topic


@dataclass(frozen=True, slots=True)
class TopicImport:
    program_id: str
    calendar: str
    weeks: int
    skips: int
    replaced: int
    first: date | None
    last: date | None


def resolve_program(session: Session, wanted: str | None) -> Program:
    """The program named, or the only one there is."""
    if wanted:
        program = session.get(Program, wanted)
        if program is None:
            raise LookupError(
                f"no program '{wanted}' (import its roster first: mentorbot program import FILE)"
            )
        return program
    programs = repo.programs(session)
    if len(programs) == 1:
        return programs[0]
    if not programs:
        raise LookupError("no program yet: import a roster first (mentorbot program import FILE)")
    raise LookupError("several programs; say which with --program: " + ", ".join(p.id for p in programs))


def import_topics(
    engine: Engine,
    path: str | Path,
    *,
    clock: Callable[[], datetime],
    actor: str,
    program_id: str | None = None,
    calendar_name: str | None = None,
) -> TopicImport:
    """Validate the file, then replace the program's rows from the same calendar in one transaction."""
    calendar: Calendar = load_calendar(path)
    now = clock()
    with Session(engine) as session:
        wanted = program_id or calendar.program
        try:
            program = resolve_program(session, wanted)
        except LookupError as error:
            raise CalendarError([CalendarProblem(1, str(error))], path=str(path)) from error
        name = calendar_name or calendar.name
        program_key = program.id
        replaced = _replace_rows(session, program.id, name, calendar, now)
        audit.record(
            session,
            program_id=program.id,
            actor=actor,
            action="topics.import",
            at=now,
            target=f"calendar:{name}",
            rows=len(calendar.rows),
            detail={"file": str(path)},
        )
        session.commit()
    starts = [r.start for r in calendar.rows]
    return TopicImport(
        program_id=program_key,
        calendar=name,
        weeks=sum(1 for r in calendar.rows if not r.skip),
        skips=sum(1 for r in calendar.rows if r.skip),
        replaced=replaced or 0,
        first=min(starts) if starts else None,
        last=max(r.end for r in calendar.rows) if calendar.rows else None,
    )


def _replace_rows(session: Session, program_id: str, name: str, calendar: Calendar, now: datetime) -> int:
    """The calendar's rows instead of those imported earlier from the same calendar; how many went."""
    replaced = session.execute(
        delete(Topic).where(Topic.program_id == program_id, Topic.calendar == name)  # type: ignore[arg-type]
    ).rowcount
    for row in calendar.rows:
        session.add(
            Topic(
                program_id=program_id,
                calendar=name,
                line=row.line,
                start_on=row.start,
                end_on=row.end,
                course=row.course,
                topic=row.topic,
                skill=row.skill,
                prompt=row.prompt,
                follow_up=row.follow_up,
                reflection=row.reflection,
                grades=",".join(str(g) for g in row.grades),
                skip=row.skip is not None,
                skip_reason=row.skip,
                imported_at=now,
            )
        )
    return replaced or 0


@dataclass(frozen=True, slots=True)
class TermWeek:
    week_start: date
    post_day: date
    by_grade: dict[int | None, WeekPrompt | Skip]
    in_term: bool


def term_overview(
    engine: Engine, program_id: str | None = None, *, start: date | None = None, end: date | None = None
) -> tuple[Program, Schedule, list[TermWeek]]:
    """Every week of the term and what each grade of the program's matches gets."""
    with Session(engine) as session:
        program = resolve_program(session, program_id)
        schedule = load_schedule(session, program)
        topics = program_topics(session, program.id)
        grades = sorted(
            {m.grade for m in load_matches(session, program.id, statuses=("active", "paused"))},
            key=lambda g: (g is None, g or 0),
        ) or [None]
    first = start or schedule.term_start or (min(t.start_on for t in topics) if topics else None)
    last = end or schedule.term_end or (max(t.end_on for t in topics) if topics else None)
    if first is None or last is None:
        return program, schedule, []
    week = first - timedelta(days=first.weekday())
    weeks = []
    while week <= last and len(weeks) < 60:
        weeks.append(
            TermWeek(
                week,
                schedule.post_day(week),
                {g: choose(topics, week, g) for g in grades},
                schedule.in_term(schedule.post_day(week)),
            )
        )
        week += timedelta(days=7)
    return program, schedule, weeks
