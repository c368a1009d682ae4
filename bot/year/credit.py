"""The participation and credit report: per student and per program, what happened in the year —
for the school's work-based-learning credit decision (the fact sheet: career mentoring is "an
ACCEPTED and VALID WBL ACTIVITY ... for specific credit purposes", "designed to meet specific
learning outcomes"). mentorbot reports the evidence; the school decides the credit.

Per student: matches and mentors, prompt weeks and the weeks the student answered, messages,
reflections asked and written, the skills profile from first to latest rating, mentor feedback,
logged activities and their hours, expectations acknowledged, check-ins, the permission form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import Session

from bot.prompts.schedule import load_schedule, local_instant
from bot.year import reflections as reflections_mod
from bot.year import skills as skills_mod
from bot.year.settings import Year, load_year
from bot.year.standing import current_form, form_label
from storage import repo, year_repo
from storage.clock import as_utc
from storage.models import Match, Person, Program
from storage.models_year import Activity


@dataclass(frozen=True, slots=True)
class Period:
    """The school year or any span the coordinator picks (local dates, both included)."""

    since: date | None = None
    until: date | None = None

    def holds(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    @property
    def label(self) -> str:
        if self.since is None and self.until is None:
            return "the whole record"
        return f"{self.since or 'the start'} to {self.until or 'today'}"


@dataclass(slots=True)
class StudentCredit:
    """One student's participation, as the report's row and the heading of their own report."""

    key: str
    name: str
    grade: int | None
    matches: list[str] = field(default_factory=list)  # "dana-ana (one-to-one, active)"
    mentors: list[str] = field(default_factory=list)
    prompt_weeks: int = 0
    prompt_weeks_answered: int = 0
    messages: int = 0
    reflections_asked: int = 0
    reflections: int = 0
    reflection_weeks_answered: int = 0
    skills: str = ""  # "communication 2 → 3; teamwork 3"
    skill_ratings: int = 0
    feedback: int = 0
    activities: int = 0
    hours: float = 0.0
    expectations_acknowledged: datetime | None = None
    checkins_asked: int = 0
    checkins_answered: int = 0
    permission_form: str = ""


@dataclass(frozen=True, slots=True)
class ProgramCredit:
    program_id: str
    program_name: str
    period: Period
    students: list[StudentCredit]

    @property
    def totals(self) -> dict[str, float]:
        s = self.students
        return {
            "students": len(s),
            "prompt weeks answered": sum(x.prompt_weeks_answered for x in s),
            "reflections": sum(x.reflections for x in s),
            "hours": round(sum(x.hours for x in s), 2),
            "activities": sum(x.activities for x in s),
        }


def program_report(
    session: Session, program: Program, period: Period, now: datetime, only: Person | None = None
) -> ProgramCredit:
    """Every student of the program (or only one) with their participation in ``period``."""
    year = load_year(session, program)
    students = [only] if only is not None else [p for p in repo.people(session, program.id, role="student")]
    facts = _Facts.load(session, program, year, period, now)
    rows = [facts.student(session, year, person, period, now) for person in students]
    return ProgramCredit(
        program.id, program.name, period, sorted(rows, key=lambda r: (r.name.lower(), r.key))
    )


@dataclass(slots=True)
class _Facts:
    """Everything the report counts, loaded once per program (a few queries, not per student)."""

    program: Program
    matches_of: dict[int, list[tuple[Match, str]]]
    members: dict[int, list[tuple[Person, str]]]
    prompt_windows: dict[int, list[tuple[datetime, datetime]]]  # match -> [(posted, week end)]
    sent: dict[tuple[int, int], list[datetime]]  # (person, match) -> message times
    asked: dict[int, list[date]]  # match -> reflection weeks
    activities: list[tuple[Activity, list[int]]]
    acknowledged: dict[int, datetime]  # person -> first acknowledgement of expectations
    checkins: dict[int, list[tuple[int, int]]]  # match -> [(term, match)] asked
    answered: set[tuple[int, int, int]]  # (term, match, person)

    @classmethod
    def load(cls, session: Session, program: Program, year: Year, period: Period, now: datetime) -> _Facts:
        matches_of: dict[int, list[tuple[Match, str]]] = defaultdict(list)
        members: dict[int, list[tuple[Person, str]]] = defaultdict(list)
        memberships = year_repo.memberships(session, program.id)
        people = year_repo.people_by_id(session, [m.person_id for m, _ in memberships])
        for member, match in memberships:
            matches_of[member.person_id].append((match, member.role))
            members[match.id].append((people[member.person_id], member.role))  # type: ignore[index]
        schedule = load_schedule(session, program)
        windows: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        for post in year_repo.posted_prompts(session, program.id):
            if period.holds(post.week_start):
                end = local_instant(post.week_start + timedelta(days=7), schedule.post_time, schedule.zone)
                windows[post.match_id].append((as_utc(post.decided_at), end))
        sent: dict[tuple[int, int], list[datetime]] = defaultdict(list)
        for person_id, match_id, at in year_repo.messages_by_person(session, program.id):
            sent[(person_id, match_id)].append(as_utc(at))
        asked: dict[int, list[date]] = defaultdict(list)
        for prompt in year_repo.reflection_prompts(session, program.id):
            if period.holds(prompt.week_start):
                asked[prompt.match_id].append(prompt.week_start)
        acknowledged: dict[int, datetime] = {}
        for (_match, person_id), ack in year_repo.acknowledgements(session, program.id).items():
            if person_id not in acknowledged or ack.acknowledged_at < acknowledged[person_id]:
                acknowledged[person_id] = ack.acknowledged_at
        checkins: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for post in year_repo.checkin_posts(session, program.id):
            checkins[post.match_id].append((post.term_id, post.match_id))
        answered = {
            (a.term_id, a.match_id, a.person_id) for a in year_repo.checkin_answers(session, program.id)
        }
        return cls(
            program,
            matches_of,
            members,
            windows,
            sent,
            asked,
            year_repo.activities(session, program.id),
            acknowledged,
            checkins,
            answered,
        )

    def student(
        self, session: Session, year: Year, person: Person, period: Period, now: datetime
    ) -> StudentCredit:
        row = StudentCredit(person.key, person.display_name, person.grade)
        theirs = self.matches_of.get(person.id, [])  # type: ignore[arg-type]
        for match, _role in theirs:
            row.matches.append(f"{match.key} ({match.model}, {match.status})")
            row.mentors += [
                p.display_name
                for p, role in self.members[match.id]  # type: ignore[index]
                if role == "mentor" and p.id != person.id
            ]
            times = [
                t
                for t in self.sent.get((person.id, match.id), [])  # type: ignore[arg-type]
                if period.holds(year.today(t))
            ]
            row.messages += len(times)
            for posted, end in self.prompt_windows.get(match.id, []):  # type: ignore[arg-type]
                row.prompt_weeks += 1
                row.prompt_weeks_answered += any(posted < t < end for t in times)
            row.reflections_asked += len(self.asked.get(match.id, []))  # type: ignore[arg-type]
        row.mentors = list(dict.fromkeys(row.mentors))
        self._reflections(session, year, person, period, row, theirs)
        self._year_records(session, year, person, period, row, now)
        return row

    def _reflections(
        self,
        session: Session,
        year: Year,
        person: Person,
        period: Period,
        row: StudentCredit,
        theirs: list[tuple[Match, str]],
    ) -> None:
        found = [
            r
            for r in reflections_mod.student_reflections(session, self.program, person)
            if period.holds(year.today(r.at))
        ]
        row.reflections = len(found)
        asked = {(m.key, w) for m, _ in theirs for w in self.asked.get(m.id, [])}  # type: ignore[arg-type]
        row.reflection_weeks_answered = len({(r.match_key, r.week_start) for r in found} & asked)
        history = skills_mod.history(session, year, person)
        inside = [
            skills_mod.SkillHistory(h.skill, tuple(x for x in h.ratings if period.holds(year.today(x[0]))))
            for h in history
        ]
        row.skills = skills_mod.summary_line(year, inside)
        row.skill_ratings = sum(len(h.ratings) for h in inside)
        row.feedback = sum(
            1
            for f in year_repo.feedback(session, self.program.id, person.id)  # type: ignore[arg-type]
            if period.holds(year.today(f.submitted_at))
        )

    def _year_records(
        self, session: Session, year: Year, person: Person, period: Period, row: StudentCredit, now: datetime
    ) -> None:
        for activity, attendees in self.activities:
            if person.id in attendees and period.holds(activity.held_on):
                row.activities += 1
                row.hours += activity.hours
        row.hours = round(row.hours, 2)
        row.expectations_acknowledged = self.acknowledged.get(person.id)  # type: ignore[arg-type]
        asked = [c for m, _ in self.matches_of.get(person.id, []) for c in self.checkins.get(m.id, [])]  # type: ignore[arg-type]
        row.checkins_asked = len(asked)
        row.checkins_answered = sum(1 for term, match in asked if (term, match, person.id) in self.answered)
        form = current_form(session, person, year.today(now))
        if form is not None:
            until = f", until {form.expires_on:%d %b %Y}" if form.expires_on else ""
            row.permission_form = f"{form_label(form)}{until} ({form.platforms.replace(',', ', ')})"
        elif person.consent_received is not None and not year_repo.consent_forms(session, person.id):  # type: ignore[arg-type]
            row.permission_form = f"on file since {person.consent_received:%d %b %Y} (details not recorded)"
        else:
            row.permission_form = "none in force"


@dataclass(frozen=True, slots=True)
class StudentDetail:
    """One student's own report: the counts, then the evidence behind them."""

    row: StudentCredit
    reflections: list[reflections_mod.ReflectionView]
    skills: list[skills_mod.SkillHistory]
    feedback: list[tuple[datetime, str, str]]  # (when, mentor name, text)
    activities: list[tuple[date, str, str, float]]  # (day, title, kind, hours)
    checkins: list[tuple[str, str, str]]  # (term, answer, note)


