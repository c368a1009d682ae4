"""The console demo: the whole product in a terminal, on the same core and outbox as production.

One line per action. ``PERSON: text`` posts as that person in their side's channel; lines that
start with ``/`` are coordinator (and a few stage) commands; ``/help`` lists them. The demo runs
on a simulated school-day clock (15:30 in the program's timezone, one minute per line) so a
script gives the same output at any hour.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session

from bot.matching.rounds import ChoosingError
from bot.messages import ChannelRef
from bot.review.desk import ReviewError
from bot.roster.pausing import MatchError
from bot.transcript import TranscriptError, describe, read_transcript
from storage import repo, review_repo
from storage.models import Program

if TYPE_CHECKING:
    from bot.app import MentorBot

logger = logging.getLogger(__name__)

HELP = """\
  PERSON: text             post as PERSON (a roster id such as dana or ana) in their match channel
  /dm PERSON text          PERSON writes to the bot directly (not relayed; they get a pointer)
  /edit PERSON text        PERSON edits their last message
  /delete PERSON           PERSON deletes their last message
  /holds                   list held messages
  /approve N [note]        approve held message N      /redact N [note]  approve without flagged details
  /reject N [note]         reject held message N       /alerts           list alerts
  /override N GATE[,GATE] reason   deliver a message held by the program's rules anyway (audited)
  /transcript MATCH        read a match's transcript (the read is logged)
  /pause MATCH, /resume MATCH   pause or resume a match
  /bios                    check the mentors' bios and post them to the #choosing channel
  /round NAME              start a choosing round, open now (matches start in two weeks)
  /mentorbot PERSON TEXT   PERSON types /mentorbot TEXT (e.g. /mentorbot sam leave 2026-12-18 a new job)
  /as COORDINATOR          act as another coordinator  /wait 2h          move the demo clock on
  /who                     people and where they post  /quit             leave"""


class DemoClock:
    """Simulated time: starts at 15:30 local on a school day and moves one minute per action."""

    def __init__(self, timezone: str, day: date | None = None):
        local = ZoneInfo(timezone)
        day = day or datetime.now(local).date()
        while day.weekday() >= 5:
            day += timedelta(days=1)
        self.now = datetime.combine(day, time(15, 30), local).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, delta: timedelta = timedelta(minutes=1)) -> None:
        self.now += delta


class ConsoleStage(Protocol):
    """The console adapter's "play the people" side the demo drives (adapters/console)."""

    async def say(self, user_id: str, channel: str, text: str, *, direct: bool = False) -> str: ...
    async def edit_own(self, user_id: str, channel: str, message_id: str, text: str) -> None: ...
    async def delete_own(self, user_id: str, channel: str, message_id: str) -> None: ...


