"""One student's record, for an access request (FERPA: a parent or an eligible student inspects it).

What belongs to it: their person row and accounts, their matches, every message they wrote,
the messages adults (mentors, staff, mentorbot) wrote to them in their matches, decisions about
them (policy decisions and review outcomes on their messages, alerts about their messages or
matches), who read or changed their record (the access log), and the rows of every other declared
table that names them (``people=`` in ``storage.governance``). Messages other students wrote in a
group match are not theirs to see: they are counted, not included.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from storage import export_repo, governance
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
        "access_log": _rows(session, "audit_event", program_id, _about(person, match_ids, session)),
    }
    record.update(dict(_other_tables(session, program_id, pid)))  # type: ignore[arg-type]
    return record


def _about(person: Person, match_ids: list[int], session: Session) -> Any:
    """Audit events about the student: by subject, by target, and searches that showed their matches."""
    keys = list(
        session.scalars(
            select(governance.declared("match").table.c.key).where(
                governance.declared("match").table.c.id.in_(match_ids)
            )
        )
    )
    subjects = [f"person:{person.id}"] + [f"match:{m}" for m in match_ids]
    targets = [f"person:{person.key}"] + [f"match:{k}" for k in keys]
    condition = or_(AuditEvent.subject.in_(subjects), AuditEvent.target.in_(targets))  # type: ignore[union-attr]
    searches = _searches_naming(session, person.program_id, targets[1:])
    return or_(condition, AuditEvent.id.in_(searches)) if searches else condition  # type: ignore[union-attr]


def _searches_naming(session: Session, program_id: str, targets: list[str]) -> list[int]:
    """Ids of desk searches whose details name one of ``targets``. ``detail_json`` is sealed at rest
    (storage/encryption.py), so it cannot be matched in SQL: the program's search events are opened
    and matched here (they are few: one per coordinator search)."""
    if not targets:
        return []
    quoted = [f'"{target}"' for target in targets]
    events = session.execute(
        select(AuditEvent.id, AuditEvent.detail_json).where(
            AuditEvent.program_id == program_id, AuditEvent.action == "search"
        )
    )
    return [event_id for event_id, detail in events if any(q in (detail or "") for q in quoted)]


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
