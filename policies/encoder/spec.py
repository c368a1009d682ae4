"""The encoder's heads in one table: whose messages each head reads, and which thresholds a
program file may move for it. The runtime layer, the training script's validation and the policy
file's checks all read this table, so a head cannot be added to one and missed by another."""

from __future__ import annotations

# head: (the senders whose messages it reads, its thresholds — "hold" stops the message; "flag"
# marks a delivered grooming signal; "alert" tells the coordinator about a possible disclosure;
# "corroborate" is the concern score at which the head backs the rules' disclosure words;
# "backs" the score at which it backs a mentor's message stopped by one soft reading of the rules)
HEADS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "grooming": (("mentor",), ("hold", "flag", "backs")),
    "concern": (("student",), ("hold", "alert", "corroborate")),
    "contact": (("student", "mentor"), ("hold",)),
    "offplatform": (("student", "mentor"), ("hold", "backs")),
    "language": (("student", "mentor"), ("hold", "backs")),
}
# Chosen on spent development sets before the round's fresh sets were scored (docs/policy.md):
# below it, the head does not back a mentor's single soft rule stop.
BACKS_DEFAULT = 0.8
HEAD_ROLES = {name: roles for name, (roles, _) in HEADS.items()}
HEAD_THRESHOLDS = {name: bands for name, (_, bands) in HEADS.items()}


def corroborate_at(t: dict[str, float]) -> float:
    """The concern score that corroborates the rules' disclosure words: the head's own
    ``corroborate`` threshold (heads before round 17 had none: their alert band), never below
    the alert band (a program that raises its alert band raises this with it)."""
    return max(t.get("corroborate", t["alert"]), t["alert"])


def backs_at(t: dict[str, float]) -> float:
    """The score at which a head backs a mentor's message stopped by one soft reading of the
    rules (``Policy._unbacked_mentor_reading``): the head's ``backs`` threshold, else the default;
    never above its hold (a score the head would hold at backs the rules too)."""
    return min(t.get("backs", BACKS_DEFAULT), t.get("hold", 1.0))
