"""Every audit action mentorbot writes, with what its target names and whom it can concern.

An access request lists every audit event that read or changed something about a student
(``storage.audit_concerns``). Events name their target in many ways (``person:ana``,
``match:dana-ana``, ``proposal:3/dana/1``, ``review:12``, ``program:northside``...), so each action
is declared here once: the kinds of target it names (``TARGET_KINDS``: each has a resolver to the
people it concerns) and, for pages and steps that show many records at once, where its detail lists
what was shown (``listed``) or that it shows every student (``everyone``).

``storage.audit.record`` refuses an undeclared action or a target of an undeclared kind, and
``tests/governance/test_audit_actions.py`` walks the code for every action it can write, so a new
kind of event cannot be silently missing from access requests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Target kinds, by the text before the first ``:`` of ``AuditEvent.target`` ("" = no target).
#: Each has a resolver in ``storage.audit_concerns``; ``hold`` is a legal hold's description
#: ("match dana-ana", "the whole program"), resolved through its subject ``legal_hold:ID``.
TARGET_KINDS = (
    "",
    "person",
    "match",
    "proposal",
    "round",
    "review",
    "alert",
    "activity",
    "program",
    "search",
    "hold",
    "module",
    "term",
    "calendar",
    "expectations",
    "rule",
)
#: Kinds whose records concern nobody in particular (program settings, calendars, rules).
IMPERSONAL_KINDS = ("", "round", "program", "module", "term", "calendar", "expectations", "rule")
#: What a ``listed`` detail key can name: person keys, ``match:KEY`` strings, review, alert or
#: message ids, a proposal run id.
LISTED_KINDS = ("person", "match", "review", "alert", "message", "run")


@dataclass(frozen=True, slots=True)
class Action:
    """``targets``: the target kinds the action may name. ``listed``: (detail key, kind) pairs
    naming what a many-record step read or changed. ``everyone``: the step showed every student's
    record of this sort (a page listing all profiles); said so in the student's access log."""

    targets: tuple[str, ...]
    listed: tuple[tuple[str, str], ...] = ()
    everyone: str | None = None


def _same(targets: tuple[str, ...], names: str, **kw: object) -> dict[str, Action]:
    return {name: Action(targets, **kw) for name in names.split()}  # type: ignore[arg-type]


_PERSON, _MATCH, _PROGRAM, _REVIEW = ("person",), ("match",), ("program",), ("review",)
REVIEW_STATES = "approved approved_redacted rejected released superseded withdrawn"
EXPORT_FORMATS = "csv json html pdf"

