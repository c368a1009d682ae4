"""Where a choosing round stands, for the desk's Choosing page and ``mentorbot choosing choices``:
who has chosen whom, what each mentor offers and holds, the meet-and-greets, the latest proposal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.profiles.model import ChoosingOptions, choosing_options, load_profiles
from storage import choosing_repo, repo
from storage.models_choosing import ChoosingRound, ProposalRun


@dataclass(slots=True)
class StudentRow:
    key: str
    name: str
    grade: int | None
    has_form: bool
    matched: bool
    choices: list[str] = field(default_factory=list)  # mentor names, 1st first
    choice_keys: list[str | None] = field(default_factory=list)  # by rank (None: that rank empty)


@dataclass(slots=True)
class MentorRow:
    key: str
    name: str
    employer: str
    capacity: int
    holds: int  # live matches now
    models: tuple[str, ...]
    grades: tuple[int, ...]
    cleared: bool
    bio_state: str
    chosen_first: int = 0  # students who ranked them 1st


@dataclass(slots=True)
class MeetingRow:
    key: str
    starts_at: datetime
    ends_at: datetime
    status: str
    mentors: list[str]
    students: list[str]
    sides: list[str]  # the sides that have a channel


@dataclass(slots=True)
class RoundState:
    round: ChoosingRound | None
    options: ChoosingOptions
    students: list[StudentRow] = field(default_factory=list)
    mentors: list[MentorRow] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    run: ProposalRun | None = None

    @property
    def chosen(self) -> int:
        return sum(1 for s in self.students if s.choices)


def round_state(engine: Engine, program_id: str) -> RoundState:
    with Session(engine, expire_on_commit=False) as session:
        round_ = choosing_repo.current_round(session, program_id)
        state = RoundState(round=round_, options=choosing_options(session, program_id))
        if round_ is None:
            return state
        mentors = load_profiles(session, program_id, "mentor")
        names = {v.person.id: (v.key, v.name) for v in mentors}
        ranked: dict[int, dict[int, int]] = {}
        for choice in choosing_repo.choices(session, round_.id):  # type: ignore[arg-type]
            ranked.setdefault(choice.student_id, {})[choice.rank] = choice.mentor_id
        matched = choosing_repo.people_in_live_matches(session, program_id, "student")
        for view in load_profiles(session, program_id, "student"):
            mine = ranked.get(view.person.id, {})
            keys = [
                names[mine[r]][0] if mine.get(r) in names else None
                for r in range(1, state.options.max_choices + 1)
            ]
            state.students.append(
                StudentRow(
                    view.key,
                    view.name,
                    view.person.grade,
                    view.person.consent_received is not None,
                    view.person.id in matched,
                    [names[m][1] for _, m in sorted(mine.items()) if m in names],
                    keys,
                )
            )
        load = choosing_repo.mentor_load(session, program_id, names)
        firsts = [r.get(1) for r in ranked.values()]
        for view in mentors:
            state.mentors.append(
                MentorRow(
                    view.key,
                    view.name,
                    view.employer,
                    1 if view.capacity is None else view.capacity,
                    load.get(view.person.id, 0),
                    view.models or ("one-to-one",),
                    view.grades,
                    view.person.cleared_on is not None,
                    view.bio_state,
                    firsts.count(view.person.id),
                )
            )
        state.meetings = _meetings(session, program_id, round_.id)  # type: ignore[arg-type]
        state.run = choosing_repo.latest_run(session, round_.id)  # type: ignore[arg-type]
    return state


def _meetings(session: Session, program_id: str, round_id: int) -> list[MeetingRow]:
    rows = []
    for meeting, match in choosing_repo.meet_and_greets(session, program_id, round_id):
        members = repo.members(session, match.id)  # type: ignore[arg-type]
        rows.append(
            MeetingRow(
                match.key,
                meeting.starts_at,
                meeting.ends_at,
                match.status,
                [p.display_name for p, r in members if r == "mentor"],
                [p.display_name for p, r in members if r == "student"],
                sorted({c.side for c in repo.match_channels(session, match.id)}),
            )
        )  # type: ignore[arg-type]
    return rows
