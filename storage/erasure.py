"""The one deletion function: every personal row that goes, goes through ``erase``.

Retention runs (``bot.governance.retention``) and the end of a contract (``bot.governance.destroy``)
both call it; nothing else deletes personal data.

``mode="tombstone"`` (retention): each selected row's personal content (``governance.Personal.
content``) is reset and its salt destroyed; the row stays, marked ``erased_by`` one new audit event
``data.erase`` whose subject names the rule (``erasure:<rule>``) and whose anchor is the digest of
every (table, id) it marked (``chain_format.erasure_digest``). The chains still verify, and
``audit verify`` reports "erased under rule R on date D by A" where a gap would otherwise look
like tampering. Rows that follow an erased row (a review item its message, an outbox copy its
message, alert or review, an account its person) are erased with it; ``erase="delete"`` tables
lose the row.

``mode="remove"`` (destruction): the selected rows are deleted outright, children first; the
certificate of destruction is the record (nothing of the program is left to hold a tombstone).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, Table, and_, cast, delete, literal, or_, select, update
from sqlmodel import Session

from storage import chain, chain_format, governance
from storage.governance import Declared
from storage.models import AuditEvent

Selection = Mapping[str, ColumnElement[bool]]  # table name -> which of its rows (besides the program)


@dataclass(slots=True)
class ErasureResult:
    event_id: int | None
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def erase(
    session: Session,
    *,
    program_id: str | None,
    selection: Selection,
    rule: str,
    actor: str,
    at: datetime,
    mode: Literal["tombstone", "remove"] = "tombstone",
    detail: dict[str, Any] | None = None,
) -> ErasureResult:
    """Erase the selected rows of one program (in the caller's transaction; the caller commits).

    ``program_id`` None: only tables without a program (``scope=None``, delete-mode) may be named.
    """
    import storage.all_models  # noqa: F401  (every table declared)

    if mode == "remove":
        return _remove(session, program_id, selection)
    if program_id is None:
        return _delete_unscoped(session, selection)
    event = AuditEvent(
        program_id=program_id,
        seq=0,
        actor=actor,
        action="data.erase",
        at=at,
        target=f"rule:{rule}",
        subject=f"erasure:{rule}",
        prev_hash="",
        row_hash="",
        detail_json="{}",
    )
    head = chain.open_row(session, event, stream="audit")
    session.add(event)
    session.flush()  # the event exists (hash pending) so rows can point at it
    result = ErasureResult(event.id)
    erased = _erase_tables(session, program_id, selection, event.id, result)  # type: ignore[arg-type]
    event.anchor = chain_format.erasure_digest(erased)
    event.rows = result.total
    event.detail_json = json.dumps(
        {"rule": rule, "rows": result.rows, **(detail or {})}, sort_keys=True, ensure_ascii=False
    )
    chain.close_row(session, event, head, stream="audit")
    session.flush()
    return result


def _erase_tables(
    session: Session, program_id: str, selection: Selection, event_id: int, result: ErasureResult
) -> dict[str, list[int]]:
    """Erase table by table, parents before the rows that follow them; the ids turned to tombstones."""
    erased: dict[str, list[int]] = {}
    for declared in governance.destruction_order()[::-1]:
        if declared.personal is None:
            continue
        where = _which_rows(declared, program_id, selection, event_id)
        if where is None:
            continue
        if declared.personal.erase == "delete":
            count = session.execute(delete(declared.table).where(where)).rowcount
            if count:
                result.rows[declared.name] = count
            continue
        ids = _blank(session, declared, where, event_id)
        if ids:
            erased[declared.name] = ids
            result.rows[declared.name] = len(ids)
    return erased


def _which_rows(
    declared: Declared, program_id: str, selection: Selection, event_id: int
) -> ColumnElement[bool] | None:
    """This table's rows to erase now: selected directly, or following a row this event erased."""
    spec = declared.personal
    assert spec is not None
    table = declared.table
    conditions = []
    if declared.name in selection:
        conditions.append(selection[declared.name])
    for column, parent_name in spec.follows:
        parent = governance.declared(parent_name).table
        parent_key = next(iter(parent.primary_key.columns))
        if spec_of(parent_name).erase == "delete":
            continue
        conditions.append(table.c[column].in_(select(parent_key).where(parent.c.erased_by == event_id)))
    if not conditions:
        return None
    where = and_(governance.scope_clause(declared, program_id), or_(*conditions))
    if spec.erase == "blank":
        where = and_(where, table.c.erased_by.is_(None))
    if spec.chained == "audit":
        where = and_(where, table.c.id != event_id)  # never the erasure event itself
    if spec.final_states:
        where = and_(where, table.c[spec.state_column].in_(spec.final_states))
    return where


def spec_of(name: str) -> governance.Personal:
    spec = governance.declared(name).personal
    assert spec is not None
    return spec


def _blank(session: Session, declared: Declared, where: ColumnElement[bool], event_id: int) -> list[int]:
    """Reset the content of the rows ``where`` selects; their ids."""
    table = declared.table
    spec = declared.personal
    assert spec is not None
    values: dict[str, Any] = {c: _erased(declared, table, c) for c in spec.content}
    values.update(dict.fromkeys(spec.derived))
    values["erased_by"] = event_id
    if "content_salt" in table.c:
        values["content_salt"] = None
    key = next(iter(table.primary_key.columns))
    statement = update(table).where(where).values(**values).returning(key)
    return [row_id for (row_id,) in session.execute(statement)]


def _erased(declared: Declared, table: Table, column: str) -> Any:
    value = governance.erased_value(declared, column)
    if isinstance(value, str) and "{id}" in value:  # a per-row value ("erased-person-{id}") keeps keys unique
        before, after = value.split("{id}", 1)
        return literal(before) + cast(table.c.id, String) + literal(after)
    return value


def _remove(session: Session, program_id: str | None, selection: Selection) -> ErasureResult:
    result = ErasureResult(None)
    _break_cycles(session, program_id, selection)
    for declared in governance.destruction_order():  # children first
        if declared.name not in selection or program_id is None and declared.spec.scope is not None:
            continue
        where = selection[declared.name]
        if program_id is not None:
            where = governance.scope_clause(declared, program_id) & where
        count = session.execute(delete(declared.table).where(where)).rowcount
        if count:
            result.rows[declared.name] = count
    return result


def _delete_unscoped(session: Session, selection: Selection) -> ErasureResult:
    result = ErasureResult(None)
    for name, where in selection.items():
        declared = governance.declared(name)
        spec = declared.personal
        if spec is None or spec.scope is not None or spec.erase != "delete":
            raise ValueError(f"{name}: only delete-mode tables without a program can be erased without one")
        count = session.execute(delete(declared.table).where(where)).rowcount
        if count:
            result.rows[name] = count
    return result


def _break_cycles(session: Session, program_id: str | None, selection: Selection) -> None:
    """Clear the nullable keys that close a cycle (``program.escalate_to_id`` -> ``person``, added
    after both tables: ``use_alter``), so "children first" has an order to delete in."""
    for declared in governance.destruction_order():
        if declared.name not in selection or program_id is None:
            continue
        cyclic = [fk.parent.name for fk in declared.table.foreign_keys if fk.use_alter and fk.parent.nullable]
        if cyclic:
            where = governance.scope_clause(declared, program_id) & selection[declared.name]
            session.execute(update(declared.table).where(where).values(dict.fromkeys(cyclic)))
