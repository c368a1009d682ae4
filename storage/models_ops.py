"""Tables of running several processes on one database: which process ran a periodic job, and
the roster's generation counter that tells each process its cached roster facts are current.

No personal data: a job name, its period (a date, say), the process that took it and when; a number.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel

from storage.governance import program_data


@program_data("which process ran a periodic job for a period (no personal data, no program)", scope=None)
class JobClaim(SQLModel, table=True):
    """One run of a periodic job, taken by exactly one process (``storage.job_claims.claim``).

    The primary key is the exactly-once guard: however many replicas tick at the same minute, one
    INSERT wins and that process runs the job for the period.
    """

    __tablename__ = "job_claim"

    job: str = Field(primary_key=True, max_length=80)  # e.g. "setup-check:slack"
    period: str = Field(primary_key=True, max_length=40)  # e.g. "2026-10-13"
    holder: str = Field(max_length=120)  # which process: host, pid
    claimed_at: datetime


@program_data("one counter that every roster change moves (no personal data, no program)", scope=None)
class RosterGeneration(SQLModel, table=True):
    """How many times the roster facts the relay caches have changed (``storage.roster_generation``).

    Triggers on every table those facts come from add one to ``value`` in the transaction that
    changes them, so a process that cached facts at one value knows, by reading this one row, that
    they are still what the database says.
    """

    __tablename__ = "roster_generation"

    id: int = Field(primary_key=True)  # always 1: one row
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