def student_detail(
    session: Session, program: Program, person: Person, period: Period, now: datetime
) -> StudentDetail:
    year = load_year(session, program)
    row = program_report(session, program, period, now, only=person).students[0]
    found = [
        r
        for r in reflections_mod.student_reflections(session, program, person)
        if period.holds(year.today(r.at))
    ]
    history = [
        skills_mod.SkillHistory(h.skill, tuple(x for x in h.ratings if period.holds(year.today(x[0]))))
        for h in skills_mod.history(session, year, person)
    ]
    mentors = year_repo.people_by_id(
        session, [f.mentor_id for f in year_repo.feedback(session, program.id, person.id)]
    )  # type: ignore[arg-type]
    feedback = [
        (f.submitted_at, mentors[f.mentor_id].display_name, f.feedback_text)
        for f in year_repo.feedback(session, program.id, person.id)  # type: ignore[arg-type]
        if period.holds(year.today(f.submitted_at))
    ]
    activities = [
        (a.held_on, a.title, a.kind, a.hours)
        for a, who in year_repo.activities(session, program.id)
        if person.id in who and period.holds(a.held_on)
    ]
    terms = {t.id: t.name for t in year_repo.terms(session, program.id)}
    checkins = [
        (terms.get(a.term_id, "?"), a.answer, a.note_text or "")
        for a in year_repo.checkin_answers(session, program.id)
        if a.person_id == person.id
    ]
    return StudentDetail(row, found, history, feedback, activities, checkins)
