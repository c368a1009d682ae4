"""The review card adapters are handed by the core, built once for every adapter's tests."""

from __future__ import annotations

from typing import Any

from bot.messages import ReviewCard


def review_card(**over: Any) -> ReviewCard:
    """A held message's card (a student shared a phone number); any field can be overridden.

    ``review_id=None, alert_id=N`` makes it an alert's card.
    """
    fields: dict[str, Any] = {
        "review_id": 41,
        "alert_id": None,
        "program_name": "Lincoln P-TECH",
        "match_id": "match-7",
        "sender_name": "Ana R.",
        "sender_role": "student",
        "text": "text me at 555-0100",
        "rules": ("contact.phone",),
        "reasons": ("shares a phone number",),
        "urgent": False,
    }
    fields.update(over)
    fields.setdefault("idempotency_key", f"review-{fields['review_id']}")
    return ReviewCard(**fields)
