"""E-mail to coordinators (issue 12 item 3): urgent alerts, their escalation, the weekly digest.

Each row is one message to one address, written before anything is sent, so a failing SMTP
server delays an e-mail but never loses it (retried with back-off, the state shown in the desk).
``key`` keeps each (purpose, alert or digest, recipient) to one row however often the planner runs;
it names the recipient by person id, so it holds no personal data (the address is sealed).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal


@personal(content=("key", "to_address", "to_name", "subject", "body", "last_error"), retention="outbox",
          written="created_at", follows=(("alert_id", "alert"),), state_column="state",
          final_states=("sent", "failed"), erased_values={"key": "erased-mail-{id}"})
class MailMessage(SQLModel, table=True):
    """One e-mail to one person: pending until the SMTP server took it, failed after the last try."""

    __tablename__ = "mail_message"
    __table_args__ = (Index("ix_mail_message_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)  # purpose:alert-or-digest:person-<id> (bot.mail.plan)
    program_id: str = Field(foreign_key="program.id", index=True)
    purpose: str  # alert | escalation | digest
    alert_id: int | None = Field(default=None, foreign_key="alert.id", index=True)
    digest_week: date | None = None
    to_address: str = encrypted()
    to_name: str = encrypted(default="")
    subject: str = encrypted()
    body: str = encrypted()  # personal data: names, alert summary
    state: str = "pending"  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime
    last_error: str | None = None
    created_at: datetime
    sent_at: datetime | None = None
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)
