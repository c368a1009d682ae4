"""One student's record, for an access request (FERPA: a parent or an eligible student inspects it).

What belongs to it: their person row and accounts, their matches, every message they wrote,
the messages adults (mentors, staff, mentorbot) wrote to them in their matches, decisions about
them (policy decisions and review outcomes on their messages, alerts about their messages or
matches), who read or changed their record (the access log: every audit event that concerns them,
resolved by ``storage.audit_concerns``, and apart from it the pages that listed every student), and
the rows of every other declared table that names them (``people=`` in ``storage.governance``).
Messages other students wrote in a group match are not theirs to see: they are counted, not
included; an event that also concerns another student shows who, what and when without its detail.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from storage import audit_concerns, export_repo, governance
from storage.models import Alert, AuditEvent, MatchMember, MessageLog, Person, ReviewItem

CORE = {
    "person",
    "identity",
    "match",
    "message_log",
    "reviewitem",
    "alert",
    "audit_event",
    "delivery",
    "matchmember",
    "legal_hold",
}
ADULT_ROLES = ("mentor", "coordinator", "teacher", "system")


def _rows(session: Session, table: str, program_id: str, where: Any) -> list[dict[str, Any]]:
    return list(export_repo.rows(session, governance.declared(table), program_id, where))


def student_record(session: Session, program_id: str, person: Person) -> dict[str, Any]:
    pid = person.id
    match_ids = list(session.scalars(select(MatchMember.match_id).where(MatchMember.person_id == pid)))
    theirs = MessageLog.sender_person_id == pid
    in_matches = MessageLog.match_id.in_(match_ids)  # type: ignore[union-attr]
    from_adults = and_(
        in_matches,
        ~theirs,
        or_(
            MessageLog.sender_role.in_(ADULT_ROLES),  # type: ignore[union-attr]
            MessageLog.sender_person_id.is_(None),
        ),
    )  # type: ignore[union-attr]
    withheld = session.execute(
        select(func.count())
        .select_from(MessageLog)
        .where(MessageLog.program_id == program_id, in_matches, ~theirs, MessageLog.sender_role == "student")
    ).scalar_one()
    their_ids = select(MessageLog.id).where(MessageLog.program_id == program_id, theirs)
    match_table = governance.declared("match").table
    record = {
        "person": _rows(session, "person", program_id, governance.declared("person").table.c.id == pid),
        "accounts": _rows(
            session, "identity", program_id, governance.declared("identity").table.c.person_id == pid
        ),
        "matches": _rows(session, "match", program_id, match_table.c.id.in_(match_ids)),
        "messages_they_wrote": _rows(session, "message_log", program_id, theirs),
        "messages_to_them": _rows(session, "message_log", program_id, from_adults),
        "messages_by_other_students_withheld": withheld,
        "review_decisions": _rows(session, "reviewitem", program_id, ReviewItem.message_id.in_(their_ids)),
        "alerts": _rows(
            session,
            "alert",
            program_id,
            or_(
                Alert.message_id.in_(their_ids),  # type: ignore[union-attr]
                and_(
                    Alert.message_id.is_(None),  # type: ignore[union-attr]
                    Alert.match_id.in_(match_ids),
                ),
            ),
        ),  # type: ignore[union-attr]
    }
    record.update(dict(_other_tables(session, program_id, pid)))  # type: ignore[arg-type]
    about, every_student = _access_log(session, program_id, person, record)
    record["access_log"], record["pages_listing_every_student"] = about, every_student
    return record


def _access_log(session: Session, program_id: str, person: Person,
                record: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every audit event that read or changed something about the student (``storage.audit_concerns``):
    those about them (their person, matches, proposals, held messages, alerts, activities; an
    erasure that blanked one of their rows), and the pages and steps that showed every student.
    An event that also concerns another student keeps who, what and when, not its detail."""
    concerns = audit_concerns.Concerns(session, program_id)
    erasures = _erasures_of(record)
    students = {pid for pid, role in concerns.roles.items() if role == "student"}
    about, everyone = [], []
    for row, concern in concerns.events():
        if person.id in concern.people or row.id in erasures:
            others = bool((concern.people & students) - {person.id}) or concern.everyone is not None
            about.append((row.id, "shared" if others else "theirs"))
        elif concern.everyone is not None:  # listed by who, what and when only (they are many)
            everyone.append({**export_repo.plain(row._mapping), "shows_every_student": concern.everyone})
    return _events(session, program_id, dict(about)), everyone


def _events(session: Session, program_id: str, notes: dict[int, str]) -> list[dict[str, Any]]:
    if not notes:
        return []
    events = []
    for event in _rows(session, "audit_event", program_id, AuditEvent.id.in_(list(notes))):  # type: ignore[union-attr]
        note = notes[event["id"]]
        if note == "shared":
            event["detail_json"], event["detail_withheld"] = "{}", "it also concerns other students"
        events.append(event)
    return events


def _erasures_of(record: dict[str, Any]) -> set[int]:
    """The erasure events that blanked a row of the record (each tombstone names its event)."""
    return {row["erased_by"] for rows in record.values() if isinstance(rows, list)
            for row in rows if isinstance(row, dict) and row.get("erased_by")}


def _other_tables(session: Session, program_id: str, pid: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Rows of the other declared tables that name the student (tables other branches add)."""
    for declared in governance.personal_tables():
        spec = declared.personal
        if declared.name in CORE or spec is None or not spec.people or spec.scope is None:
            continue
        where = or_(*(declared.table.c[column] == pid for column in spec.people))
        rows = list(export_repo.rows(session, declared, program_id, where))
        if rows:
            yield declared.name, rows
