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
    "contact": (("student", "mentor"), ("hold", "alert")),
    "offplatform": (("student", "mentor"), ("hold", "alert", "backs")),
    "language": (("student", "mentor"), ("hold", "backs")),
}
# Chosen on spent development sets before the round's fresh sets were scored (docs/policy.md):
# below it, the head does not back a mentor's single soft rule stop.
BACKS_DEFAULT = 0.8
# A student's message the contact or off-platform head reads at or above these, below its hold, is
# delivered with the coordinator alerted ("profe me puede pasar su número de whatsapp?", "MISS VAMOS
# A HABLAR X TEXT"). Chosen on spent fresh writers' sets (AX..CG, 9,481 student rows) before round
# 21's sealed runs: about as many real asks that the hold let through silently as ordinary messages
# alerted (10 : 10, 0.15 % of the students' ordinary chat; at 0.9 it was 13 : 25). Mentors' messages
# have no alert band: their holds and the rules are stricter.
STUDENT_ALERT_DEFAULTS = {"contact": 0.92, "offplatform": 0.93}
STUDENT_ALERT_HEADS = tuple(STUDENT_ALERT_DEFAULTS)
HEAD_ROLES = {name: roles for name, (roles, _) in HEADS.items()}
HEAD_THRESHOLDS = {name: bands for name, (_, bands) in HEADS.items()}


def with_default_bands(name: str, thresholds: dict[str, float]) -> dict[str, float]:
    """A head's thresholds with the bands its trained file predates (the students' contact and
    off-platform alert band, round 21) filled in with their defaults. A default is not a trained
    threshold: a program that lowers the hold below it is not refused (``policies/config.py``
    checks moved and trained values); the band is then empty, as the hold comes first."""
    if name in STUDENT_ALERT_HEADS:
        return {"alert": STUDENT_ALERT_DEFAULTS[name], **thresholds}
    return thresholds


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
