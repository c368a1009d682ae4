"""The program's own gates before the policy: who may speak where, consent and match status.

Pure functions that return policy ``Hit``s, so a gate reads like any rule in transcripts and
review cards (rule id, reason for the coordinator, notice for the sender). What the program's
records say (a permission form covering the platform, clearance, required training: issue 14)
is worked out by ``bot.year.standing`` and arrives here as ``record_holds``.
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.types import Action, Hit


@dataclass(frozen=True, slots=True)
class SenderFacts:
    """What the core knows about the sender and the match when a message arrives."""

    known: bool
    match_role: str | None  # mentor | student | None (not a member)
    person_role: str | None  # coordinator | mentor | student | teacher
    match_status: str
    channel_side: str
    # (rule, reason for the coordinator, notice for the sender) for each record that is not in
    # order: consent.missing / consent.expired / consent.platform, clearance.*, training.missing
    record_holds: tuple[tuple[str, str, str], ...] = ()


def _hit(rule: str, reason: str, notice: str, *, alert: bool = False) -> Hit:
    return Hit(rule=rule, start=0, end=0, reason=reason, notice=notice, action=Action.HOLD,
               alert=alert, category="program")


def gate_hits(facts: SenderFacts) -> list[Hit]:
    """Holds the program requires regardless of what the message says."""
    if facts.person_role == "coordinator" and facts.match_role is None:
        return []  # the program's coordinators may speak in any of its channels
    if not facts.known or facts.match_role is None:
        return [_hit(
            "match.stranger",
            "Sender is not a member of this match; message held and not relayed.",
            "Your message is waiting for the program coordinator, because you're not listed in "
            "this mentoring group yet.",
            alert=True,
        )]
    hits: list[Hit] = []
    if facts.match_status != "active":
        hits.append(_hit(
            f"match.{facts.match_status}",
            f"The match is {facts.match_status}; messages wait for the coordinator.",
            "This conversation is paused right now, so your message will wait for your "
            "coordinator." if facts.match_status == "paused" else
            "This mentoring match isn't active, so your message will wait for your coordinator.",
        ))
    hits.extend(_hit(rule, reason, notice) for rule, reason, notice in facts.record_holds)
    if facts.channel_side in ("mentor", "student") and facts.match_role != facts.channel_side:
        hits.append(_hit(
            "channel.wrong_side",
            f"A {facts.match_role} posted in the {facts.channel_side}-side channel: adults and "
            "students should sit in separate channels. Check the channel's members.",
            "Please post in your own side's mentoring channel; this message is waiting for your "
            "coordinator.",
            alert=True,
        ))
    return hits
