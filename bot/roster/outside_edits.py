"""Changes made outside the roster file that a re-import of an older file must not undo.

``mentorbot run`` imports PROGRAM_FILE at every start, and a coordinator re-imports the file to add
one student. Since issue 14 a match is ended, paused, started or handed over to a new mentor, and a
mentor cleared, a profile edited (a mentor's capacity stated with ``/mentorbot choose``), on the
desk, in chat or at the command line, and a new mentor's channel is linked (``/mentorbot link``) and
the old one unlinked. A file last changed BEFORE such a change
keeps the database's value (a departed mentor never comes back to a minor's match, an ended match
does not reopen) and the import says so; a file changed afterwards wins, as it always did. The
changes are read from the audit trail, which records each of them with its time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.roster.schema import RosterMatch
from storage import roster_repo
from storage.clock import as_utc
from storage.models import AuditEvent, Match, Person, SupervisedChannel

STATUS_ACTIONS = ("match.start", "match.pause", "match.resume", "match.end",
                  "departure.replace", "departure.end", "departure.withdraw")
MEMBER_ACTIONS = ("departure.replace",)
CLEARANCE_ACTIONS = ("clearance.record",)
CONSENT_ACTIONS = ("consent.record", "consent.withdraw")  # a form recorded also sets consent_received
CHANNEL_ACTIONS = ("channel.link", "channel.unlink")
PROFILE_ACTIONS = ("profile.update",)  # the desk's profile form, a mentor's offer from chat


@dataclass(frozen=True)
class OutsideEdit:
    action: str
    actor: str
    at: datetime

    def said(self) -> str:
        return f"{self.action} by {self.actor} on {as_utc(self.at):%d %b %Y %H:%M} UTC"


def _detail(event: AuditEvent) -> dict[str, Any]:
    """The event's detail; {} once retention has erased it (a tombstone keeps no detail)."""
    try:
        found = json.loads(event.detail_json or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class OutsideEdits:
    """The latest outside change per (target, kind) made after the file was last changed."""

    def __init__(self, session: Session, program_id: str, file_changed: datetime) -> None:
        self.s = session
        self.latest: dict[tuple[str, str], OutsideEdit] = {}
        kinds = ({a: "status" for a in STATUS_ACTIONS} | {a: "clearance" for a in CLEARANCE_ACTIONS}
                 | {a: "consent" for a in CONSENT_ACTIONS})
        self.channels: dict[str, OutsideEdit] = {}  # "platform:workspace/channel" -> latest link/unlink
        self.profiles: dict[str, tuple[set[str], OutsideEdit]] = {}  # person target -> columns, latest
        actions = set(kinds) | set(MEMBER_ACTIONS) | set(CHANNEL_ACTIONS) | set(PROFILE_ACTIONS)
        for event in roster_repo.audit_since(session, program_id, actions, as_utc(file_changed)):
            edit = OutsideEdit(event.action, event.actor, event.at)
            if event.action in kinds:
                self.latest[(event.target, kinds[event.action])] = edit
            if event.action in MEMBER_ACTIONS:
                self.latest[(event.target, "members")] = edit
            if event.action in CHANNEL_ACTIONS:
                self.channels[str(_detail(event).get("channel", ""))] = edit
            if event.action in PROFILE_ACTIONS:
                columns = self.profiles.get(event.target, (set(), edit))[0]
                columns |= set(_detail(event).get("fields", []))
                self.profiles[event.target] = (columns, edit)

    def match(self, row: Match | None, match: RosterMatch, people: dict[str, Person],
              notes: list[str]) -> RosterMatch:
        """The file's match, with the status and members kept where the database's are newer."""
        if row is None:
            return match
        target, kept = f"match:{match.id}", match
        edit = self.latest.get((target, "status"))
        if edit is not None and row.status != match.status:
            kept = replace(kept, status=row.status)
            notes.append(f"match '{match.id}' was {row.status} after the file was last changed "
                         f"({edit.said()}): kept {row.status}; write 'status: {row.status}' in the file "
                         "so the two agree (a file edited afterwards is followed again)")
        edit = self.latest.get((target, "members"))
        if edit is not None:
            keys = {p.id: k for k, p in people.items()}
            members = roster_repo.members_of(self.s, row.id)  # type: ignore[arg-type]
            mentors = sorted(keys[m.person_id] for m in members if m.role == "mentor")
            students = sorted(keys[m.person_id] for m in members if m.role == "student")
            if (mentors, students) != (sorted(match.mentors), sorted(match.students)):
                kept = replace(kept, mentors=mentors, students=students)
                notes.append(f"match '{match.id}' kept its members ({edit.said()}): mentors "
                             f"{', '.join(mentors)}; students {', '.join(students)}; "
                             "update the file to match")
        unlinked = [ch for ch in kept.channels if self._latest(ch) == "channel.unlink"]
        if unlinked:
            kept = replace(kept, channels=[ch for ch in kept.channels if ch not in unlinked])
            notes.extend(f"channel '{ch.channel}' ({ch.platform}) of match '{match.id}' was unlinked after "
                         f"the file was last changed ({self.channels[self._address(ch)].said()}): kept "
                         "unlinked; take it out of the file" for ch in unlinked)
        return kept

    def keeps_linked(self, found: SupervisedChannel, match_key: str, notes: list[str]) -> bool:
        """A channel linked with ``/mentorbot link`` after the file changed stays supervised."""
        if self._latest(found) != "channel.link":
            return False
        notes.append(f"channel '{found.channel}' ({found.platform}) was linked to match '{match_key}' after "
                     f"the file was last changed ({self.channels[self._address(found)].said()}): kept; "
                     "add it to the file")
        return True

    @staticmethod
    def _address(ch: object) -> str:
        return f"{ch.platform}:{ch.workspace}/{ch.channel}"  # type: ignore[attr-defined]  # as ChannelRef

    def _latest(self, ch: object) -> str | None:
        edit = self.channels.get(self._address(ch))
        return edit.action if edit is not None else None

    def profile(self, key: str, stored: object, values: dict[str, Any],
                notes: list[str]) -> dict[str, Any]:
        """The file's profile values without the columns edited since the file changed."""
        columns, edit = self.profiles.get(f"person:{key}", (set(), None))
        if stored is None or edit is None:
            return values
        kept = sorted(k for k in values if k in columns and getattr(stored, k) != values[k])
        if not kept:
            return values
        names = ", ".join(k.removesuffix("_json").replace("_text", "") for k in kept)
        notes.append(f"{key}: kept the profile's {names} as changed after the file was last changed "
                     f"({edit.said()}); update the file to match")
        return {k: v for k, v in values.items() if k not in kept}

    def person(self, row: Person | None, key: str, values: dict[str, Any],
               notes: list[str]) -> dict[str, Any]:
        """The file's values for a person, with the clearance or the permission form's date kept
        where one was recorded (``mentorbot people clear``, ``consent record``) after the file changed."""
        if row is None:
            return values
        for kind, columns, word in (("clearance", ("cleared_on",), "cleared"),
                                    ("consent", ("consent_received", "consent_recorded_by"), "consent")):
            edit = self.latest.get((f"person:{key}", kind))
            if edit is None or all(getattr(row, c) == values[c] for c in columns):
                continue
            values = values | {c: getattr(row, c) for c in columns}
            notes.append(f"{key}: kept the {kind} recorded after the file was last changed ({edit.said()}): "
                         f"{getattr(row, columns[0]) or 'none'}; update '{word}' in the file to match")
        return values
