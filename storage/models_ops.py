"""Tables of running several processes on one database: which process ran a periodic job.

No personal data: a job name, its period (a date, say), the process that took it and when.
"""

from __future__ import annotations

from datetime import datetime

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
