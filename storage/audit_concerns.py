"""Whom an audit event concerns: the one place an event's target is resolved to people.

Events name what they touched the way their feature thinks of it (``storage.audit_actions``): a
person, a match, a proposal, a held message, an alert, an activity, a page of the program. An
access request needs the reverse: every event that read or changed something about one student.
``Concerns`` resolves each event of a program to the people it concerns, from its target, its
subject (an anchored review item, alert or legal hold) and, for steps over many records, the ids
its detail lists. Lookups are built once per program, lazily, so an access request reads each
table at most once however many events there are.

A match concerns its members over time: today's members, whoever wrote in it, the people of the
proposal it was confirmed from (as confirmed), and the mentors who left it or took over (a
replacement changes the members of the same match). A held message or an alert concerns its
writer; an adult's message also concerns the students of its match (it was written to them).
Chained events are only read, never rewritten.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from storage.audit_actions import ACTIONS, target_kind
from storage.models import Alert, AuditEvent, Match, MatchMember, MessageLog, Person, ReviewItem
from storage.models_choosing import Proposal, ProposalRun
from storage.models_governance import LegalHold
from storage.models_handover import Departure
from storage.models_year import Activity, ActivityAttendee

#: Columns read for every event; ``detail_json`` (sealed) only for events whose declaration lists ids.
EVENT_COLUMNS = (
    AuditEvent.id,
    AuditEvent.seq,
    AuditEvent.at,
    AuditEvent.actor,
    AuditEvent.action,
    AuditEvent.target,
    AuditEvent.rows,
    AuditEvent.subject,
)
DETAIL_PAGE = 500
EARLIER = "a program-wide step of an earlier mentorbot version"


@dataclass(frozen=True, slots=True)
class Concern:
    """``people``: person ids the event read or changed something about. ``everyone``: it showed
    every student's record of some sort (what, in words)."""

    people: frozenset[int]
    everyone: str | None = None


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