ACTIONS: dict[str, Action] = {
    # reads and exports of one record
    "transcript.read": Action(_MATCH + _PERSON),
    **{f"transcript.export.{f}": Action(_MATCH + _PERSON) for f in EXPORT_FORMATS.split()},
    **_same(_PERSON, "person.view profile.view year.student.view access_request.export"),
    **{
        f"report.export.{f}": Action(_PERSON + _PROGRAM, everyone="participation and credit report")
        for f in EXPORT_FORMATS.split()
    },
    "search": Action(("search",), listed=(("person", "person"), ("matches", "match"))),
    # desk pages over the program
    "review.view": Action(_PROGRAM, listed=(("holds", "review"),)),
    "alerts.view": Action(_PROGRAM, listed=(("alerts", "alert"),)),
    "flagged.view": Action(_PROGRAM, listed=(("messages", "message"),)),
    "flagged.seen": Action(_PROGRAM, listed=(("messages", "message"),)),
    "proposal.view": Action(_PROGRAM, listed=(("run", "run"),)),
    "glance.view": Action(_PROGRAM, everyone="the program at a glance (every match)"),
    "profiles.view": Action(_PROGRAM, everyone="the profiles page (every profile)"),
    "bios.view": Action(_PROGRAM, everyone="the bios page (every bio)"),
    "choosing.view": Action(_PROGRAM, everyone="the choosing page (every student's choices)"),
    "handover.view": Action(_PROGRAM, everyone="the hand-over page (every match's commitment)"),
    "year.view": Action(_PROGRAM, everyone="the year page (every match's acknowledgements and check-ins)"),
    "records.view": Action(_PROGRAM, everyone="the records page (every form and training)"),
    "report.view": Action(_PROGRAM, everyone="the participation and credit report"),
    "access.view": Action(_PROGRAM, everyone="a page of the program's access log"),
    "program.export": Action(_PROGRAM, everyone="the program's whole export (end of contract)"),
    # the conversation and its review
    "review.held": Action(_REVIEW),
    **_same(_REVIEW, "review.gate_override review.gates_changed review.gate_cleared"),
    **{f"review.{state}": Action(_REVIEW) for state in REVIEW_STATES.split()},
    "alert.raised": Action(("alert",)),
    "alert.action": Action(("alert",)),
    "conversation.reviewed": Action(_MATCH),
    **_same(
        _MATCH,
        "channel.link channel.unlink match.pause match.resume match.start match.end "
        "prompts.pause prompts.resume commitment.renew",
    ),
    # the program year (issue 14)
    **_same(
        _PERSON,
        "person.add profile.update bio.approve consent.record consent.withdraw "
        "training.record clearance.record reflection.record feedback.record "
        "skills.record web.invite web.signin",
    ),
    "choice.record": Action(_PERSON, listed=(("mentors", "person"),)),
    "bios.check": Action(("",), everyone="a policy check of every bio"),
    "bios.publish": Action(("",), listed=(("people", "person"),)),
    "match.propose": Action(("round",), listed=(("run", "run"),)),
    "proposal.edit": Action(("proposal",), listed=(("students", "person"),)),
    "match.confirm": Action(_MATCH, listed=(("students", "person"), ("mentors", "person"))),
    "meet.schedule": Action(_MATCH, listed=(("students", "person"), ("mentors", "person"))),
    "expectations.ack.record": Action(_MATCH, listed=(("person", "person"),)),
    **_same(_MATCH, "departure.notice departure.end departure.withdraw", listed=(("mentor", "person"),)),
    "departure.replace": Action(_MATCH, listed=(("mentor", "person"), ("replacement", "person"))),
    "activity.log": Action(("activity",)),
    # settings and calendars: about nobody in particular
    **_same(_PROGRAM, "year.settings prompts.schedule"),
    **_same(("round",), "round.open round.close"),
    "topics.import": Action(("calendar",)),
    "term.set": Action(("term",)),
    "training.module": Action(("module",)),
    "expectations.set": Action(("expectations",)),
    "retention.schedule": Action(("",)),
    # governance: a hold's target describes it; its subject legal_hold:ID says what it covers
    "legal_hold.place": Action(("hold",)),
    "legal_hold.release": Action(("hold",)),
    "data.erase": Action(("rule",)),  # the rows it blanked name it (erased_by): see audit_concerns
    "chain.reanchor": Action(("",)),
    "chain.anchor": Action(("",)),  # its subject is the anchored review item or alert
}

_HOLD = re.compile(r"(match|person) .+|the whole program")


class UndeclaredAuditAction(ValueError):
    """An audit event this registry does not know: access requests could not place it."""


def target_kind(target: str) -> str:
    """The kind of thing ``target`` names: its text before ``:``, or ``hold`` for a hold's description."""
    if _HOLD.fullmatch(target):
        return "hold"
    if ":" in target:
        return target.split(":", 1)[0]
    return target  # "" or "search"


def check(action: str, target: str, *, has_subject: bool = False) -> Action:
    """The declaration of ``action``; refuses an undeclared action or a target of the wrong kind
    (no target is fine when an anchored ``subject`` names the record: it is resolved instead)."""
    declared = ACTIONS.get(action)
    if declared is None:
        raise UndeclaredAuditAction(
            f"audit action {action!r} is not declared in storage/audit_actions.py (say whom it concerns)"
        )
    if target_kind(target) not in declared.targets and not (has_subject and not target):
        raise UndeclaredAuditAction(
            f"audit action {action!r} names {target!r}; declared target kinds: {declared.targets}"
        )
    return declared
