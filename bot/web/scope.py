"""THE one place the desk scopes data by the signed-in coordinator's program.

Every route takes a ``ProgramScope`` from the ``program_scope`` dependency; it is the routes' only
way to reach the database or the core. Objects are looked up *through* it (``match``, ``person``,
``review_item``, ``alert``), which answer 404 for anything outside the program — the same answer
as for something that does not exist, so ids of other programs leak nothing. Reads write their
audit row in the same transaction through ``audit`` and commit before a page is rendered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from fastapi import HTTPException, Request
from sqlmodel import Session

from bot.transcript import TranscriptLine, read_transcript
from bot.web import auth, csrf
from bot.web.scope_year import YearActions
from storage import audit, repo
from storage.models import Alert, Match, Person, Program, ReviewItem

if TYPE_CHECKING:
    from bot.review.patterns import Reviewed
    from bot.use_cases import Core


class NotSignedIn(Exception):
    """No valid session: pages redirect to the sign-in page, form posts answer 401."""


class NotFound(HTTPException):
    def __init__(self, what: str = "That page") -> None:
        super().__init__(status_code=404, detail=f"{what} does not exist in your program.")


class ProgramScope:
    """The signed-in coordinator and their program; all data access for routes goes through here."""

    def __init__(self, *, core: Core, who: auth.SignedIn):
        self._core = core
        self.who = who

    @property
    def program_id(self) -> str:
        return self.who.program_id

    @property
    def program_name(self) -> str:
        return self.who.program_name

    @property
    def actor(self) -> str:
        return f"web:{self.who.person_key}"

    @property
    def csrf_token(self) -> str:
        return self.who.csrf_token

    def now(self) -> datetime:
        return self._core.clock()

    # -- sessions and lookups ----------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self._core.engine, expire_on_commit=False) as session:
            yield session

    def program(self, session: Session) -> Program:
        program = session.get(Program, self.program_id)
        assert program is not None
        return program

    def match(self, session: Session, key: str) -> Match:
        match = repo.match_by_key(session, key, self.program_id)
        if match is None:
            raise NotFound("That match")
        return match

    def match_by_id(self, session: Session, match_id: int) -> Match:
        match = session.get(Match, match_id)
        if match is None or match.program_id != self.program_id:
            raise NotFound("That match")
        return match

    def person(self, session: Session, key: str) -> Person:
        person = repo.person_by_key(session, self.program_id, key)
        if person is None:
            raise NotFound("That person")
        return person

    def review_item(self, session: Session, review_id: int) -> ReviewItem:
        item = session.get(ReviewItem, review_id)
        if item is None or item.program_id != self.program_id:
            raise NotFound("That held message")
        return item

    def alert(self, session: Session, alert_id: int) -> Alert:
        alert = session.get(Alert, alert_id)
        if alert is None or alert.program_id != self.program_id:
            raise NotFound("That alert")
        return alert

    def coordinator(self, session: Session) -> Person:
        person = session.get(Person, self.who.person_id)
        assert person is not None and person.program_id == self.program_id
        return person

    def audit(self, session: Session, *, action: str, target: str = "", rows: int = 0,
              detail: dict[str, Any] | None = None, subject: Any = None) -> None:
        """Record a view/search/export in the caller's transaction (commit before showing data).

        ``subject``: an anchored record changed by the action (``storage.audit.record``)."""
        audit.record(session, program_id=self.program_id, actor=self.actor, action=action,
                     target=target, rows=rows, at=self.now(), detail=detail, subject=subject)

    # -- core use cases, always with this program ------------------------------------------------

    def read_transcript(self, match_key: str, *, purpose: str, since: datetime | None = None,
                        until: datetime | None = None) -> tuple[Match, list[TranscriptLine]]:
        with self.session() as session:
            self.match(session, match_key)  # 404 outside the program
        return read_transcript(self._core.engine, match_key, actor=self.actor, clock=self._core.clock,
                               program_id=self.program_id, purpose=purpose, since=since, until=until)

    async def decide(self, review_id: int, decision: str, note: str) -> ReviewItem:
        def coordinator() -> Person:
            with self.session() as session:
                self.review_item(session, review_id)  # 404 outside the program
                return self.coordinator(session)
        return await self._core.decide(review_id, decision, coordinator=await asyncio.to_thread(coordinator),
                                       actor=self.actor, note=note)

    async def override(self, review_id: int, *, gates: list[str], reason: str, redacted: bool,
                       note: str) -> ReviewItem:
        def coordinator() -> Person:
            with self.session() as session:
                self.review_item(session, review_id)  # 404 outside the program
                return self.coordinator(session)
        return await self._core.override_gate(
            review_id, gates=gates, reason=reason, coordinator=await asyncio.to_thread(coordinator),
            actor=self.actor, note=note, decision="approve_redacted" if redacted else "approve")

    async def set_paused(self, match_key: str, *, paused: bool, reason: str) -> Match:
        def visible() -> None:
            with self.session() as session:
                self.match(session, match_key)  # 404 outside the program
        await asyncio.to_thread(visible)
        return await self._core.set_paused(match_key, paused=paused, program_id=self.program_id,
                                           actor=self.actor, reason=reason)

    async def year_action(self, action: str, *args: Any, **kwargs: Any) -> str:
        """One of the program year's actions (``bot.year.actions``) in this program, as this coordinator."""
        return await self._core.year_do(getattr(self._core.year, action), self.program_id, *args,
                                        actor=self.actor, **kwargs)
    async def _coordinator_for_alert(self, alert_id: int) -> Person:
        def coordinator() -> Person:
            with self.session() as session:
                self.alert(session, alert_id)  # 404 outside the program
                return self.coordinator(session)
        return await asyncio.to_thread(coordinator)

    async def review_pattern(self, alert_id: int, reason: str) -> Reviewed:
        """"Not a concern": clear the score of a pattern alert's mentor (audited with the reason)."""
        coordinator = await self._coordinator_for_alert(alert_id)
        return await self._core.review_pattern(alert_id, coordinator=coordinator, actor=self.actor,
                                               reason=reason)

    async def pause_from_alert(self, alert_id: int, reason: str) -> Match:
        coordinator = await self._coordinator_for_alert(alert_id)
        return await self._core.pause_from_alert(alert_id, coordinator=coordinator, actor=self.actor,
                                                 reason=reason)

    async def mark_flags_seen(self, signal_ids: list[int]) -> int:
        return await self._core.mark_flags_seen(self.program_id, signal_ids, actor=self.actor)

    async def check_csrf(self, request: Request) -> None:
        await csrf.check(request, self.csrf_token)

    @property
    def year(self) -> YearActions:
        """Profiles, bios, choosing, matching and hand-over for this program (issue 14)."""
        return YearActions(self._core, self.program_id, self.actor, self.who.person_key)

    @property
    def engine(self) -> Any:
        """For the year's read models (``bot.matching.overview``), which open their own session."""
        return self._core.engine


def scope_dependency(core: Core, key: bytes) -> Callable[[Request], ProgramScope]:
    """The FastAPI dependency: a ProgramScope for a valid session, else NotSignedIn."""

    def program_scope(request: Request) -> ProgramScope:
        value = request.cookies.get(auth.COOKIE)
        token = auth.unsign(key, value) if value else None
        who = auth.current(core.engine, token, clock=core.clock) if token else None
        if who is None:
            raise NotSignedIn()
        return ProgramScope(core=core, who=who)

    return program_scope
