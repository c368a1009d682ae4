"""At most once per period across processes: the guard for periodic jobs when replicas share a database.

APScheduler 3.x runs a job in every process that schedules it (scheduling-facts.md), so a job that
must not run twice — the daily set-up check today, backups or retention tomorrow — first claims its
period here. The INSERT that wins is the one process that runs it; the others skip.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, delete
from sqlmodel import Session

from storage.bulk import insert_ignore
from storage.models_ops import JobClaim


def claim(engine: Engine, job: str, period: str, *, holder: str, now: datetime) -> bool:
    """True for the one process that takes ``job`` for ``period``; False for every other."""
    with Session(engine) as session:
        statement = insert_ignore(session, JobClaim.__table__, index=["job", "period"])  # type: ignore[attr-defined]
        taken = session.execute(statement.values(job=job, period=period, holder=holder, claimed_at=now))
        session.commit()
        return bool(taken.rowcount)


def forget_before(engine: Engine, moment: datetime, *, keep: timedelta = timedelta(days=30)) -> int:
    """Drop claims older than ``keep`` before ``moment`` (they only guard their own period)."""
    with Session(engine) as session:
        gone = session.execute(delete(JobClaim).where(JobClaim.claimed_at < moment - keep))  # type: ignore[arg-type]
        session.commit()
        return gone.rowcount or 0
