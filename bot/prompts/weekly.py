"""The weekly post: which programs are due now, and posting each match's prompt exactly once.

``post_due_prompts(engine, now)`` is what the scheduler calls every minute; it is idempotent, so
calling it twice, from two processes, or again after a restart changes nothing. The guard is the
UNIQUE (program, match, week) key of ``prompt_post``: log and outbox rows are written only for
the rows this transaction inserted, in the same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.prompts.plan import PlannedPost, plan_week
from bot.prompts.schedule import LATE_AFTER, Schedule, schedules
from bot.year import reflection_posts
from storage import outbox, prompt_repo
from storage.bulk import paused_gc
from storage.chain_bulk import append_log_rows, lock_head
from storage.clock import as_utc

logger = logging.getLogger(__name__)

LOOKBACK_WEEKS = 4  # how far back a restart looks for weeks that were missed entirely
DECIDED = ("post", "skip", "no-channels")


@dataclass(slots=True)
class WeekResult:
    """What one call did for one program and week."""

    program_id: str
    week_start: date
    posted: int = 0
    skipped: int = 0
    missed: int = 0
    already: int = 0  # matches that already had their row for the week (another process, a restart)
    deliveries: int = 0
    late: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TickReport:
    results: list[WeekResult] = field(default_factory=list)

    @property
    def deliveries(self) -> int:
        return sum(r.deliveries for r in self.results)


def post_due_prompts(engine: Engine, now: datetime, *, program_id: str | None = None) -> TickReport:
    """Post every program's prompt whose time has come (within its grace window); record missed weeks."""
    now = as_utc(now)
    report = TickReport()
    for _program, schedule in schedules(engine, program_id):
        if not schedule.enabled:
            continue
        week = schedule.latest_week(now)
        start, end = schedule.window(week)
        if start <= now <= end and schedule.in_term(schedule.post_day(week)):
            result = post_week(engine, schedule, week, now, via="schedule")
            if result.posted or result.skipped:
                report.results.append(result)
            week -= timedelta(days=7)  # the current week is handled; look for missed ones before it
        for missed_week in _missed_weeks(engine, schedule, week, now):
            report.results.append(record_missed(engine, schedule, missed_week, now))
    return report


def send_now(
    engine: Engine, program_id: str, now: datetime, *, match_keys: list[str] | None = None
) -> WeekResult:
    """Post this week's prompt now to every match that has not had it (a missed week included)."""
    now = as_utc(now)
    for _program, schedule in schedules(engine, program_id):
        return post_week(engine, schedule, schedule.week_of(now), now, via="send-now", keys=match_keys)
    raise LookupError(f"no program '{program_id}'")


def post_week(
    engine: Engine, schedule: Schedule, week: date, now: datetime, *, via: str, keys: list[str] | None = None
) -> WeekResult:
    """Decide and post one week for one program in ONE transaction (exactly once per match)."""
    result = WeekResult(schedule.program_id, week)
    scheduled_for = schedule.post_at(week) if via == "schedule" else now
    late = via == "schedule" and now - scheduled_for > LATE_AFTER
    if via == "schedule" and not keys and _undecided(engine, schedule.program_id, week) == 0:
        return result  # the common case, every minute of the grace window: nothing left, no lock taken
    with paused_gc(), Session(engine) as session:
        head = lock_head(session, schedule.program_id)  # serializes posting per program, like chain.append
        plan = plan_week(session, schedule, week, keys=keys)
        decided = [p for p in plan if p.status in DECIDED]
        rows = [_post_row(p) for p in decided]
        common = _post_common(schedule.program_id, week, via, scheduled_for, now, late)
        inserted = prompt_repo.insert_posts(session, rows, common)
        if via == "send-now":
            inserted |= prompt_repo.upgrade_missed(
                session, schedule.program_id, week, now, [p.match.id for p in decided if p.status == "post"]
            )
        to_post = [p for p in decided if p.status == "post" and p.match.id in inserted]
        result.skipped = sum(1 for p in decided if p.status != "post" and p.match.id in inserted)
        result.already = len(decided) - len(inserted)
        asks = reflection_posts.plan_reflections(session, schedule.program_id, to_post)  # issue 14
        ids = append_log_rows(
            session,
            head,
            [_log_row(p, schedule.program_id, week) for p in to_post]
            + [reflection_posts.log_row(r, schedule.program_id, week) for r in asks],
            common=_log_common(schedule.program_id, week, now),
        )
        ids, ask_ids = ids[:len(to_post)], ids[len(to_post):]
        flat = _delivery_rows(to_post, ids, schedule.program_id, week)
        flat += reflection_posts.delivery_rows(asks, ask_ids, schedule.program_id, week)
        reflection_posts.record(session, asks, ask_ids, schedule.program_id, week, now)
        shared = outbox.shared_columns("prompt", program_id=schedule.program_id, now=now,
                                       sender_name="mentorbot")
        outbox.insert_batch(session, flat, shared=shared)
        session.commit()
    result.posted, result.deliveries, result.late = len(to_post), len(flat), late and bool(to_post)
    if to_post:
        logger.info(
            "=> prompts for %s week of %s: %d matches, %d deliveries%s",
            schedule.program_id,
            week,
            len(to_post),
            len(flat),
            " (late)" if result.late else "",
        )
    return result


