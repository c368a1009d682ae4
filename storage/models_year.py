"""Tables of the program year (issue 14): expectations, term check-ins, reflections and skills,
mentor feedback, logged activities, training and consent records, expiry reminders.

Every table with personal data carries ``program_id`` (DATA-CONTRACT.md point 3); personal free
text lives in columns whose names end in ``_text``, stored losslessly whatever a platform sent
(``storage.safe_text.SafeText``). Unique keys are the exactly-once guards: an
expectations post or a check-in post exists once per match, an acknowledgement once per person
and template version, a reminder once per item and stage.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal, program_data
from storage.safe_text import SafeText


@program_data("the program's year settings (reflection mode, skills, reminder days)")
class YearSettings(SQLModel, table=True):
    """A program's choices for the year (a program without a row gets the defaults)."""

    __tablename__ = "year_settings"

    program_id: str = Field(primary_key=True, foreign_key="program.id", max_length=64)
    reflection_mode: str = "private"  # private (to the coordinator only) | channel (shared, policed)
    skills: str = Field(default="", sa_column=Column(Text, nullable=False))  # one per line; "" = defaults
    skill_scale: int = 4  # ratings run 1..skill_scale
    expiry_warning_days: int = 30  # remind the coordinator this long before a form/training expires
    checkin_after_days: int = 14  # a match younger than this skips the term's check-in
    updated_at: datetime
    updated_by: str = ""


