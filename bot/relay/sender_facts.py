"""What the gates need to know about a sender in a channel, read from the database.

One reader for the relay (when a message arrives) and for ``bot.review.gate_holds`` (when a gate
may have cleared since), so both judge a message by the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from bot.relay.gates import SenderFacts
from bot.year.settings import local_today
from bot.year.standing import record_holds
from storage import repo
from storage.models import Match, Person, Program, SupervisedChannel


@dataclass(frozen=True, slots=True)
class Sender:
    """The gate facts plus the roles the relay logs and polices with."""

    facts: SenderFacts
    match_role: str | None  # mentor | student in this match, or None
    person_role: str | None  # the roster role, None for a stranger or another program's person


def sender_in(session: Session, *, sender: Person | None, match: Match, channel: SupervisedChannel,
              now: datetime) -> Sender:
    """The facts about ``sender`` posting in ``channel`` of ``match`` as the database says at ``now``
    (permission forms and training are dated records: issue 14, ``bot.year.standing``)."""
    member_role = repo.member_role(session, match.id, sender.id) if sender else None  # type: ignore[arg-type]
    holds: tuple[tuple[str, str, str], ...] = ()
    if sender is not None and sender.program_id == match.program_id and sender.role in ("student", "mentor"):
        program = session.get(Program, match.program_id)
        assert program is not None
        holds = record_holds(session, sender, channel.platform, local_today(program, now))
    return judged(sender, member_role, match.program_id, match.status, channel.side, holds)


class _Someone(Protocol):
    @property
    def program_id(self) -> str: ...
    @property
    def role(self) -> str: ...


def judged(sender: _Someone | None, member_role: str | None, program_id: str, match_status: str,
           channel_side: str, holds: tuple[tuple[str, str, str], ...]) -> Sender:
    """The gate facts from what was read (an ORM person or the relay's cached ``PersonFacts``)."""
    match_role = member_role if sender is not None else None
    if sender is not None and sender.program_id != program_id:
        match_role, person_role = None, None  # another program's person: a stranger here
    else:
        person_role = sender.role if sender else None
    if person_role not in ("student", "mentor"):
        holds = ()
    facts = SenderFacts(
        known=sender is not None and person_role is not None, match_role=match_role,
        person_role=person_role, match_status=match_status, channel_side=channel_side, record_holds=holds,
    )
    return Sender(facts, match_role, person_role)