def record_missed(engine: Engine, schedule: Schedule, week: date, now: datetime) -> WeekResult:
    """The grace window closed with nobody posting (mentorbot was down): say so, post nothing."""
    result = WeekResult(schedule.program_id, week)
    with Session(engine) as session:
        plan = [p for p in plan_week(session, schedule, week) if p.status in DECIDED]
        rows = [_post_row(p, status="missed" if p.status == "post" else "skipped") for p in plan]
        common = _post_common(schedule.program_id, week, "schedule", schedule.post_at(week), now, True)
        result.missed = len(prompt_repo.insert_posts(session, rows, common))
        session.commit()
    if result.missed:
        logger.warning(
            "prompts of %s for the week of %s were missed (mentorbot was not running in the "
            "grace window); reported in the digest",
            schedule.program_id,
            week,
        )
    return result


# -- helpers ---------------------------------------------------------------------------------------


def _undecided(engine: Engine, program_id: str, week: date) -> int:
    with Session(engine) as session:
        return prompt_repo.undecided_count(session, program_id, week)


def _missed_weeks(engine: Engine, schedule: Schedule, before: date, now: datetime) -> list[date]:
    weeks = [before - timedelta(days=7 * i) for i in range(LOOKBACK_WEEKS)]
    weeks = [
        w
        for w in weeks
        if schedule.window(w)[1] < now
        and schedule.in_term(schedule.post_day(w))
        and (schedule.since is None or schedule.post_at(w) >= schedule.since)
    ]
    if not weeks:
        return []
    with Session(engine) as session:
        seen = prompt_repo.decided_weeks(session, schedule.program_id, weeks)
        if len(seen) == len(weeks):
            return []
        active = prompt_repo.active_match_count(session, schedule.program_id)
    return sorted(w for w in weeks if w not in seen) if active else []


def _post_common(
    program_id: str, week: date, via: str, scheduled_for: datetime, now: datetime, late: bool
) -> dict:  # type: ignore[type-arg]
    return {
        "program_id": program_id,
        "week_start": week,
        "via": via,
        "scheduled_for": scheduled_for,
        "decided_at": now,
        "late": late,
    }


def _post_row(p: PlannedPost, *, status: str | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "match_id": p.match.id,
        "status": status or ("posted" if p.status == "post" else "skipped"),
        "source": p.source,
        "topic_id": p.topic_id,
        "reason": p.reason,
    }


def _log_common(program_id: str, week: date, now: datetime) -> dict:  # type: ignore[type-arg]
    """The message_log values every prompt of the week shares."""
    return {
        "program_id": program_id,
        "kind": "prompt",
        "platform": "mentorbot",
        "workspace": program_id,
        "platform_message_id": f"prompt:{week}",
        "sender_platform_id": "mentorbot",
        "sender_name": "mentorbot",
        "sender_role": "system",
        "sent_at": now,
        "received_at": now,
        "decision": "allow",
    }


def _log_row(p: PlannedPost, program_id: str, week: date) -> dict:  # type: ignore[type-arg]
    return {
        "match_id": p.match.id,
        "channel": p.match.key,
        "dedupe_key": f"prompt:{program_id}:{p.match.id}:{week}",
        "text": p.text,
    }


def _delivery_rows(
    posts: list[PlannedPost], message_ids: list[int], program_id: str, week: date
) -> list[dict]:  # type: ignore[type-arg]
    """``outbox.own_columns`` of one row per supervised channel of each post (``shared_columns`` has
    the rest); idempotency key ``prompt:<program>:<match>:<week>:<channel>``."""
    prefix, suffix = f"prompt:{program_id}:", f":{week}:"
    own = outbox.own_columns
    return [
        own(key=f"{prefix}{p.match.id}{suffix}{ref}", channel=ref, text=p.text, message_id=message_id)
        for p, message_id in zip(posts, message_ids, strict=True)
        for _id, ref in p.match.channels
    ]