@program_data("the program's expectations text, by version")
class ExpectationsTemplate(SQLModel, table=True):
    """One version of a program's expectations (the newest is posted to matches that start)."""

    __tablename__ = "expectations_template"
    __table_args__ = (UniqueConstraint("program_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    version: int
    body_text: str = Field(sa_column=Column(SafeText, nullable=False))
    created_at: datetime
    created_by: str


@program_data("which expectations version was posted to a match (ids, time)")
class ExpectationsPost(SQLModel, table=True):
    """The expectations posted to a match's channels (once per match and version)."""

    __tablename__ = "expectations_post"
    __table_args__ = (UniqueConstraint("match_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    match_id: int = Field(foreign_key="match.id")
    version: int
    message_id: int | None = Field(default=None, foreign_key="message_log.id")
    posted_at: datetime


@personal(content=("via", "recorded_by"), retention="people", written="acknowledged_at", match="match_id",
          people=("person_id",), follows=(("person_id", "person"),), erase="delete")
class ExpectationsAck(SQLModel, table=True):
    """A mentor or student acknowledging the expectations of their match (who, when, how)."""

    __tablename__ = "expectations_ack"
    __table_args__ = (UniqueConstraint("match_id", "person_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    match_id: int = Field(foreign_key="match.id")
    person_id: int = Field(foreign_key="person.id")
    version: int
    acknowledged_at: datetime
    via: str  # the platform (slack | discord | console) or "paper" (recorded in the desk/CLI)
    recorded_by: str | None = None  # a coordinator who recorded a paper acknowledgement


@program_data("the program's terms and check-in days")
class ProgramTerm(SQLModel, table=True):
    """A term of the school year; each gets one expectations check-in."""

    __tablename__ = "program_term"
    __table_args__ = (UniqueConstraint("program_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    name: str = Field(max_length=64)
    starts_on: date
    ends_on: date
    checkin_on: date  # the check-in goes out at the prompt time of this day


@program_data("which term's check-in was posted to a match (ids, time)")
class CheckinPost(SQLModel, table=True):
    """The term's check-in posted to one match (once)."""

    __tablename__ = "checkin_post"
    __table_args__ = (UniqueConstraint("term_id", "match_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    term_id: int = Field(foreign_key="program_term.id")
    match_id: int = Field(foreign_key="match.id")
    message_id: int | None = Field(default=None, foreign_key="message_log.id")
    posted_at: datetime


@personal(content=("answer", "note_text"), retention="messages", written="answered_at", match="match_id",
          people=("person_id",), erase="delete")
class CheckinAnswer(SQLModel, table=True):
    """Whether expectations are being met, from one side of a match, for one term (latest answer)."""

    __tablename__ = "checkin_answer"
    __table_args__ = (UniqueConstraint("term_id", "match_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    term_id: int = Field(foreign_key="program_term.id")
    match_id: int = Field(foreign_key="match.id")
    person_id: int = Field(foreign_key="person.id")
    answer: str  # yes | mostly | no
    note_text: str | None = encrypted(nullable=True)
    answered_at: datetime
    via: str


@program_data("the week's reflection question as the program asked it of a match")
class ReflectionPrompt(SQLModel, table=True):
    """A week's reflection question as it was asked of one match (written with its weekly prompt)."""

    __tablename__ = "reflection_prompt"
    __table_args__ = (UniqueConstraint("match_id", "week_start"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    match_id: int = Field(foreign_key="match.id")
    week_start: date
    question_text: str = encrypted()
    mode: str  # private | channel, as the program chose that week
    message_id: int | None = Field(default=None, foreign_key="message_log.id")
    posted_at: datetime


@personal(content=("question_text", "reflection_text", "recorded_by"), retention="messages",
          written="submitted_at", match="match_id", people=("person_id",))
class Reflection(SQLModel, table=True):
    """A student's reflection kept for the coordinator: from chat (private) or recorded in the desk.

    Reflections shared in the channel are message-log rows (``bot.year.reflections`` reads both).
    """

    __tablename__ = "reflection"
    __table_args__ = (Index("ix_reflection_person", "program_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    person_id: int = Field(foreign_key="person.id")
    match_id: int | None = Field(default=None, foreign_key="match.id")
    week_start: date | None = None  # the reflection prompt it answers (None: a free reflection)
    question_text: str | None = encrypted(nullable=True)
    reflection_text: str = encrypted()
    source: str  # chat | written (a paper form) | verbal (noted by staff)
    submitted_at: datetime
    recorded_by: str | None = None
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)


@personal(content=("skill", "rating", "rated_by"), retention="people", written="rated_at",
          people=("person_id",), follows=(("person_id", "person"),), erase="delete")
class SkillRating(SQLModel, table=True):
    """One Employability Skills Profile rating of one skill, at one moment (history kept)."""

    __tablename__ = "skill_rating"
    __table_args__ = (Index("ix_skill_rating_person", "program_id", "person_id", "rated_at"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    person_id: int = Field(foreign_key="person.id")
    skill: str = Field(max_length=64)
    rating: int
    rated_at: datetime
    rated_by: str  # self | the key of the staff member who entered a paper profile
    source: str  # chat | desk | cli


@personal(content=("feedback_text", "recorded_by"), retention="messages", written="submitted_at",
          match="match_id", people=("student_id", "mentor_id"))
class MentorFeedback(SQLModel, table=True):
    """A mentor's feedback on one student, for the coordinator (never relayed)."""

    __tablename__ = "mentor_feedback"
    __table_args__ = (Index("ix_mentor_feedback_student", "program_id", "student_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    match_id: int | None = Field(default=None, foreign_key="match.id")
    mentor_id: int = Field(foreign_key="person.id")
    student_id: int = Field(foreign_key="person.id")
    feedback_text: str = encrypted()
    submitted_at: datetime
    via: str
    recorded_by: str | None = None
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)


@program_data("a logged activity: title, kind, day and hours (who attended: activity_attendee)")
class Activity(SQLModel, table=True):
    """A logged mentoring activity or event (a workplace visit, a school event) with its hours."""

    __tablename__ = "activity"

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    match_id: int | None = Field(default=None, foreign_key="match.id")
    title: str = Field(max_length=200)
    kind: str = Field(max_length=64)  # meeting | workplace visit | school event | online session | ...
    held_on: date
    hours: float = 0.0
    created_at: datetime
    created_by: str


@personal(content=("person_id",), scope="activity_id>activity", retention="people", people=("person_id",),
          follows=(("person_id", "person"),), erase="delete")  # who attended: credit hours of a person
class ActivityAttendee(SQLModel, table=True):
    """Who took part in a logged activity."""

    __tablename__ = "activity_attendee"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True)


@program_data("the program's training modules")
class TrainingModule(SQLModel, table=True):
    """A mentor orientation or training module of a program; required ones gate a mentor."""

    __tablename__ = "training_module"
    __table_args__ = (UniqueConstraint("program_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    key: str = Field(max_length=64)
    title: str = Field(max_length=200)
    required: bool = True
    valid_days: int | None = None  # a completion counts this long (None: for good)
    created_at: datetime


@personal(content=("completed_on", "expires_on", "recorded_by", "note_text"), retention="people",
          written="recorded_at", people=("person_id",), follows=(("person_id", "person"),), erase="delete")
class TrainingRecord(SQLModel, table=True):
    """A mentor completed a module on a date (history kept: the newest completion counts)."""

    __tablename__ = "training_record"
    __table_args__ = (Index("ix_training_record_person", "program_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    person_id: int = Field(foreign_key="person.id")
    module_id: int = Field(foreign_key="training_module.id")
    completed_on: date
    expires_on: date | None = None
    recorded_by: str
    recorded_at: datetime
    note_text: str | None = encrypted(nullable=True)


@personal(content=("form_type", "guardian_name", "signed_on", "expires_on", "platforms", "withdrawn_on",
                   "note_text"),
          retention="people", written="recorded_at", people=("person_id",),
          follows=(("person_id", "person"),), erase="delete")
class ConsentForm(SQLModel, table=True):
    """A permission form on file for a student: which form, who signed, when, until when, where."""

    __tablename__ = "consent_form"
    __table_args__ = (Index("ix_consent_form_person", "program_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64)
    person_id: int = Field(foreign_key="person.id")
    form_type: str = Field(max_length=200)  # e.g. "WBL Travel and Media Consent Form"
    guardian_name: str = encrypted()
    signed_on: date
    expires_on: date | None = None
    platforms: str  # comma-separated platforms the form covers, e.g. "discord,slack"
    recorded_by: str
    recorded_at: datetime
    withdrawn_on: date | None = None
    note_text: str | None = encrypted(nullable=True)


@program_data("which expiry reminders were sent (kind, item id, stage, alert id)")
class ExpiryReminder(SQLModel, table=True):
    """A reminder the coordinator got about something expiring (once per item and stage)."""

    __tablename__ = "expiry_reminder"
    __table_args__ = (UniqueConstraint("item_kind", "item_id", "stage"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", max_length=64, index=True)
    item_kind: str  # consent | training | clearance
    item_id: int  # consent_form.id, training_record.id or person.id
    stage: str  # soon | expired
    alert_id: int | None = Field(default=None, foreign_key="alert.id")
    created_at: datetime
