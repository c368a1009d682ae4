"""The scheduler, owned by the app's lifecycle (STYLE.md point 9): a few thin jobs over core use cases.

Design (facts: /work/shared/notes/scheduling-facts.md, APScheduler 3.11):

- ONE job, every minute, calls ``core.post_due_prompts()`` (prompts, then digests). The
  database decides what is due (each program's weekday, local time, timezone, grace window) and
  holds the exactly-once keys, so there is one job however many programs and matches there are;
  a schedule changed from the CLI by another process takes effect at the next minute with no job
  to re-add (``add_job(replace_existing=True)`` at start-up silently drops a run missed while the
  process was down); and a restart catches up by itself because the first tick runs at start.
- Memory job store on purpose: a persistent job store does not stop two processes firing the same
  job (3.x has no cross-process lock), and nothing here needs to survive a restart.
- ``coalesce=True``, ``max_instances=1``: a tick delayed by a busy loop runs once, never twice
  side by side. ``misfire_grace_time`` only decides whether a late *tick* still runs; the grace
  window of a *post* is the program's own setting, checked by the core.
- Hourly nudge check; daily unsafe set-up check (``core.check_all_channels``), claimed per day in
  the database so that replicas split it instead of each checking (and alerting) everything; every
  five minutes the program year's job (meet-and-greets open and close on time, renewal reminders,
  notices past their last day: ``core.year_tick``); daily data care (``core.daily_data_care``: each
  program's retention schedule, then the chain heads published; one replica per day).
- The program year's posts and records (issue 14): every minute, expectations for matches that
  started and the terms' due check-ins; hourly, reminders before forms, training or clearance expire.

Each job is one line over a use case of ``bot.use_cases.Core``, which runs the transaction off
the loop and wakes the delivery worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

if TYPE_CHECKING:
    from bot.use_cases import Core

logger = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 50}


async def prompts_tick(core: Core) -> None:
    """Every minute: post due prompts and digests (idempotent; the database decides)."""
    await core.post_due_prompts()


async def nudges_tick(core: Core) -> None:
    await core.nudge_quiet_matches()


async def year_posts_tick(core: Core) -> None:
    """Every minute: expectations for matches that started, due term check-ins (issue 14)."""
    await core.post_year_posts()


async def expiry_tick(core: Core) -> None:
    """Hourly: reminders before permission forms, training or clearance expire (issue 14)."""
    await core.remind_expiring()


async def setup_check(core: Core) -> None:
    """Daily; with replicas, each set of channels is checked by the one replica that claims the day."""
    await core.check_all_channels(once_per=f"{datetime.now(UTC):%Y-%m-%d}")


async def data_care(core: Core) -> None:
    """Daily: retention, then the chain heads published, by the one replica that claims the day."""
    await core.daily_data_care(once_per=f"{datetime.now(UTC):%Y-%m-%d}")


async def year_tick(core: Core) -> None:
    """Every 5 minutes: meet-and-greets open and close, choosing opens after them, renewal reminders, notices
    past their last day (idempotent; the database decides)."""
    await core.year_tick()


async def backup(core: Core) -> None:
    """Daily: a backup, then old backups aged out; a failure is logged for the operator, not raised."""
    try:
        await core.back_up(once_per=f"{datetime.now(UTC):%Y-%m-%d}")
    except Exception:  # noqa: BLE001 - the next day's run tries again; the log says why this one failed
        logger.exception("the daily backup failed")


@dataclass
class SchedulerHandle:
    """Start and stop the jobs with the app (``MentorBot.start``/``stop``)."""

    scheduler: AsyncIOScheduler

    def start(self) -> None:
        if not self.scheduler.running:
            self.scheduler.start()
            logger.info("scheduler started: %s", ", ".join(job.id for job in self.scheduler.get_jobs()))

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)


def attach_scheduler(core: Core) -> SchedulerHandle:
    """Build the app's scheduler (not started). Must be started inside the running event loop."""
    scheduler = AsyncIOScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
    # the first tick runs at once: a post missed while the process was down goes out on restart
    scheduler.add_job(
        prompts_tick,
        CronTrigger(second=0, timezone=UTC),
        args=[core],
        id="prompts",
        next_run_time=datetime.now(UTC),
    )
    scheduler.add_job(nudges_tick, CronTrigger(minute=17, timezone=UTC), args=[core], id="nudges")
    scheduler.add_job(year_posts_tick, CronTrigger(second=30, timezone=UTC), args=[core], id="year-posts",
                      next_run_time=datetime.now(UTC))
    scheduler.add_job(expiry_tick, CronTrigger(minute=29, timezone=UTC), args=[core], id="expiry")
    daily = CronTrigger(hour=11, minute=5, timezone=UTC)
    scheduler.add_job(setup_check, daily, args=[core], id="setup-check")
    # retention, then the chain heads (issue 15); 06:30 UTC is before any US school day starts
    scheduler.add_job(data_care, CronTrigger(hour=6, minute=30, timezone=UTC), args=[core], id="data-care")
    # every 5 minutes: a meet-and-greet opens within 5 minutes of its time
    scheduler.add_job(year_tick, CronTrigger(minute="*/5", timezone=UTC), args=[core], id="program-year")
    # with replicas, the one that claims the day backs up (docs/data-protection.md: where BACKUP_DIR lives)
    if core.settings.backup_daily_at:
        hour, minute = (int(part) for part in core.settings.backup_daily_at.split(":"))
        at = CronTrigger(hour=hour, minute=minute, timezone=UTC)
        scheduler.add_job(backup, at, args=[core], id="backup")
    return SchedulerHandle(scheduler)
