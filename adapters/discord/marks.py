"""The delivery mark: an invisible tail that lets the adapter recognise its own earlier posts.

Discord's webhooks take no nonce, so a delivery that Discord stored just before the process died
would be posted again by the retry. Each part the adapter posts therefore ends with a mark made
from the delivery's idempotency key and the part's number: U+2060 WORD JOINER, then 16 characters
from {U+200B, U+200C, U+200D, U+2062} (32 bits of a BLAKE2b hash, two bits per character). All of
them are Unicode Default_Ignorable_Code_Point characters: clients draw nothing and screen readers
say nothing. The retry (``Outbound.attempt`` > 1) reads the channel's messages since the delivery
was queued, and the parts that carry their mark are taken as already posted (pure helpers here; the
I/O is in ``adapter.py``). Posts by people never count, even if they copy a relayed text.
"""

from __future__ import annotations

import hashlib
import re

START = "\u2060"
SYMBOLS = ("\u200b", "\u200c", "\u200d", "\u2062")
MARK_LEN = 17
_MARK_RE = re.compile("\u2060[\u200b\u200c\u200d\u2062]{16}\\Z")


def mark_for(idempotency_key: str, part: int) -> str:
    """The invisible tail of part ``part`` (0-based) of the delivery ``idempotency_key``."""
    digest = hashlib.blake2b(f"{idempotency_key}#{part}".encode(), digest_size=4).digest()
    value = int.from_bytes(digest, "big")
    return START + "".join(SYMBOLS[(value >> (2 * i)) & 3] for i in range(16))


def mark_of(content: str) -> str | None:
    """The mark a message ends with, if any."""
    found = _MARK_RE.search(content)
    return found.group(0) if found else None


def without_mark(content: str) -> str:
    """The text of a posted part without its mark (what was relayed)."""
    return _MARK_RE.sub("", content)


def posted_parts(found: dict[str, str], idempotency_key: str, count: int) -> list[str]:
    """Ids of the leading parts of a delivery already posted, from ``found`` (mark -> message id).

    Parts go out in order, so only an unbroken run from the first part counts.
    """
    ids: list[str] = []
    for part in range(count):
        message_id = found.get(mark_for(idempotency_key, part))
        if message_id is None:
            break
        ids.append(message_id)
    return ids
