"""Tables of the choosing step (issue 14): profiles, the program's choosing settings and channels,
choosing rounds, students' choices, meet-and-greet groups, and the stored proposals.

Every table carries ``program_id``. Personal free text lives in ``*_text`` columns (the bio);
lists are canonical JSON text (as ``MessageLog.hits_json``) so SQLite and PostgreSQL store them
identically. A bio's check keeps rule ids and reasons, never the matched words.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.encryption import encrypted
from storage.governance import personal, program_data


@personal(content=("bio_text", "job_title", "employer", "interests_json", "pathway", "languages_json",
                   "availability_json", "hobbies_json", "gender", "gender_preference", "pathways_json",
                   "team", "bio_check_json"),
          retention="people", written="updated_at", people=("person_id",),
          follows=(("person_id", "person"),),
          erased_values={c: "[]" for c in ("interests_json", "languages_json", "availability_json",
                                          "hobbies_json", "pathways_json", "bio_check_json")})
class Profile(SQLModel, table=True):
    """A mentor's or student's profile: what the bios show and what the matching step reads."""

    __tablename__ = "profile"

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    bio_text: str = encrypted(default="")
    job_title: str | None = encrypted(nullable=True)  # mentors
    employer: str | None = encrypted(nullable=True)  # mentors
    interests_json: str = "[]"  # career interests
    pathway: str | None = None  # students: P-TECH pathway or CTE course
    languages_json: str = "[]"
    availability_json: str = "[]"  # program-defined slots, e.g. "tue-pm"
    hobbies_json: str = encrypted(default="[]")
    gender: str | None = encrypted(nullable=True)  # only when the program turns it on
    gender_preference: str | None = encrypted(nullable=True)  # students: a gender of the list, or "same"
    capacity: int | None = None  # mentors: how many matches (students 1:1, groups otherwise)
    models_json: str = "[]"  # mentors: models offered, in their order of preference
    grades_json: str = "[]"  # mentors: the grades they take (empty: any)
    pathways_json: str = "[]"  # mentors: pathways they would like
    team: str | None = None  # mentors who mentor together share a team id
    bio_state: str = "unchecked"  # unchecked | ok | flagged | refused | approved
    bio_check_json: str = encrypted(default="[]")  # [{"rule": ..., "reason": ...}] of the last check
    bio_checked_at: datetime | None = None
    bio_approved_by: str | None = None  # who published a flagged bio anyway
    updated_at: datetime
    updated_by: str = ""
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)


@program_data("the program's choosing and commitment settings")
class ChoosingSettings(SQLModel, table=True):
    """A program's choosing and commitment settings (the roster's program blocks)."""

    __tablename__ = "choosing_settings"

    program_id: str = Field(foreign_key="program.id", primary_key=True)
    optional_fields_json: str = "[]"  # profile fields the program turns on: gender, gender_preference
    genders_json: str = "[]"  # the one vocabulary for gender and gender_preference
    max_choices: int = 3
    models_json: str = '["one-to-one", "small-group", "team", "large-group"]'
    max_group_size_json: str = "{}"
    after_meet_and_greet: bool = False  # choosing opens when the meet-and-greet rounds are over
    commitment_months: int = 12
    to_graduation: bool = False
    final_grade: int = 14
    renewal_notice_days: int = 45


@program_data("the channels bios are posted in (platform ids)")
class ProgramChannel(SQLModel, table=True):
    """A channel the program posts to one side in (the choosing channel where bios are posted)."""

    __tablename__ = "program_channel"
    __table_args__ = (UniqueConstraint("platform", "workspace", "channel"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    purpose: str = "choosing"
    side: str  # student | mentor: who reads it
    platform: str
    workspace: str
    channel: str
    active: bool = True


@program_data("a choosing season: its state, dates and draw seed")
class ChoosingRound(SQLModel, table=True):
    """One season of choosing: meet-and-greets, then choices, then the matching step."""

    __tablename__ = "choosing_round"
    __table_args__ = (UniqueConstraint("program_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    key: str = Field(max_length=64)
    state: str = "planned"  # planned | open | closed | matched
    starts_on: date  # the day the matches would start: forms and clearance must be valid then
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    draw_seed: str = ""
    created_at: datetime
    created_by: str = ""


# a minor's ranked choices: the row itself is the data, so it is deleted with its student
@personal(content=("made_by", "via"), retention="people", written="made_at",
          people=("student_id", "mentor_id"), follows=(("student_id", "person"),), erase="delete")
class Choice(SQLModel, table=True):
    """A student's ranked choice of a mentor in one round (1st choice: rank 1)."""

    __table_args__ = (UniqueConstraint("round_id", "student_id", "rank"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    round_id: int = Field(foreign_key="choosing_round.id", index=True)
    student_id: int = Field(foreign_key="person.id")
    rank: int
    mentor_id: int = Field(foreign_key="person.id")
    made_at: datetime
    made_by: str = ""  # the student's key, or the coordinator who entered it
    via: str = ""  # slack | discord | console | desk | cli


@program_data("a meet-and-greet group's times (its people are its match's members)")
class MeetAndGreet(SQLModel, table=True):
    """A meet-and-greet group before choosing: a ``Match`` (model meet-and-greet) open for a time."""

    __tablename__ = "meet_and_greet"

    match_id: int = Field(foreign_key="match.id", primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    round_id: int = Field(foreign_key="choosing_round.id", index=True)
    starts_at: datetime
    ends_at: datetime
    opened_at: datetime | None = None
    closed_at: datetime | None = None


@personal(content=("summary_json", "unmatched_json", "left_out_json"), retention="people", written="run_at",
          erased_values={"summary_json": "[]", "unmatched_json": "[]", "left_out_json": "[]"})
class ProposalRun(SQLModel, table=True):
    """One run of the matching step over a round's choices, as the coordinator saw it."""

    __tablename__ = "proposal_run"

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    round_id: int = Field(foreign_key="choosing_round.id", index=True)
    run_at: datetime
    run_by: str = ""
    state: str = "open"  # open | superseded | confirmed
    summary_json: str = encrypted(default="[]")  # sentences
    unmatched_json: str = encrypted(default="[]")  # [{student, code, reason_text, suggestions, next_steps}]
    left_out_json: str = encrypted(default="[]")  # [{mentor, code, reason_text}]
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)


@personal(content=("mentors_json", "students_json", "reasons_json", "warnings_json"), retention="people",
          match="match_id", follows=(("run_id", "proposal_run"),),
          erased_values={"mentors_json": "[]", "students_json": "[]", "reasons_json": "{}",
                   "warnings_json": "[]"})
class Proposal(SQLModel, table=True):
    """One proposed match of a run; the coordinator edits, drops or confirms it."""

    __table_args__ = (UniqueConstraint("run_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: str = Field(foreign_key="program.id", index=True)
    run_id: int = Field(foreign_key="proposal_run.id", index=True)
    key: str = Field(max_length=64)  # the matching step's key, e.g. "dana/1"
    match_key: str = Field(max_length=64)  # the key the confirmed match gets
    model: str
    mentors_json: str = "[]"  # person keys
    students_json: str = "[]"
    reasons_json: str = encrypted(default="{}")  # student key -> {"reason_text", "rank", "warnings"}
    warnings_json: str = encrypted(default="[]")
    state: str = "proposed"  # proposed | dropped | confirmed
    match_id: int | None = Field(default=None, foreign_key="match.id")
    edited_by: str | None = None
    edited_at: datetime | None = None
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    erased_by: int | None = None  # the retention erasure that blanked it (issue 15)
