"""Queue the relayed copies of a logged message: one outbox row per other channel of its match.

Used by the relay for an allowed message and by the review desk for an approved or released one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.messages import ChannelRef
from bot.relay.routing import relay_targets
from storage import outbox, repo
from storage.direct_insert import insert_values
from storage.models import Delivery, MessageLog, Person


def queue_copies(session: Session, *, program_id: str, match_id: int, origin: ChannelRef, row: MessageLog,
                 text: str, sender: Person | None, now: datetime, suffix: str = "") -> int:
    """One relay outbox row per other channel of the match; returns how many."""
    # written at once with one Core INSERT (storage.direct_insert): nothing reads them back as objects
    rows = copy_rows(session, program_id=program_id, match_id=match_id, origin=origin, row=row, text=text,
                     sender=sender, now=now, suffix=suffix)
    insert_values(session, Delivery.__table__, rows)  # type: ignore[attr-defined]
    return len(rows)


def copy_rows(session: Session, *, program_id: str, match_id: int, origin: ChannelRef, row: MessageLog,
              text: str, sender: Person | None, now: datetime, suffix: str = "") -> list[dict[str, Any]]:
    """The column values of ``queue_copies``'s outbox rows (the relay writes them in the statement
    that writes the log row, ``storage.chain.append_now``)."""
    # The relay loaded them with the origin channel in this transaction (bot.relay.roster_facts).
    channels = session.info.get("match_channels", {}).get(match_id) or repo.match_channels(session, match_id)
    targets = relay_targets(origin, [ChannelRef(c.platform, c.workspace, c.channel) for c in channels])
    return [outbox.relay_columns(
        program_id=program_id, message_id=row.id, target=target, text=text,  # type: ignore[arg-type]
        sender_name=row.sender_name, sender_avatar=sender.avatar_url if sender else None,
        thread_id=row.thread_id, now=now, suffix=suffix,
    ) for target in targets]
