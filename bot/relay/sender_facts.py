"""What the gates need to know about a sender in a channel, read from the database.

One reader for the relay (when a message arrives) and for ``bot.review.gate_holds`` (when a gate
may have cleared since), so both judge a message by the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from bot.relay.gates import SenderFacts
from storage import repo
from storage.models import Match, Person, SupervisedChannel


@dataclass(frozen=True, slots=True)
class Sender:
    """The gate facts plus the roles the relay logs and polices with."""

    facts: SenderFacts
    match_role: str | None  # mentor | student in this match, or None
    person_role: str | None  # the roster role, None for a stranger or another program's person


def sender_in(session: Session, *, sender: Person | None, match: Match, channel: SupervisedChannel) -> Sender:
    """The facts about ``sender`` posting in ``channel`` of ``match`` as the database says now."""
    match_role = repo.member_role(session, match.id, sender.id) if sender else None  # type: ignore[arg-type]
    if sender is not None and sender.program_id != match.program_id:
        match_role, person_role = None, None
    else:
        person_role = sender.role if sender else None
    facts = SenderFacts(
        known=sender is not None and person_role is not None, match_role=match_role,
        person_role=person_role, consent_received=sender.consent_received if sender else None,
        cleared_on=sender.cleared_on if sender else None, match_status=match.status,
        channel_side=channel.side,
    )
    return Sender(facts, match_role, person_role)
