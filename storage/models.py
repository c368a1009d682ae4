"""SQLModel tables of the core: program, people, matches, channels, the log, outbox, review, audit.

Times are aware UTC everywhere (``storage.clock.utcnow``) so SQLite and PostgreSQL store and hash
them identically. Free-form structures (rule hits, details) are canonical JSON text for the same
reason. Columns that hold what people typed are ``SafeText``/``SafeString``: any string a platform
sends — NUL and lone surrogates included — is stored losslessly (``storage.safe_text``). Personal
data is sealed at rest (``encrypted()``, storage/encryption.py), which escapes the same way first.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint, event
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Field, SQLModel

from storage import blind_index
from storage.chain_format import CONTENT
from storage.encryption import encrypted, keyring_of
from storage.governance import personal, program_data
from storage.safe_text import SafeString


@program_data("the program's own settings (school name, time zone, review channel)", scope="id")
class Program(SQLModel, table=True):
    """One mentoring program (a school's P-TECH career mentoring, say)."""

    id: str = Field(primary_key=True, max_length=64)
    name: str
    timezone: str = "America/New_York"
    policy_file: str | None = None
    review_platform: str | None = None
    review_workspace: str | None = None
    review_channel: str | None = None
    retention_json: str | None = None  # the program file's retention schedule (bot.governance.schedule)
    # issue 12: an urgent alert nobody acknowledged within escalate_after_minutes is e-mailed to
    # this second contact (a coordinator or teacher of the program with an e-mail address)
    escalate_to_id: int | None = Field(default=None, sa_column=Column(  # FK added after both tables
        Integer, ForeignKey("person.id", use_alter=True, name="fk_program_escalate_to_person"),
        nullable=True))
    escalate_after_minutes: int = 30
    # the number a student in danger is told to call (program file ``emergency_line``; NY: 911)
    emergency_line: str = Field(default="911", max_length=32)
    created_at: datetime
    updated_at: datetime


@personal(content=("key", "display_name", "email", "avatar_url", "grade", "consent_received",
                   "consent_recorded_by", "cleared_on", "clearance_expires"),
          retention="people", people=("id",),
          erased_values={"key": "erased-person-{id}", "display_name": "(erased)"})
class Person(SQLModel, table=True):
    """A coordinator, mentor, student or teacher of one program."""

    __table_args__ = (UniqueConstraint("program_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    key: str = Field(max_length=64)  # the roster's id, stable across re-imports
    role: str  # coordinator | mentor | student | teacher
    display_name: str = encrypted()
    email: str | None = encrypted(nullable=True)
    avatar_url: str | None = encrypted(nullable=True)
    grade: int | None = None
    consent_received: date | None = None  # students: permission form on file
    consent_recorded_by: str | None = None
    cleared_on: date | None = None  # mentors: cleared by the program
    clearance_expires: date | None = None  # mentors: the clearance must be renewed by then (issue 14)
    active: bool = True
    erased_by: int | None = None  # the audit event that erased this person's details (retention)


@personal(content=("workspace", "user_id"), scope="person_id>person", people=("person_id",),
          follows=(("person_id", "person"),), erase="delete")
class Identity(SQLModel, table=True):
    """A person's account on one platform workspace."""

    __table_args__ = (UniqueConstraint("platform", "workspace", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    platform: str
    workspace: str
    user_id: str


@personal(content=("key",), retention="people", written="ended_on", match="id",
          erased_values={"key": "erased-match-{id}"})
class Match(SQLModel, table=True):
    """One mentoring relationship or group."""

    __table_args__ = (UniqueConstraint("program_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    key: str = Field(max_length=64)
    model: str  # one-to-one | small-group | team | large-group | peer | e-mentoring
    status: str = "proposed"  # proposed | active | paused | ended
    started_on: date | None = None
    ended_on: date | None = None  # set when the status becomes ended (retention counts from it)
    coordinator_id: int | None = Field(default=None, foreign_key="person.id")
    grade: int | None = None
    prompts_paused: bool = False
    erased_by: int | None = None


@program_data("links a person to a match (ids only)", scope="match_id>match")
class MatchMember(SQLModel, table=True):
    """A person's place in a match (mentor or student)."""

    match_id: int = Field(foreign_key="match.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True)
    role: str  # mentor | student


@program_data("platform channel ids linked to a match", scope="match_id>match")
class SupervisedChannel(SQLModel, table=True):
    """A platform channel a coordinator linked to a match; ``side`` says who sits in it."""

    __table_args__ = (UniqueConstraint("platform", "workspace", "channel"),)

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    platform: str
    workspace: str
    channel: str
    side: str  # mentor | student
    active: bool = True
    linked_at: datetime
    linked_by: str | None = None


@program_data("sequence number and hash of each chain")
class ChainHead(SQLModel, table=True):
    """The last sequence number and hash of one append-only stream of one program.

    Updating this row first in a transaction serializes appends to the stream (a row lock on
    PostgreSQL, the write lock on SQLite), which keeps the chain linear across processes.
    """

    program_id: str = Field(primary_key=True)
    stream: str = Field(primary_key=True)  # message | audit
    last_seq: int = 0
    last_hash: str = ""


@personal(content=CONTENT["message"], retention="messages", written="sent_at", match="match_id",
          people=("sender_person_id",), chained="message", erased_values={"hits_json": "[]"},
          derived=("search_tokens",))
class MessageLog(SQLModel, table=True):
    """Append-only log of every inbound message event, decision and system post.

    Edits and deletions are new rows pointing at ``original_id``. ``row_hash`` chains to the
    previous row of the same program (``storage.chain``).
    """

    __tablename__ = "message_log"
    __table_args__ = (
        UniqueConstraint("program_id", "seq"),
        Index("ix_message_log_match_time", "match_id", "id"),
        Index("ix_message_log_program_id", "program_id", "id"),  # desk search (web_0001 migration)
        Index("ix_message_log_sender_id", "sender_person_id", "id"),  # desk search (web_0001 migration)
        Index("ix_message_log_sender_received", "sender_person_id", "received_at"),  # flood count: relay_0001
        Index("ix_message_log_platform_msg", "platform", "workspace", "channel", "platform_message_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id")
    seq: int
    kind: str  # message | edit | delete | attempt | prompt | nudge
    match_id: int | None = Field(default=None, foreign_key="match.id")
    channel_id: int | None = Field(default=None, foreign_key="supervisedchannel.id")
    platform: str
    workspace: str
    channel: str
    platform_message_id: str
    thread_id: str | None = None
    dedupe_key: str | None = Field(default=None, unique=True)
    original_id: int | None = Field(default=None, foreign_key="message_log.id")
    sender_person_id: int | None = Field(default=None, foreign_key="person.id")
    sender_platform_id: str
    sender_name: str = encrypted()
    sender_role: str | None = None
    text: str = encrypted()
    attachment_count: int = 0
    sent_at: datetime
    received_at: datetime
    decision: str  # allow | hold | block | not_relayed
    alert: bool = False
    hits_json: str = encrypted(default="[]")
    notice: str | None = encrypted(nullable=True)
    # blind-index tokens of ``text`` for the desk search (storage.blind_index); never plaintext
    search_tokens: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    prev_hash: str
    row_hash: str
    content_salt: str | None = None  # the commitment's key; NULL once the content is erased
    commitment: str = ""  # HMAC-SHA-256(content_salt, content): what the chain hashes (chain_format)
    erased_by: int | None = None  # the audit event that erased the content (a tombstone)


def index_log_row(dialect: Any, row: MessageLog) -> None:
    """Give a log row about to be written its blind-index tokens (the ORM hook below and the
    relay's Core insert, ``storage.direct_insert``, both call this)."""
    row.search_tokens = blind_index.row_tokens(keyring_of(dialect), row.program_id, row.kind, row.text)


@event.listens_for(MessageLog, "before_insert")
def _index_new_row(_mapper: Any, connection: Any, row: MessageLog) -> None:
    """Every ORM-written log row gets its blind-index tokens (bulk writes: storage.bulk)."""
    index_log_row(connection.dialect, row)


@event.listens_for(MessageLog, "before_update")
def _reindex_changed_text(_mapper: Any, connection: Any, row: MessageLog) -> None:
    """A text replaced (destroyed under retention, say) takes its old tokens out of the index."""
    if sa_inspect(row).attrs.text.history.has_changes():
        _index_new_row(_mapper, connection, row)


@personal(content=("text", "sender_name", "sender_avatar", "user_id"), retention="outbox",
          written="created_at", follows=(("message_id", "message_log"), ("alert_id", "alert"),
                                         ("review_id", "reviewitem")),
          state_column="state", final_states=("sent", "failed", "cancelled"))
class Delivery(SQLModel, table=True):
    """An outbox row: one thing to do on one platform, drained by the delivery worker.

    ``kind``: relay | notice | review_card | review_update | edit | retract | prompt | nudge |
    pointer. Edits and retractions name the delivery whose platform message they act on in
    ``ref_delivery_id``.
    """

    __table_args__ = (
        Index("ix_delivery_due", "state", "next_attempt_at"),
        Index("ix_delivery_channel_order", "platform", "workspace", "channel", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(unique=True)
    program_id: str | None = Field(default=None, foreign_key="program.id")
    message_id: int | None = Field(default=None, foreign_key="message_log.id", index=True)
    review_id: int | None = Field(default=None, foreign_key="reviewitem.id")
    alert_id: int | None = Field(default=None, foreign_key="alert.id")
    ref_delivery_id: int | None = Field(default=None, foreign_key="delivery.id")
    kind: str
    platform: str
    workspace: str
    channel: str
    user_id: str | None = None  # private notices
    text: str = encrypted()
    sender_name: str | None = encrypted(nullable=True)
    sender_avatar: str | None = None
    thread_id: str | None = None
    state: str = "pending"  # pending | sending | sent | failed | cancelled | parked (waits for its match)
    attempts: int = 0
    next_attempt_at: datetime
    lease_until: datetime | None = None
    last_error: str | None = Field(default=None, sa_type=SafeString)
    platform_message_id: str | None = None
    created_at: datetime
    sent_at: datetime | None = None
    erased_by: int | None = None


@personal(content=("note", "decided_by", "override_reason"), written="created_at", match="match_id",
          follows=(("message_id", "message_log"),), anchored=True)
class ReviewItem(SQLModel, table=True):
    """A held message waiting for a coordinator (or for quiet hours to end)."""

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    message_id: int = Field(foreign_key="message_log.id", unique=True)
    match_id: int | None = Field(default=None, foreign_key="match.id")
    reason: str  # comma-separated rule ids, for listing
    state: str = "open"  # open | approved | approved_redacted | rejected | released | superseded
    release_at: datetime | None = None  # quiet-hours holds release themselves
    created_at: datetime
    decided_at: datetime | None = None
    decided_by: str | None = None
    note: str | None = encrypted(nullable=True)
    gates: str = ""  # comma-separated program gates still holding it (bot.relay.gates.GATES)
    override_gates: str | None = None  # the gates a coordinator overrode, comma-separated
    override_reason: str | None = encrypted(nullable=True)  # their reason (also audited)
    content_salt: str | None = None  # key of its anchors in the audit chain; NULL once erased
    erased_by: int | None = None


@personal(content=("summary", "acknowledged_by", "action_taken"), retention="alerts",
          written="created_at", match="match_id", anchored=True)
class Alert(SQLModel, table=True):
    """Something a coordinator must know at once."""

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    kind: str  # safeguarding | stranger | concern | delivery_failure | unsafe_setup | policy
    urgent: bool = False
    message_id: int | None = Field(default=None, foreign_key="message_log.id")
    match_id: int | None = Field(default=None, foreign_key="match.id")
    summary: str = encrypted()
    created_at: datetime
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    action_taken: str | None = encrypted(nullable=True)
    content_salt: str | None = None  # key of its anchors in the audit chain; NULL once erased
    erased_by: int | None = None


@personal(content=CONTENT["audit"], retention="access_log", written="at", chained="audit",
          erased_values={"detail_json": "{}"})
class AuditEvent(SQLModel, table=True):
    """A coordinator or system action (reads included), chained like the message log."""

    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("program_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    seq: int
    actor: str
    action: str  # transcript.read | transcript.export | review.approve | match.pause | ...
    target: str = ""
    rows: int = 0
    detail_json: str = encrypted(default="{}")
    at: datetime
    subject: str | None = Field(default=None, index=True)  # "reviewitem:12", "erasure:messages"
    anchor: str | None = None  # the subject's state commitment after this action (chain_format.anchor)
    prev_hash: str
    row_hash: str
    content_salt: str | None = None
    commitment: str = ""
    erased_by: int | None = None


@personal(content=("text", "user_id"), scope=None, written="received_at",
          erase="delete")  # no program: aged by the UNROUTED_RETENTION_DAYS setting
class UnroutedEvent(SQLModel, table=True):
    """A message from someone no program knows, outside any supervised channel (kept, not relayed)."""

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True)
    platform: str
    workspace: str
    channel: str
    user_id: str
    text: str = encrypted()
    is_direct: bool = False
    received_at: datetime
