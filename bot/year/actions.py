"""The coordinator's year actions as whole transactions, shared by the desk and the CLI.

Each looks people and matches up by their roster ids inside one program, makes the change,
commits, and answers with one sentence for the coordinator. A record that may clear a gate (a
form, training, clearance) re-judges the program's gate holds in the same transaction
(``bot.review.gate_holds.release_cleared_gates``, issue 12): what no longer waits for anything is
delivered, the sender told, and the release audited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from bot.review.gate_holds import release_cleared_gates
from bot.year import checkins, expectations, people, records, reflections, skills
from bot.year.settings import YearError, load_year, save_settings
from storage import audit, repo, year_repo
from storage.models import Match, Person, Program

T = TypeVar("T")


class YearActions:
    """Sync transactions (``bot.use_cases.Core.year_do`` runs them off the event loop)."""

    def __init__(self, *, engine: Engine, clock: Callable[[], datetime], platforms: tuple[str, ...]):
        self._engine, self._clock, self._platforms = engine, clock, platforms

    # -- lookups -----------------------------------------------------------------------------------

    def _run(
        self,
        program_id: str,
        work: Callable[[Session, Program, datetime], T],
        *,
        release_as: str | None = None,
    ) -> tuple[T, int]:
        """Run ``work`` in one transaction; with ``release_as`` (the actor), also deliver the holds
        whose gates the change cleared. Returns the work's result and how many holds went out."""
        now = self._clock()
        with Session(self._engine, expire_on_commit=False) as session:
            program = repo.program(session, program_id)
            if program is None:
                raise YearError(f"there is no program '{program_id}'")
            result = work(session, program, now)
            released = []
            if release_as is not None:
                released = release_cleared_gates(session, program_id=program.id, now=now, actor=release_as)
            session.commit()
            return result, len(released)

    def _do(self, program_id: str, work: Callable[[Session, Program, datetime], str]) -> str:
        return tidy(self._run(program_id, work)[0])

    @staticmethod
    def person(session: Session, program: Program, key: str, role: str | None = None) -> Person:
        person = repo.person_by_key(session, program.id, key.strip().lower())
        if person is None:
            raise YearError(f"there is nobody with the id '{key}' in {program.name}")
        if role is not None and person.role != role:
            raise YearError(f"'{key}' is a {person.role}, not a {role}")
        return person

    @staticmethod
    def match(session: Session, program: Program, key: str) -> Match:
        match = repo.match_by_key(session, key.strip(), program.id)
        if match is None:
            raise YearError(f"there is no match '{key}' in {program.name}")
        return match

    @staticmethod
    def _released(count: int) -> str:
        return f" {count} held message{'s' if count != 1 else ''} went out." if count else ""

    # -- records -----------------------------------------------------------------------------------

    def record_consent(
        self,
        program_id: str,
        student_key: str,
        *,
        form_type: str,
        guardian: str,
        signed_on: date,
        expires_on: date | None,
        platforms: list[str],
        actor: str,
        note: str = "",
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            student = self.person(session, program, student_key, "student")
            form = records.record_consent(
                session,
                student,
                form_type=form_type,
                guardian=guardian,
                signed_on=signed_on,
                expires_on=expires_on,
                platforms=platforms,
                known_platforms=self._platforms,
                actor=actor,
                now=now,
                note=note,
            )
            until = f", valid until {expires_on:%d %b %Y}" if expires_on else ""
            return (
                f"{form.form_type} for {student.display_name} recorded (signed by {form.guardian_name} "
                f"on {signed_on:%d %b %Y}{until}; covers {form.platforms.replace(',', ', ')})."
            )

        said, released = self._run(program_id, work, release_as=actor)
        return tidy(said + self._released(released))

    def add_module(
        self, program_id: str, *, key: str, title: str, required: bool, valid_days: int | None, actor: str
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            module = records.add_module(
                session,
                program.id,
                key=key,
                title=title,
                required=required,
                valid_days=valid_days,
                actor=actor,
                now=now,
            )
            kind = "required (it gates mentors)" if module.required else "optional"
            return f"Training module '{module.title}' ({module.key}) is {kind}."

        return self._do(program_id, work)

    def record_training(
        self,
        program_id: str,
        person_key: str,
        module_key: str,
        *,
        completed_on: date,
        actor: str,
        note: str = "",
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            person = self.person(session, program, person_key)
            module = year_repo.training_module(session, program.id, module_key.strip().lower())
            if module is None:
                known = (
                    ", ".join(m.key for m in year_repo.training_modules(session, program.id)) or "none yet"
                )
                raise YearError(f"there is no training module '{module_key}' (modules: {known})")
            records.record_training(
                session, person, module, completed_on=completed_on, actor=actor, now=now, note=note
            )
            return f"{person.display_name} completed '{module.title}' on {completed_on:%d %b %Y}."

        said, released = self._run(program_id, work, release_as=actor)
        return tidy(said + self._released(released))

    def record_clearance(
        self, program_id: str, mentor_key: str, *, cleared_on: date, expires_on: date | None, actor: str
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            mentor = self.person(session, program, mentor_key, "mentor")
            records.record_clearance(
                session, mentor, cleared_on=cleared_on, expires_on=expires_on, actor=actor, now=now
            )
            until = f" until {expires_on:%d %b %Y}" if expires_on else ""
            return f"{mentor.display_name} is cleared from {cleared_on:%d %b %Y}{until}."

        said, released = self._run(program_id, work, release_as=actor)
        return tidy(said + self._released(released))

    # -- people and matches -----------------------------------------------------------------------

    def add_person(
        self,
        program_id: str,
        *,
        key: str,
        name: str,
        role: str,
        actor: str,
        grade: int | None = None,
        email: str | None = None,
        accounts: list[str] | None = None,
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            parsed = [people.NewAccount.parse(a) for a in accounts or [] if a.strip()]
            person = people.add_person(
                session,
                program.id,
                key=key,
                name=name,
                role=role,
                actor=actor,
                now=now,
                grade=grade,
                email=email,
                accounts=parsed,
                platforms=self._platforms,
            )
            todo = {
                "student": " Record their permission form before they can talk.",
                "mentor": " Record their clearance (and training) before they can talk.",
            }.get(role, "")
            return f"{person.display_name} ({person.key}, {role}) added.{todo}"

        return self._do(program_id, work)

    def end_match(self, program_id: str, match_key: str, *, reason: str, actor: str) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            match = self.match(session, program, match_key)
            people.end_match(session, match, reason=reason, actor=actor, now=now)
            return f"Match {match.key} has ended; both sides were told."

        return self._do(program_id, work)

    def log_activity(
        self,
        program_id: str,
        *,
        title: str,
        kind: str,
        held_on: date,
        hours: float,
        match_key: str | None,
        person_keys: list[str],
        actor: str,
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            match = self.match(session, program, match_key) if match_key else None
            who = [self.person(session, program, k) for k in person_keys if k.strip()]
            if match is not None:
                who += [p for p, _role in repo.members(session, match.id)]  # type: ignore[arg-type]
            people.log_activity(
                session,
                program.id,
                title=title,
                kind=kind,
                held_on=held_on,
                hours=hours,
                people=who,
                match=match,
                actor=actor,
                now=now,
            )
            return f"Activity '{title}' on {held_on:%d %b %Y} logged for {len({p.id for p in who})} people."

        return self._do(program_id, work)

    # -- expectations, terms, reflections, skills, feedback ---------------------------------------

    def set_expectations(self, program_id: str, body: str, *, actor: str) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            template = expectations.set_template(session, program, body, actor=actor, now=now)
            return f"Expectations version {template.version} saved."

        said = self._do(program_id, work)
        posted = expectations.post_for_new_matches(self._engine, self._clock(), program_id=program_id)
        return said + (
            f" Posted to {posted} active match{'es' if posted != 1 else ''} that had none." if posted else ""
        )

    def record_acknowledgement(self, program_id: str, match_key: str, person_key: str, *, actor: str) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            match, person = self.match(session, program, match_key), self.person(session, program, person_key)
            if repo.member_role(session, match.id, person.id) is None:  # type: ignore[arg-type]
                raise YearError(f"{person.display_name} is not in match {match.key}")
            _ack, new = expectations.acknowledge(
                session, match, person, via="paper", now=now, recorded_by=actor
            )
            return (
                f"{person.display_name}'s acknowledgement recorded."
                if new
                else f"{person.display_name} had already acknowledged."
            )

        return self._do(program_id, work)

    def add_term(
        self,
        program_id: str,
        *,
        name: str,
        starts_on: date,
        ends_on: date,
        checkin_on: date | None,
        actor: str,
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            term = checkins.add_term(
                session,
                program,
                name=name,
                starts_on=starts_on,
                ends_on=ends_on,
                checkin_on=checkin_on,
                actor=actor,
                now=now,
            )
            return (
                f"Term {term.name}: {term.starts_on:%d %b %Y} to {term.ends_on:%d %b %Y}, "
                f"check-in on {term.checkin_on:%d %b %Y}."
            )

        return self._do(program_id, work)

    def record_reflection(
        self, program_id: str, student_key: str, text: str, *, source: str, actor: str
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            student = self.person(session, program, student_key, "student")
            active = [m for m in repo.matches_of(session, student.id) if m.status == "active"]  # type: ignore[arg-type]
            reflections.record_reflection(
                session,
                student,
                text,
                match=active[0] if active else None,
                source=source,
                now=now,
                recorded_by=actor,
            )
            return f"{source.title()} reflection of {student.display_name} recorded."

        return self._do(program_id, work)

    def record_skills(self, program_id: str, student_key: str, ratings: str, *, actor: str) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            student = self.person(session, program, student_key, "student")
            rated = skills.parse_ratings(ratings, load_year(session, program))
            skills.record_ratings(session, student, rated, rated_by=actor, source="desk", now=now)
            plural = "s" if len(rated) != 1 else ""
            return f"{len(rated)} skill rating{plural} recorded for {student.display_name}."

        return self._do(program_id, work)

    def record_feedback(
        self, program_id: str, mentor_key: str, student_key: str, text: str, *, actor: str
    ) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            mentor = self.person(session, program, mentor_key, "mentor")
            student = self.person(session, program, student_key, "student")
            reflections.record_feedback(
                session, mentor, student, text, match=None, via="desk", now=now, recorded_by=actor
            )
            return f"{mentor.display_name}'s feedback on {student.display_name} recorded."

        return self._do(program_id, work)

    def save_settings(self, program_id: str, *, actor: str, **changes: object) -> str:
        def work(session: Session, program: Program, now: datetime) -> str:
            year = save_settings(session, program, actor=actor, now=now, **changes)  # type: ignore[arg-type]
            audit.record(
                session,
                program_id=program.id,
                actor=actor,
                action="year.settings",
                at=now,
                target=f"program:{program.id}",
                detail={k: v for k, v in changes.items() if v is not None},
            )  # type: ignore[misc]
            return (
                f"Reflections are {year.reflection_mode}; skills: {', '.join(year.skills)} "
                f"(1 to {year.skill_scale}); reminders {year.expiry_warning_days} days ahead."
            )

        return self._do(program_id, work)


def tidy(sentence: str) -> str:
    """One full stop after a name that ends in one ("… for Ana R.", not "… for Ana R..")."""
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", sentence)
