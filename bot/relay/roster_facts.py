"""The roster facts the relay reads for every message, kept between messages while they are current.

For each message the relay needs the same few facts: which match and program a channel belongs
to and the match's other channels, the match's status, the program's time zone and policy, who a
platform account is (role, program, name) with their place in the match, and whether their
records (permission form, clearance, training) are in order today. Reading them through the ORM
was the largest CPU item left on the record path (issue 16), and they change rarely.

Here they are plain frozen dataclasses, cached per process under the roster's generation
(``storage.roster_generation``): the database moves that number in the same transaction as any
change to these facts, and the relay reads it in the one statement it runs first for every message
anyway (``probe``, with the dedupe check and the flood count). Facts cached under another number
are dropped and read again in the message's own transaction, after the number was read, so
they are never older than it: a paused match, a withdrawn form or a removed member takes effect
with the next message in every process. Nothing is cached for an account or channel the roster
does not know (a stranger, a direct message): those take the read-through path every time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from bot.messages import Inbound, InboundKind
from bot.relay.sender_facts import Sender, judged
from bot.year.settings import local_today
from bot.year.standing import record_holds
from storage import relay_repo, roster_generation
from storage.models import Match, Person, Program, SupervisedChannel

Address = tuple[str, str, str]  # platform, workspace, channel (or user id)


@dataclass(frozen=True, slots=True)
class ChannelFacts:
    id: int
    match_id: int
    platform: str
    workspace: str
    channel: str
    side: str


@dataclass(frozen=True, slots=True)
class MatchFacts:
    id: int
    key: str
    program_id: str
    status: str


@dataclass(frozen=True, slots=True)
class ProgramFacts:
    id: str
    timezone: str
    policy_file: str | None
    emergency_line: str


@dataclass(frozen=True, slots=True)
class PersonFacts:
    id: int
    program_id: str
    role: str
    display_name: str
    avatar_url: str | None
    active: bool


@dataclass(frozen=True, slots=True)
class Located:
    """A supervised channel with its match, program and the match's active channels (id order)."""

    channel: ChannelFacts
    match: MatchFacts
    program: ProgramFacts
    channels: tuple[ChannelFacts, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    """The roster person behind the account and their role in the channel's match (None: not a member)."""

    person: PersonFacts
    member_role: str | None


@dataclass(frozen=True, slots=True)
class Found:
    """What the relay knows before policing a message in a supervised channel."""

    where: Located
    speaker: Speaker | None
    recent: int  # the sender's messages in the flood window
    scored: bool | None  # the sender has a conversation state in the match (None: not known)
    generation: int
    bumped: tuple[int, str, int] | None = None  # the message chain's head, taken with the probe


def channel_facts(row: SupervisedChannel) -> ChannelFacts:
    return ChannelFacts(row.id, row.match_id, row.platform, row.workspace, row.channel, row.side)  # type: ignore[arg-type]


def located_from(context: relay_repo.Context) -> Located:
    channel, match, program, siblings = context
    return Located(channel_facts(channel),
                   MatchFacts(match.id, match.key, match.program_id, match.status),  # type: ignore[arg-type]
                   ProgramFacts(program.id, program.timezone, program.policy_file, program.emergency_line),
                   tuple(channel_facts(c) for c in siblings))


def person_facts(person: Person) -> PersonFacts:
    return PersonFacts(person.id, person.program_id, person.role, person.display_name,  # type: ignore[arg-type]
                       person.avatar_url, person.active)


@dataclass(slots=True)
class _Snapshot:
    """Facts read at one roster generation (-1 or None: nothing may be kept)."""

    generation: int | None
    channels: dict[Address, Located] = field(default_factory=dict)
    speakers: dict[tuple[Address, int], Speaker] = field(default_factory=dict)
    holds: dict[tuple[int, str, date], tuple] = field(default_factory=dict)


class RosterCache:
    """Roster facts of one process, valid while the database's roster generation is unchanged.

    Shared by the relay's worker threads: a snapshot is replaced whole when the generation moves,
    and a fact read at one generation is only ever kept in that generation's snapshot.
    """

    def __init__(self, *, enabled: bool = True, limit: int = 50_000) -> None:
        self.enabled = enabled
        self._limit = limit  # facts per snapshot; beyond it the snapshot starts over (memory bound)
        self._snapshot = _Snapshot(None)
        self._lock = threading.Lock()

    def current(self) -> _Snapshot:
        return self._snapshot

    def at(self, generation: int) -> _Snapshot:
        """The snapshot for ``generation``: the current one, or a fresh empty one replacing it."""
        with self._lock:
            snapshot = self._snapshot
            full = len(snapshot.channels) + len(snapshot.speakers) + len(snapshot.holds) > self._limit
            if snapshot.generation != generation or full:
                keep = self.enabled and generation >= 0
                snapshot = self._snapshot = _Snapshot(generation if keep else None)
            return snapshot

    def clear(self) -> None:
        with self._lock:
            self._snapshot = _Snapshot(None)


NO_STORE = "roster_facts.no_store"  # session.info key: facts read in this transaction must not be kept


def may_keep(session: Session, snapshot: _Snapshot, generation: int) -> bool:
    """Facts read now may be kept in ``snapshot``: it is the generation they were read after, and
    this transaction has not written roster rows itself (its uncommitted writes would be in what it
    reads, under a generation that does not count them: ``Relay.record_many`` sets ``NO_STORE`` for
    a group, the relay's avatar update for its own transaction)."""
    return snapshot.generation == generation and not session.info.get(NO_STORE)


def find(session: Session, cache: RosterCache, event: Inbound, since: datetime) -> tuple[bool, Found | None]:
    """(already recorded, the channel and sender) for an event; ``None`` outside supervised channels.

    The first statement is always ``roster_generation.probe``; where the cache holds the channel
    and the sender at the generation it returns, that is the only read before the policy.
    """
    ref, snapshot = event.channel, cache.current()
    where = snapshot.channels.get((ref.platform, ref.workspace, ref.channel))
    speaker = snapshot.speakers.get(((ref.platform, ref.workspace, event.author_id), where.match.id)) \
        if where is not None else None
    connection = session.connection()
    # a new message where the facts are cached will append one row to its program's message chain:
    # on PostgreSQL take the chain's head in this first statement (one round trip less)
    bump = where.program.id if (where is not None and speaker is not None and snapshot.generation is not None
                                and event.kind == InboundKind.MESSAGE and not event.is_direct) else None
    found = roster_generation.probe(connection, dedupe_key=event.dedupe_key, since=since,
                                    person_id=speaker.person.id if speaker else None,
                                    match_id=where.match.id if where else None, bump_program=bump)
    if found.seen:
        return True, None  # the caller ends the transaction without a commit: the bump is undone
    if where is not None and speaker is not None and found.generation == snapshot.generation:
        return False, Found(where, speaker, found.recent, found.scored, found.generation, found.bumped)
    if found.bumped is not None:  # the facts changed: start again without the head taken
        session.rollback()
        return _again(session, cache, event, since)
    return False, _read_through(session, cache.at(found.generation), event, since, found.generation)


def _again(session: Session, cache: RosterCache, event: Inbound,
           since: datetime) -> tuple[bool, Found | None]:
    """``find`` in a fresh transaction after a stale cache was noticed with the chain head taken."""
    found = roster_generation.probe(session.connection(), dedupe_key=event.dedupe_key, since=since,
                                    person_id=None, match_id=None)
    if found.seen:
        return True, None
    return False, _read_through(session, cache.at(found.generation), event, since, found.generation)


def _read_through(session: Session, snapshot: _Snapshot, event: Inbound, since: datetime,
                  generation: int) -> Found | None:
    """The facts read from the database (after the generation was: never older than it), kept."""
    ref = event.channel
    _seen, context = relay_repo.event_in_channel(session, ref, event.dedupe_key)
    if context is None:
        return None
    where = located_from(context)
    sender = relay_repo.sender_in_match(session, ref, event.author_id, where.match.id, since=since)
    keep = may_keep(session, snapshot, generation)
    if keep:
        snapshot.channels[(ref.platform, ref.workspace, ref.channel)] = where
    if sender is None:
        return Found(where, None, 0, None, generation)
    person, membership, recent = sender
    speaker = Speaker(person_facts(person), membership.role if membership is not None else None)
    if keep:
        snapshot.speakers[((ref.platform, ref.workspace, event.author_id), where.match.id)] = speaker
    return Found(where, speaker, recent, None, generation)


def sender_standing(session: Session, cache: RosterCache, found: Found, now: datetime) -> Sender:
    """The gate facts of the speaker in the channel today (their records' holds cached per day)."""
    where, speaker = found.where, found.speaker
    person = speaker.person if speaker else None
    holds: tuple = ()
    if person is not None and person.program_id == where.match.program_id \
            and person.role in ("student", "mentor"):
        today = local_today(where.program, now)  # type: ignore[arg-type]
        key = (person.id, where.channel.platform, today)
        snapshot = cache.current()
        cached = snapshot.holds.get(key) if snapshot.generation == found.generation else None
        if cached is None:
            row = session.get(Person, person.id)
            assert row is not None
            cached = record_holds(session, row, where.channel.platform, today)
            if may_keep(session, snapshot, found.generation):
                snapshot.holds[key] = cached
        holds = cached
    return judged(person, speaker.member_role if speaker else None, where.match.program_id,
                  where.match.status, where.channel.side, holds)


def orm_rows(session: Session, found: Found) -> tuple[Program, Match]:
    """The program and match as ORM rows, for the rarer steps written against them (a hold, an
    alert, a conversation state): ``session.get``, one statement each unless already loaded."""
    program = session.get(Program, found.where.program.id)
    match = session.get(Match, found.where.match.id)
    assert program is not None and match is not None
    return program, match
