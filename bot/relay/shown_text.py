"""The text a relayed copy shows: what the policy read, in the order it read it.

Bidi controls (right-to-left override U+202E, isolates, embeddings, the direction marks) change
the order in which characters are displayed, not the characters: "4433-102-555" after U+202E is
displayed as "555-201-3344", a phone number the policy never saw. Relayed copies and their edits
leave them out, so the other side reads the message in its logical order, the one the policy
judged. The log keeps the exact original (and the desk shows the controls as ⟦U+202E⟧).
"""

from __future__ import annotations

import re

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def as_relayed(text: str) -> str:
    """``text`` without bidi controls (everything else exactly as written)."""
    return BIDI_CONTROLS.sub("", text)
