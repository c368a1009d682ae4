"""The ``/mentorbot`` verbs, platform-neutral: every adapter forwards the text after the verb.

Replies are shown privately to the caller. Coordinator verbs check the caller's role here, in
the core, never in an adapter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from bot.alerts import raise_alert
from bot.handover.chat import leave
from bot.matching.forms import choose_form
from bot.messages import CommandRequest, Form
from bot.review.desk import ReviewDesk
from bot.roster.pausing import MatchError, set_paused
from bot.transcript import TranscriptError, describe, read_transcript
from bot.year import chat as year_chat
from storage import audit, repo
from storage.models import Match, Person, Program, SupervisedChannel

logger = logging.getLogger(__name__)

EVERYONE = {
    "help": "what I can do",
    "status": "your match, your coordinator and the next prompt",
    "concern <text>": "tell your coordinator something privately, right away",
    **year_chat.VERBS,
    "choose [interest]": "students: rank your top mentors; mentors: how many students you can take",
    "leave YYYY-MM-DD <reason>": "mentors: give notice that you can no longer take part",
}
COORDINATORS = {
    "link <match-id> mentor|student": "make this channel a supervised channel of a match",
    "unlink": "stop supervising this channel",
    "holds": "list held messages waiting for you",
    "transcript <match-id>": "the latest messages of a match (this read is logged)",
    "pause <match-id> [reason]": "pause a whole match at once: every message waits for you",
    "resume <match-id>": "open a paused match again; what waited is delivered",
}
NextPrompt = Callable[[Session, Match], str | None]


class Commands:
    """The verbs' transactions (sync; ``bot.use_cases`` runs them off the event loop)."""

    def __init__(self, *, engine: Engine, review: ReviewDesk,
                 clock: Callable[[], datetime], next_prompt: NextPrompt | None = None):
        self._engine = engine
        self._review = review
        self._clock = clock
        if next_prompt is None:  # issue 6: the next weekly prompt in `/mentorbot status`
            from functools import partial

            from bot.prompts.status import next_prompt_line
            next_prompt = partial(next_prompt_line, clock=clock)
        self.next_prompt = next_prompt

    def run(self, request: CommandRequest, *,
            max_options: int = 100) -> tuple[str | Form, SupervisedChannel | None]:
        """Run one command; returns the private reply (a ``Form`` for ``choose``) and, after ``link``,
        the linked channel. ``max_options``: how many choices the platform shows in one menu."""
        verb, _, rest = request.text.strip().partition(" ")
        verb, rest = verb.lower(), rest.strip()
        with Session(self._engine) as session:
            person = repo.person_by_account(session, request.channel.platform, request.channel.workspace,
                                            request.user_id)
            if verb in ("", "help"):
                return self._help(person), None
            if person is None:
                return ("I don't know you yet: ask your program coordinator to add your account to the "
                        "roster."), None
            if verb == "status":
                return self._status(session, person), None
            if verb == "concern":
                return self._concern(session, person, rest), None
            if verb in year_chat.NAMES:
                return year_chat.run(session, person, request, verb, rest, self._clock()), None
        if verb == "choose":
            return choose_form(self._engine, person, search=rest, max_options=max_options), None
        if verb == "leave":
            return leave(self._engine, person, rest, clock=self._clock, via=request.channel.platform), None
        with Session(self._engine) as session:
            if verb not in ("link", "unlink", "holds", "transcript", "pause", "resume"):
                return f"I don't know `{verb}`. " + self._help(person), None
            if person.role != "coordinator":
                return f"Only coordinators can use `{verb}`.", None
            if verb == "link":
                return self._link(session, person, request, rest)
            if verb == "unlink":
                return self._unlink(session, person, request), None
        # Reads that open their own (audited) transaction run after this one has ended: SQLite
        # allows one writer at a time, and a nested transaction would wait for its own parent.
        if verb == "holds":
            return self._holds(person), None
        if verb in ("pause", "resume"):
            return self._pause(person, rest, paused=verb == "pause"), None
        return self._transcript(person, rest), None

    def _help(self, person: Person | None) -> str:
        verbs = dict(EVERYONE)
        if person is not None and person.role == "coordinator":
            verbs |= COORDINATORS
        return "Commands: " + "; ".join(f"`{v}` — {what}" for v, what in verbs.items())

    def _status(self, session: Session, person: Person) -> str:
        matches = repo.matches_of(session, person.id)  # type: ignore[arg-type]
        if not matches:
            return f"Hi {person.display_name}, you're not in a mentoring match yet."
        parts = []
        for match in matches:
            coordinator = session.get(Person, match.coordinator_id) if match.coordinator_id else None
            others = [p.display_name for p, _ in repo.members(session, match.id) if p.id != person.id]  # type: ignore[arg-type]
            with_whom = ", ".join(others) or "nobody yet"
            line = (f"Match {match.key} ({match.model}, {match.status}) with {with_whom}"
                    f"; coordinator: {coordinator.display_name if coordinator else 'not set'}")
            upcoming = self.next_prompt(session, match) if self.next_prompt else None
            if upcoming:
                line += f"; next prompt: {upcoming}"
            parts.append(line)
        return "\n".join(parts)

    def _concern(self, session: Session, person: Person, text: str) -> str:
        if not text:
            return "Tell me what's worrying you after `concern`, e.g. `concern I feel uncomfortable`."
        program = session.get(Program, person.program_id)
        assert program is not None
        matches = repo.matches_of(session, person.id)  # type: ignore[arg-type]
        raise_alert(session, program=program, kind="concern", urgent=True, now=self._clock(),
                    match_id=matches[0].id if matches else None,
                    summary=f"Concern from {person.display_name} ({person.role}): {text}")
        session.commit()
        return ("Thank you for telling us. Your coordinator has been told privately and will follow up "
                "with you soon.")

    def _link(self, session: Session, coordinator: Person, request: CommandRequest,
              rest: str) -> tuple[str, SupervisedChannel | None]:
        words = rest.split()
        if len(words) != 2 or words[1] not in ("mentor", "student"):
            return "Usage: `link <match-id> mentor|student`", None
        match = repo.match_by_key(session, words[0], coordinator.program_id)
        if match is None:
            return f"There is no match `{words[0]}` in your program.", None
        ref = request.channel
        channel = repo.supervised_channel(session, ref, active_only=False)
        now = self._clock()
        if channel is None:
            channel = SupervisedChannel(match_id=match.id, platform=ref.platform, workspace=ref.workspace,  # type: ignore[arg-type]
                                        channel=ref.channel, side=words[1], linked_at=now)
        channel.match_id, channel.side, channel.active = match.id, words[1], True  # type: ignore[assignment]
        channel.linked_at, channel.linked_by = now, coordinator.key
        session.add(channel)
        audit.record(session, program_id=coordinator.program_id, actor=coordinator.key, at=now,
                     action="channel.link", target=f"match:{match.key}",
                     detail={"channel": str(ref), "side": words[1]})
        session.commit()
        session.refresh(channel)
        start = (f" When both sides are linked, start the match on the desk (Choosing) or with "
                 f"`mentorbot match start {match.key}`." if match.status == "proposed" else "")
        return (f"This channel is now the {words[1]}-side supervised channel of match {match.key}. "
                "I'll check who can read it and tell you if anything looks unsafe." + start), channel

    def _unlink(self, session: Session, coordinator: Person, request: CommandRequest) -> str:
        channel = repo.supervised_channel(session, request.channel)
        if channel is None:
            return "This channel isn't a supervised channel."
        match = session.get(Match, channel.match_id)
        if match is None or match.program_id != coordinator.program_id:
            return "This channel belongs to another program."
        channel.active = False
        session.add(channel)
        audit.record(session, program_id=coordinator.program_id, actor=coordinator.key, at=self._clock(),
                     action="channel.unlink", target=f"match:{match.key}",
                     detail={"channel": str(request.channel)})
        session.commit()
        return f"I've stopped relaying this channel for match {match.key}."

    def _holds(self, coordinator: Person) -> str:
        holds = self._review.open_holds(coordinator.program_id, reader=coordinator.key)
        if not holds:
            return "No held messages. 🎉"
        return "\n".join(f"#{h.review_id} {h.match_key}: {h.sender_name} ({h.sender_role}): "
                         f"{h.text[:120]} [{h.rules}]" for h in holds)

    def _pause(self, coordinator: Person, rest: str, *, paused: bool) -> str:
        key, _, reason = rest.partition(" ")
        if not key:
            return f"Usage: `{'pause' if paused else 'resume'} <match-id> [reason]`"
        try:
            match = set_paused(self._engine, key, paused=paused, program_id=coordinator.program_id,
                               actor=coordinator.key, clock=self._clock, reason=reason.strip())
        except MatchError as error:
            return f"Can't do that: {error}."
        if paused:
            return f"Match {match.key} is paused: every message waits for you until you `resume {match.key}`."
        return f"Match {match.key} is resumed; messages that waited for it are delivered."

    def _transcript(self, coordinator: Person, match_key: str) -> str:
        if not match_key:
            return "Usage: `transcript <match-id>`"
        try:
            _, lines = read_transcript(self._engine, match_key, actor=coordinator.key, clock=self._clock,
                                       program_id=coordinator.program_id, purpose="transcript.read")
        except TranscriptError as error:
            return str(error)
        if not lines:
            return f"Match {match_key} has no messages yet."
        return "\n".join(describe(line) for line in lines[-20:])