class Demo:
    """One demo session: lines in, what each side sees out (through the console adapter's echo)."""

    def __init__(self, *, app: MentorBot, console: ConsoleStage, program_id: str,
                 clock: DemoClock, echo: Callable[[str], None]):
        self.app, self.console, self.program_id = app, console, program_id
        self.clock, self.echo = clock, echo
        self.last_message: dict[str, tuple[str, str]] = {}
        with Session(app.engine) as session:
            coordinators = repo.people(session, program_id, role="coordinator")
        self.coordinator = coordinators[0] if coordinators else None

    async def run_line(self, line: str) -> bool:
        """Act on one line; False when the demo should end."""
        line = line.strip()
        if not line or line.startswith("#"):
            return True
        self.clock.tick()
        if line.startswith("/"):
            keep_going = await self._command(line)
        elif ":" in line:
            who, _, text = line.partition(":")
            await self._post(who.strip(), text.strip())
            keep_going = True
        else:
            self.echo("  ? write `PERSON: text` or a /command (/help lists them)")
            keep_going = True
        await self.app.delivery.run_once()
        return keep_going

    async def _post(self, key: str, text: str) -> None:
        found = self._person_channel(key)
        if found is None:
            return
        user_id, channel = found
        message_id = await self.console.say(user_id, channel, text)
        self.last_message[key] = (channel, message_id)

    async def _command(self, line: str) -> bool:
        verb, _, rest = line[1:].partition(" ")
        verb, rest = verb.lower(), rest.strip()
        actor = self.coordinator.key if self.coordinator else "coordinator"
        try:
            if verb in ("quit", "exit", "q"):
                return False
            if verb == "help":
                self.echo(HELP)
            elif verb == "who":
                self._who()
            elif verb == "holds":
                holds = await self.app.core.open_holds(self.program_id, reader=actor)
                self.echo("  no held messages" if not holds else "\n".join(
                    f"  #{h.review_id} [{h.match_key}] {h.sender_name} ({h.sender_role}): {h.text!r}"
                    f" — {h.rules}" for h in holds))
            elif verb in ("approve", "redact", "reject"):
                number, _, note = rest.partition(" ")
                decision = {"approve": "approve", "redact": "approve_redacted", "reject": "reject"}[verb]
                item = await self.app.core.decide(int(number.lstrip("#")), decision, actor=actor,
                                                  coordinator=self.coordinator, note=note.strip())
                self.echo(f"  held message #{item.id}: {item.state.replace('_', ' ')} by {actor}")
            elif verb == "override":
                number, gates, reason = (rest.split(" ", 2) + ["", ""])[:3]
                if self.coordinator is None:
                    raise ValueError("no coordinator in the roster")
                item = await self.app.core.override_gate(int(number.lstrip("#")), gates=gates.split(","),
                                                         reason=reason, coordinator=self.coordinator,
                                                         actor=actor)
                self.echo(f"  held message #{item.id}: delivered by {actor}, "
                          f"overriding {item.override_gates}")
            elif verb == "transcript":
                _, lines = read_transcript(self.app.engine, rest, actor=actor, clock=self.clock,
                                           program_id=self.program_id)
                self.echo("\n".join("  " + describe(t).replace("\n", "\n  ") for t in lines) or "  (empty)")
            elif verb == "alerts":
                self._alerts()
            elif verb in ("pause", "resume"):
                match = await self.app.core.set_paused(rest, paused=verb == "pause",
                                                       program_id=self.program_id, actor=actor)
                self.echo(f"  match {match.key} is now {match.status}")
            elif verb == "as":
                self._switch_coordinator(rest)
            elif verb == "wait":
                self.clock.tick(_duration(rest))
                self.echo(f"  (demo clock is now {self.clock.now.isoformat(timespec='minutes')})")
            elif verb == "bios":
                await self._bios(actor)
            elif verb == "round":
                starts = self.clock.now.date() + timedelta(days=14)
                row = await self.app.core.open_round(self.program_id, key=rest or "demo-round",
                                                     starts_on=starts, actor=actor, open_now=True)
                self.echo(f"  round {row.key} is {row.state}; matches start {row.starts_on}")
            elif verb == "mentorbot":
                await self._mentorbot(rest)
            elif verb == "dm":
                key, _, text = rest.partition(" ")
                found = self._person_channel(key)
                if found:
                    await self.console.say(found[0], f"dm-{key}", text.strip(), direct=True)
            elif verb == "edit":
                key, _, text = rest.partition(" ")
                if key in self.last_message:
                    channel, message_id = self.last_message[key]
                    await self.console.edit_own(self._user(key), channel, message_id, text.strip())
                else:
                    self.echo(f"  {key} has not posted yet")
            elif verb == "delete":
                if rest in self.last_message:
                    channel, message_id = self.last_message.pop(rest)
                    await self.console.delete_own(self._user(rest), channel, message_id)
                else:
                    self.echo(f"  {rest} has not posted yet")
            else:
                self.echo(f"  ? unknown command /{verb} (/help lists them)")
        except (ReviewError, TranscriptError, MatchError, ValueError, ChoosingError) as error:
            self.echo(f"  ! {error}")
        return True

    async def _bios(self, actor: str) -> None:
        report = await self.app.core.check_bios(self.program_id, actor=actor)
        posted = await self.app.core.publish_bios(self.program_id, actor=actor)
        self.echo("\n".join(f"  {line}" for line in report.lines()))
        skipped = "".join(f"; not {k}: {why}" for k, why in posted.not_posted)
        self.echo(f"  {posted.posted} bio(s) posted{skipped}")

    async def _mentorbot(self, rest: str) -> None:
        """A participant's slash command; a form is shown as numbered text (chat shows menus)."""
        from bot.messages import CommandRequest, Form

        key, _, text = rest.partition(" ")
        found = self._person_channel(key)
        if found is None:
            return
        where = ChannelRef("console", "demo", found[1])
        reply = await self.app.core.run_command(CommandRequest(channel=where, user_id=found[0], user_name=key,
                                                               text=text.strip()))
        if isinstance(reply, Form):
            self.echo(f"  [{reply.title}] {reply.intro}")
            for field in reply.fields:
                options = ", ".join(f"{o.value} ({o.label})" for o in field.options)
                self.echo(f"    {field.label}: {options}")
        else:
            self.echo("  " + str(reply).replace("\n", "\n  "))

    def _user(self, key: str) -> str:
        found = self._person_channel(key)
        return found[0] if found else key

    def _person_channel(self, key: str) -> tuple[str, str] | None:
        with Session(self.app.engine) as session:
            person = repo.person_by_key(session, self.program_id, key)
            if person is None:
                self.echo(f"  ! nobody called '{key}' in the roster (/who lists people)")
                return None
            accounts = repo.accounts_of(session, person.id, "console")  # type: ignore[arg-type]
            if not accounts:
                self.echo(f"  ! {key} has no console account in the roster")
                return None
            for match in repo.matches_of(session, person.id):  # type: ignore[arg-type]
                role = repo.member_role(session, match.id, person.id)  # type: ignore[arg-type]
                for channel in repo.match_channels(session, match.id):  # type: ignore[arg-type]
                    if channel.platform == "console" and channel.side == role:
                        return accounts[0].user_id, channel.channel
            return accounts[0].user_id, "lobby"

    def _who(self) -> None:
        with Session(self.app.engine) as session:
            for person in repo.people(session, self.program_id):
                matches = ", ".join(m.key for m in repo.matches_of(session, person.id))  # type: ignore[arg-type]
                self.echo(f"  {person.key:<10} {person.role:<11} {person.display_name}"
                          + (f"  — {matches}" if matches else ""))

    def _alerts(self) -> None:
        with Session(self.app.engine) as session:
            alerts = review_repo.alerts(session, self.program_id)
        self.echo("\n".join(f"  {'URGENT ' if a.urgent else ''}{a.kind}: {a.summary}" for a in alerts)
                  or "  no alerts")

    def _switch_coordinator(self, key: str) -> None:
        with Session(self.app.engine) as session:
            person = repo.person_by_key(session, self.program_id, key)
        if person is None or person.role != "coordinator":
            raise ValueError(f"'{key}' is not a coordinator of this program")
        self.coordinator = person
        self.echo(f"  acting as coordinator {person.display_name}")


def first_program(engine: Engine) -> Program:
    with Session(engine) as session:
        programs = repo.programs(session)
    if not programs:
        raise RuntimeError("no program in the database: import a roster first")
    return programs[0]


def _duration(text: str) -> timedelta:
    units = {"m": "minutes", "h": "hours", "d": "days"}
    text = text.strip().lower()
    if len(text) < 2 or text[-1] not in units or not text[:-1].isdigit():
        raise ValueError("use /wait with a number and m, h or d, e.g. /wait 9h")
    return timedelta(**{units[text[-1]]: int(text[:-1])})
