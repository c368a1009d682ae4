"""The policy's vocabulary: what the relay core hands in and what it gets back.

The core calls ``Policy.evaluate(text, context)``; everything here is plain, frozen data so
policies stay pure functions (DESIGN.md, STYLE.md point 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Action(StrEnum):
    """What happens to a message. Ordered by severity: allow < hold < block."""

    ALLOW = "allow"
    HOLD = "hold"
    BLOCK = "block"

    @property
    def severity(self) -> int:
        return {"allow": 0, "hold": 1, "block": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule firing on one span of the text.

    ``start``/``end`` index the original text (Python string indices, end exclusive).
    ``reason`` is the precise note for the coordinator; ``notice`` is the one friendly
    sentence the sender may see. ``signal`` is the hit's weight toward the per-match,
    per-direction conversation score (policies/conversation.py): a WEAK signal is a hit with
    ``action=ALLOW`` and ``signal > 0`` (delivered but flagged); strong hits may carry one too.
    ``score``/``threshold`` are set by the encoder layer (the head's probability and the
    threshold it crossed), so a coordinator can see how sure it was; ``band`` names the band
    of the head that fired: "hold" (held), "alert" (a student's low-confidence disclosure:
    delivered, coordinator alerted, nothing shown to the student) or "flag" (a mentor's weak
    grooming signal: delivered, flagged for a later look).
    """

    rule: str
    start: int
    end: int
    reason: str
    notice: str
    action: Action
    alert: bool = False
    category: str = ""
    signal: float = 0.0
    score: float | None = None
    threshold: float | None = None
    band: str = ""


# The roster's roles (bot/roster/schema.py) a message can be sent in.
SENDER_ROLES = ("student", "mentor", "teacher", "coordinator")


def reading_role(role: str | None) -> str:
    """The role a message is read as: "student", "mentor" or "coordinator".

    An adult who is not the program's coordinator ("teacher") is read as a mentor is, and so is a
    role nobody knows ("Mentor " with a space is a mentor; "volunteer" is read as one): the adult
    reading stops contact details, off-platform moves and grooming, so a typo never buys the
    lenient one. The coordinator reviews the channel and posts its notices: read as before.
    """
    name = (role or "student").strip().lower()
    return name if name in ("student", "mentor", "coordinator") else "mentor"


@dataclass(frozen=True, slots=True)
class PolicyContext:
    """What the policy may know about a message besides its text.

    ``sent_at`` is timezone-aware; ``timezone`` is the program's IANA zone (quiet hours are
    local). ``recent_count`` is how many messages this sender logged in the last
    ``recent_window_s`` seconds (the core counts; the policy decides what a flood is).
    """

    role: str = "student"
    sent_at: datetime | None = None
    timezone: str = "UTC"
    recent_count: int = 0
    recent_window_s: int = 60
    attachment_count: int = 0
    is_edit: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The combined verdict: the strictest action of all hits, alert if any hit alerts.

    ``notice`` is the single friendly sentence for the sender when the action is not allow
    (None otherwise, and never a shaming notice for a safeguarding disclosure).
    ``hold_until`` is set when a hold releases by itself (quiet hours end).
    ``flag`` marks a delivered message the coordinator should look at later (a weak signal);
    ``layer`` says which layer decided: "rules", "encoder" or "rules+encoder".
    """

    action: Action
    alert: bool = False
    hits: tuple[Hit, ...] = field(default_factory=tuple)
    notice: str | None = None
    hold_until: datetime | None = None
    flag: bool = False
    layer: str = "rules"

    @property
    def signal(self) -> float:
        """This message's weight toward the conversation score (the strongest hit's signal)."""
        return max((h.signal for h in self.hits), default=0.0)

    @property
    def rules(self) -> list[str]:
        return [h.rule for h in self.hits]


ALLOW = Decision(action=Action.ALLOW)
