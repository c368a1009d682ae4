"""The program's own gates before the policy: who may speak where, consent and match status.

Pure functions that return policy ``Hit``s, so a gate reads like any rule in transcripts and
review cards (rule id, reason for the coordinator, notice for the sender).

Some of these holds are the program's rules, not judgement calls (DESIGN.md): ``GATES`` lists
them. A hold for a gate is released when the gate clears (``bot.review.gate_holds``) or by an
explicit, reasoned, audited override; a plain Approve refuses it. ``channel.wrong_side`` is not a
gate: the sender is a member of the match, and the coordinator judges the post.

What the program's records say about the sender (issue 14: a permission form in force that covers
the platform, clearance in date, required mentor training done) is worked out from the records by
``bot.year.standing`` in ``bot.relay.sender_facts`` and arrives here as ``record_holds``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from policies.types import Action, Hit


@dataclass(frozen=True, slots=True)
class Gate:
    """A program rule that holds messages until it clears; worded for the coordinator."""

    rule: str
    what: str  # what is missing, e.g. "no permission form is on file for the student"
    clears_when: str  # what releases the held messages by itself


GATES: dict[str, Gate] = {gate.rule: gate for gate in (
    Gate("consent.missing", "no permission form is on file for the student",
         "the form is recorded (roster `consent:`, then `mentorbot program import`)"),
    Gate("clearance.missing", "the mentor has not been cleared by the program",
         "the clearance is recorded (roster `cleared:`, then `mentorbot program import`)"),
    # issue 14: permission forms and training as records (bot.year.standing)
    Gate("consent.expired", "the student's permission form has expired or was withdrawn",
         "a new form is recorded (`mentorbot consent record`, or the desk's Records page)"),
    Gate("consent.platform", "the student's permission form does not cover this platform",
         "a form covering the platform is recorded (`mentorbot consent record --platforms ...`)"),
    Gate("clearance.expired", "the mentor's clearance has expired",
         "the renewed clearance is recorded (`mentorbot people clear`)"),
    Gate("training.missing", "the mentor has not completed the program's required training",
         "the training is recorded (`mentorbot training record`)"),
    Gate("match.proposed", "the match is only proposed, not active",
         "the match is activated (roster `status: active`)"),
    Gate("match.paused", "the match is paused", "the match is resumed (`mentorbot match resume`)"),
    Gate("match.ended", "the match has ended", "the match is made active again"),
    Gate("match.stranger", "the sender is not a member of this match",
         "the sender is added to the match in the roster"),
)}


def register_gate(gate: Gate) -> None:
    """Add a gate (issue 14's consent expiry and training gates register theirs here)."""
    GATES[gate.rule] = gate


def gates_among(rules: Iterable[str]) -> list[str]:
    """The gate rule ids among ``rules``, in order, each once."""
    return [rule for rule in dict.fromkeys(rules) if rule in GATES]


def describe_gates(rules: Iterable[str]) -> str:
    """"no permission form is on file for the student (consent.missing); …" for messages."""
    return "; ".join(f"{GATES[r].what} ({r})" if r in GATES else r for r in rules)


def held_because(rules: Iterable[str]) -> str:
    """Why a gate hold has no Approve, for review cards in chat (the desk shows the same facts).

    "Held because the match is paused (match.paused); it is released when the match is resumed
    (…), or override on the desk with a reason."
    """
    gates = [GATES[rule] for rule in gates_among(rules)]
    if not gates:
        return ""
    why = "; ".join(f"{gate.what} ({gate.rule})" for gate in gates)
    when = " and ".join(gate.clears_when for gate in gates)
    return (f"Held because {why}; it is released when {when}, or override on the desk with a "
            "reason. Approve is not offered here.")


@dataclass(frozen=True, slots=True)
class SenderFacts:
    """What the core knows about the sender and the match when a message arrives."""

    known: bool
    match_role: str | None  # mentor | student | None (not a member)
    person_role: str | None  # coordinator | mentor | student | teacher
    match_status: str
    channel_side: str
    # (rule, reason for the coordinator, notice for the sender) for each of the sender's records
    # that is not in order: consent.missing / .expired / .platform, clearance.*, training.missing
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
