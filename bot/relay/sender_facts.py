"""What the gates need to know about a sender in a channel, read from the database.

One reader for the relay (when a message arrives) and for ``bot.review.gate_holds`` (when a gate
may have cleared since), so both judge a message by the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
    match_role = repo.member_role(session, match.id, sender.id) if sender else None  # type: ignore[arg-type]
    if sender is not None and sender.program_id != match.program_id:
        match_role, person_role = None, None
    else:
        person_role = sender.role if sender else None
    holds: tuple[tuple[str, str, str], ...] = ()
    if sender is not None and person_role in ("student", "mentor"):
        program = session.get(Program, match.program_id)
        assert program is not None
        holds = record_holds(session, sender, channel.platform, local_today(program, now))
    facts = SenderFacts(
        known=sender is not None and person_role is not None, match_role=match_role,
        person_role=person_role, match_status=match.status, channel_side=channel.side, record_holds=holds,
    )
    return Sender(facts, match_role, person_role)
