"""Finding the parts of a delivery that an earlier, interrupted attempt already posted.

Used when the delivery worker retries (``Outbound.attempt`` > 1): the earlier attempt may have
died after Discord stored a post and before the outbox recorded it. The channel's messages since
the delivery was queued are read oldest first; a post of the bot (through one of its webhooks, or
as the bot user) whose invisible mark (``marks.py``) belongs to this delivery counts as posted.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import discord

from adapters.discord import convert, marks

CLOCK_SKEW = timedelta(minutes=5)  # our clock against Discord's snowflake clock, generously
SCAN_LIMIT = 500  # messages read after the delivery was queued (five history pages)
NEWEST = 100  # without a queue time: the newest page, as the Slack adapter reads


async def earlier_parts(
    where: Any,
    *,
    idempotency_key: str,
    count: int,
    webhook_ids: set[int],
    bot_user_id: int | None,
    queued_at: datetime | None,
) -> list[str]:
    """Ids of the leading parts of this delivery already in ``where`` (a channel or thread)."""
    wanted = {marks.mark_for(idempotency_key, part) for part in range(count)}
    found: dict[str, str] = {}
    if queued_at is not None:
        after = discord.Object(id=convert.snowflake_at(queued_at - CLOCK_SKEW))
        history = where.history(limit=SCAN_LIMIT, after=after, oldest_first=True)
    else:
        history = where.history(limit=NEWEST)
    async for message in history:
        by_bot = (message.webhook_id in webhook_ids) if message.webhook_id else (
            bot_user_id is not None and message.author.id == bot_user_id)
        mark = marks.mark_of(message.content) if by_bot else None
        if mark in wanted:
            found.setdefault(mark, str(message.id))
            if len(found) == len(wanted):
                break
    return marks.posted_parts(found, idempotency_key, count)