class Concerns:
    """Resolves the events of one program: ``of(...)`` for one event, ``events()`` for all of them."""

    def __init__(self, session: Session, program_id: str):
        self.session, self.program_id = session, program_id
        self._messages: dict[int, set[int]] = {}  # message id -> people, read on demand

    # -- lookups, each read once ------------------------------------------------------------------

    @cached_property
    def people(self) -> dict[str, int]:
        rows = self.session.execute(select(Person.key, Person.id).where(Person.program_id == self.program_id))
        return {key: pid for key, pid in rows}

    @cached_property
    def roles(self) -> dict[int, str]:
        rows = self.session.execute(
            select(Person.id, Person.role).where(Person.program_id == self.program_id)
        )
        return {pid: role for pid, role in rows}

    @cached_property
    def matches(self) -> dict[str, int]:
        rows = self.session.execute(select(Match.key, Match.id).where(Match.program_id == self.program_id))
        return {key: mid for key, mid in rows}

    @cached_property
    def match_people(self) -> dict[int, set[int]]:
        """Each match's members over time (see the module's docstring)."""
        out: dict[int, set[int]] = defaultdict(set)
        ids = list(self.matches.values())
        members = MatchMember.match_id.in_(ids)  # type: ignore[attr-defined]
        for mid, pid in self.session.execute(
            select(MatchMember.match_id, MatchMember.person_id).where(members)
        ):
            out[mid].add(pid)
        written = MessageLog.sender_person_id.is_not(None)  # type: ignore[union-attr]
        for mid, pid in self.session.execute(
            select(MessageLog.match_id, MessageLog.sender_person_id)
            .distinct()
            .where(MessageLog.program_id == self.program_id, written)
        ):
            if mid is not None:
                out[mid].add(pid)
        for mid, mentor, replacement in self.session.execute(
            select(Departure.match_id, Departure.mentor_id, Departure.replacement_id).where(
                Departure.program_id == self.program_id
            )
        ):
            out[mid].update(p for p in (mentor, replacement) if p is not None)
        for p in self._proposals:  # as confirmed (a confirmed proposal is not edited again)
            if p.match_id is not None:
                out[p.match_id] |= self._ids(
                    json.loads(p.students_json or "[]") + json.loads(p.mentors_json or "[]")
                )
        return out

    @cached_property
    def _proposals(self) -> list[Proposal]:
        return list(self.session.scalars(select(Proposal).where(Proposal.program_id == self.program_id)))

    @cached_property
    def proposal_people(self) -> dict[tuple[int, str], set[int]]:
        """Each proposal's people over time: its students and mentors now and those the matching
        step proposed it with (edits that moved a student are resolved from their own detail)."""
        out: dict[tuple[int, str], set[int]] = {}
        for p in self._proposals:
            keys = set(json.loads(p.students_json or "[]")) | set(json.loads(p.mentors_json or "[]"))
            keys |= set(json.loads(p.reasons_json or "{}") or {})
            out[(p.run_id, p.key)] = self._ids(keys)
        return out

    @cached_property
    def run_people(self) -> dict[int, set[int]]:
        """A matching run's people: every proposal of it and every student it left unmatched."""
        out: dict[int, set[int]] = defaultdict(set)
        for (run_id, _key), people in self.proposal_people.items():
            out[run_id] |= people
        for run in self.session.scalars(select(ProposalRun).where(ProposalRun.program_id == self.program_id)):
            unmatched = json.loads(run.unmatched_json or "[]")
            out[run.id] |= self._ids(u.get("student") for u in unmatched if isinstance(u, dict))  # type: ignore[index]
        return out

    def _writer_and_readers(self, sender: int | None, role: str | None, match_id: int | None) -> set[int]:
        """A message's writer; an adult's (or mentorbot's) message also concerns its match's students."""
        people = {sender} if sender is not None else set()
        if role != "student" and match_id is not None:
            people |= {p for p in self.match_people.get(match_id, ()) if self.roles.get(p) == "student"}
        return people

    _MESSAGE = (MessageLog.sender_person_id, MessageLog.sender_role, MessageLog.match_id)

    @cached_property
    def review_people(self) -> dict[int, set[int]]:
        rows = self.session.execute(
            select(ReviewItem.id, *self._MESSAGE)
            .join(MessageLog, MessageLog.id == ReviewItem.message_id)  # type: ignore[arg-type]
            .where(ReviewItem.program_id == self.program_id)
        )
        return {rid: self._writer_and_readers(sender, role, mid) for rid, sender, role, mid in rows}

    @cached_property
    def alert_people(self) -> dict[int, set[int]]:
        rows = self.session.execute(
            select(Alert.id, Alert.message_id, Alert.match_id, *self._MESSAGE)
            .outerjoin(MessageLog, MessageLog.id == Alert.message_id)  # type: ignore[arg-type]
            .where(Alert.program_id == self.program_id)
        )
        return {
            aid: self._writer_and_readers(sender, role, in_match)
            if message_id is not None
            else set(self.match_people.get(match_id, ()))
            for aid, message_id, match_id, sender, role, in_match in rows
        }

    def message_people(self, ids: list[int]) -> dict[int, set[int]]:
        """The people of these messages (read on demand: a program logs far more messages than any
        page lists), remembered for the next event."""
        cache = self._messages
        missing = [i for i in ids if i not in cache]
        for start in range(0, len(missing), DETAIL_PAGE):
            rows = self.session.execute(
                select(MessageLog.id, *self._MESSAGE).where(
                    MessageLog.program_id == self.program_id,
                    MessageLog.id.in_(missing[start : start + DETAIL_PAGE]),  # type: ignore[union-attr]
                )
            )
            cache.update((i, self._writer_and_readers(sender, role, mid)) for i, sender, role, mid in rows)
        return {i: cache.get(i, set()) for i in ids}

    @cached_property
    def activity_people(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for aid, pid in self.session.execute(
            select(ActivityAttendee.activity_id, ActivityAttendee.person_id)
            .join(Activity, Activity.id == ActivityAttendee.activity_id)  # type: ignore[arg-type]
            .where(Activity.program_id == self.program_id)
        ):
            out[aid].add(pid)
        return out

    @cached_property
    def holds(self) -> dict[int, tuple[str, int | None, int | None]]:
        rows = self.session.execute(
            select(LegalHold.id, LegalHold.scope, LegalHold.match_id, LegalHold.person_id).where(
                LegalHold.program_id == self.program_id
            )
        )
        return {hid: (scope, mid, pid) for hid, scope, mid, pid in rows}

    def _ids(self, keys: Any) -> set[int]:
        return {self.people[k] for k in keys if isinstance(k, str) and k in self.people}

    # -- resolution ---------------------------------------------------------------------------------

    def of(self, action: str, target: str, subject: str | None, detail: dict[str, Any] | None) -> Concern:
        """Whom one event concerns (``detail``: the opened detail, needed when ``needs_detail``)."""
        declared = ACTIONS.get(action)
        kind = target_kind(target)
        people = self._target(kind, target) | self._subject(subject)
        if declared is None:  # an action this version no longer writes: placed by target and subject
            return Concern(frozenset(people), everyone=EARLIER if kind == "program" else None)
        for key, listed_kind in declared.listed:
            people |= self._listed(listed_kind, (detail or {}).get(key))
        everyone = declared.everyone if kind in ("", "program") else None
        return Concern(frozenset(people), everyone=everyone)

    def _target(self, kind: str, target: str) -> set[int]:
        """People a target names; impersonal kinds name nobody, ``search`` and ``hold`` are resolved
        from their detail and subject."""
        resolver = TARGET_RESOLVERS.get(kind)
        return resolver(self, target.split(":", 1)[1] if ":" in target else "") if resolver else set()

    def _person(self, key: str) -> set[int]:
        return self._ids([key])

    def _match(self, key: str) -> set[int]:
        mid = self.matches.get(key)
        return set(self.match_people.get(mid, ())) if mid is not None else set()

    def _proposal(self, ref: str) -> set[int]:
        run, _, key = ref.partition("/")
        return set(self.proposal_people.get((_int(run) or -1, key), ()))

    def _review(self, ident: str) -> set[int]:
        return set(self.review_people.get(_int(ident) or -1, ()))

    def _alert(self, ident: str) -> set[int]:
        return set(self.alert_people.get(_int(ident) or -1, ()))

    def _activity(self, ident: str) -> set[int]:
        return set(self.activity_people.get(_int(ident) or -1, ()))

    def _subject(self, subject: str | None) -> set[int]:
        table, _, ident = (subject or "").partition(":")
        number = _int(ident)
        if number is None:
            return set()
        if table == "person":
            return {number} if number in self.roles else set()
        if table == "match":
            return set(self.match_people.get(number, ()))
        if table == "reviewitem":
            return set(self.review_people.get(number, ()))
        if table == "alert":
            return set(self.alert_people.get(number, ()))
        if table == "legal_hold":
            return self._hold(number)
        return set()

    def _hold(self, hold_id: int) -> set[int]:
        """What a legal hold covers: a match's members, a person, or everyone in the program."""
        scope, mid, pid = self.holds.get(hold_id, ("", None, None))
        if scope == "match" and mid is not None:
            return set(self.match_people.get(mid, ()))
        if scope == "person" and pid is not None:
            return {pid}
        return set(self.roles) if scope == "program" else set()

    def _listed(self, kind: str, value: Any) -> set[int]:
        values = (
            value if isinstance(value, list | tuple) else list(value) if isinstance(value, dict) else [value]
        )
        if kind == "person":
            return self._ids(values)
        if kind == "match":  # "match:KEY" strings, as a search lists what it showed
            return set().union(*(self._target("match", v) for v in values if isinstance(v, str)))
        ids = [v for v in values if isinstance(v, int)]
        table = self.message_people(ids) if kind == "message" else getattr(self, LISTED_TABLES[kind])
        return set().union(*(table.get(v, set()) for v in ids))

    def events(self) -> Iterator[tuple[Any, Concern]]:
        """Every event of the program with whom it concerns, in chain order. Details (sealed) are
        opened only for actions that list ids, a page at a time; an erased event has lost its target
        and detail, so it is placed by its subject alone."""
        needs_detail = {name for name, a in ACTIONS.items() if a.listed}
        rows = self.session.execute(
            select(*EVENT_COLUMNS).where(AuditEvent.program_id == self.program_id).order_by(AuditEvent.seq)
        ).all()
        wanted = [row.id for row in rows if row.action in needs_detail]
        details: dict[int, dict[str, Any]] = {}
        for start in range(0, len(wanted), DETAIL_PAGE):
            page = wanted[start : start + DETAIL_PAGE]
            found = self.session.execute(
                select(AuditEvent.id, AuditEvent.detail_json).where(AuditEvent.id.in_(page))
            )  # type: ignore[union-attr]
            details.update((event_id, _opened(text)) for event_id, text in found)
        for row in rows:
            yield row, self.of(row.action, row.target or "", row.subject, details.get(row.id))


#: The resolver of each target kind that names people (``storage.audit_actions.TARGET_KINDS``).
TARGET_RESOLVERS = {
    "person": Concerns._person,
    "match": Concerns._match,
    "proposal": Concerns._proposal,
    "review": Concerns._review,
    "alert": Concerns._alert,
    "activity": Concerns._activity,
}
#: The lookup of each listed kind given by ids (``storage.audit_actions.LISTED_KINDS``).
LISTED_TABLES = {
    "review": "review_people",
    "alert": "alert_people",
    "message": "message_people",
    "run": "run_people",
}


def _opened(text: str | None) -> dict[str, Any]:
    try:
        found = json.loads(text or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
