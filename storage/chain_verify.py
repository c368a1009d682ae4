"""Recompute a program's chains and tell tampering from erasure (``mentorbot audit verify``).

Checked, for each program:

- each stream (message log, audit trail): sequence numbers without gaps, each row linked to the
  one before, each row hash recomputed over its id, columns and commitment, the stored head;
- each row's content against its commitment while it has content; once erased, that it is a
  proper tombstone (no content, no salt) pointing at an erasure event of the audit chain, and
  that every erasure event's anchored digest matches exactly the rows marked erased by it;
- each anchored record (review outcomes, alert follow-ups, legal holds) against the newest
  anchor the audit chain holds for it.

``check_rows`` works on plain dicts so an export archive can be verified the same way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from storage import chain_format, governance
from storage.chain_format import ANCHORED, CONTENT, GENESIS
from storage.models import ChainHead
from storage.sealed_rows import UNOPENED, opened, raw_columns

STREAMS = (("message", "message_log"), ("audit", "audit_event"))
ERASURE_PREFIX = "erasure:"


@dataclass(frozen=True, slots=True)
class ChainBreak:
    stream: str  # message | audit, or the table of an anchored record / tombstone
    program_id: str
    row_id: int | None
    seq: int
    problem: str


@dataclass(frozen=True, slots=True)
class Erasure:
    """One erasure event, as ``audit verify`` reports it."""

    event_id: int
    seq: int
    rule: str
    at: datetime
    actor: str
    rows: dict[str, int]


@dataclass(slots=True)
class Report:
    program_id: str
    breaks: list[ChainBreak] = field(default_factory=list)
    erasures: list[Erasure] = field(default_factory=list)
    heads: dict[str, tuple[int, str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Scan:
    """What one pass over the audit stream remembers for the cross-checks."""

    anchors: dict[str, str] = field(default_factory=dict)  # subject -> newest anchor
    erasure_events: dict[int, Mapping[str, Any]] = field(default_factory=dict)
    erased: dict[int, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )


def check_rows(
    stream: str, program_id: str, rows: Iterable[Mapping[str, Any]], scan: _Scan, breaks: list[ChainBreak]
) -> tuple[int, str]:
    """Check one stream's rows (in seq order); returns the last (seq, hash) seen."""
    table = dict(STREAMS)[stream]
    declared = governance.declared(table)
    previous, expected_seq, last_seq = GENESIS, 1, 0

    def broken(row: Mapping[str, Any], problem: str) -> None:
        breaks.append(ChainBreak(stream, program_id, row["id"], row["seq"], problem))

    for row in rows:
        if row["seq"] != expected_seq:
            breaks.append(
                ChainBreak(
                    stream,
                    program_id,
                    row["id"],
                    expected_seq,
                    f"row seq {expected_seq} is missing (next is {row['seq']})",
                )
            )
            expected_seq = row["seq"]
        if row["prev_hash"] != previous:
            broken(row, "does not link to the row before it")
        if chain_format.row_hash(stream, row, row["commitment"]) != row["row_hash"]:
            broken(row, "its columns or id were altered after it was written")
        problem = _content_problem(stream, declared, row, scan)
        if problem:
            broken(row, problem)
        if stream == "audit" and row["action"] == "chain.reanchor":
            _earlier_breaks(program_id, row, breaks)
        if stream == "audit" and row["subject"]:
            if row["subject"].startswith(ERASURE_PREFIX):
                scan.erasure_events[row["id"]] = row
            elif row["anchor"]:
                scan.anchors[row["subject"]] = row["anchor"]
        previous, last_seq = row["row_hash"], row["seq"]
        expected_seq += 1
    return last_seq, previous


def _earlier_breaks(program_id: str, row: Mapping[str, Any], breaks: list[ChainBreak]) -> None:
    """Breaks the format-1 chain had when it was re-anchored (``storage.reanchor``): still reported."""
    detail = json.loads(row["detail_json"] or "{}")
    day = str(row["at"])[:10]
    for found in detail.get("format_1_breaks", []):
        breaks.append(
            ChainBreak(
                "audit",
                program_id,
                row["id"],
                row["seq"],
                f"before the chain was re-anchored on {day}: {found}",
            )
        )
    missing = detail.get("format_1_break_count", 0) - len(detail.get("format_1_breaks", []))
    if missing > 0:
        breaks.append(
            ChainBreak(
                "audit",
                program_id,
                row["id"],
                row["seq"],
                f"before the chain was re-anchored on {day}: {missing} more break(s)",
            )
        )


def _content_problem(
    stream: str, declared: governance.Declared, row: Mapping[str, Any], scan: _Scan
) -> str | None:
    if row.get(UNOPENED):  # altered ciphertext, or plaintext written around mentorbot
        return str(row[UNOPENED])
    content = chain_format.content_of(stream, row)
    if row["erased_by"] is not None:
        scan.erased[row["erased_by"]][declared.name].append(row["id"])
        leftover = [c for c in CONTENT[stream] if content[c] != governance.erased_value(declared, c)]
        if leftover or row["content_salt"] is not None:
            return "marked erased but still holds content (" + ", ".join(leftover or ["salt"]) + ")"
        return None
    if row["content_salt"] is None:
        return "its content was removed without a tombstone (not by an erasure)"
    if chain_format.commitment(row["content_salt"], content) != row["commitment"]:
        return "its content was altered after it was written"
    return None


def verify_program(session: Session, program_id: str) -> Report:
    """Check everything ``audit verify`` checks for one program, in the database."""
    import storage.all_models  # noqa: F401  (every table declared)

    def stream_rows(table: str) -> Iterable[Mapping[str, Any]]:
        model = governance.declared(table).table
        query = (
            select(*raw_columns(model))  # sealed content opened per row: one bad value is one finding
            .where(model.c.program_id == program_id)
            .order_by(model.c.seq)
            .execution_options(yield_per=5000)
        )
        return opened(session.execute(query).mappings(), model, session.get_bind().dialect)

    def anchored(table: str) -> Iterable[Any]:
        declared = governance.declared(table)
        return session.scalars(select(declared.model).where(governance.scope_clause(declared, program_id)))

    heads = {}
    for stream, _table in STREAMS:
        head = session.get(ChainHead, (program_id, stream))
        heads[stream] = (head.last_seq, head.last_hash) if head is not None else None
    return verify_rows(
        program_id,
        {stream: stream_rows(table) for stream, table in STREAMS},
        _tombstones(session, program_id),
        {t: anchored(t) for t in ANCHORED},
        heads,
    )


def verify_rows(
    program_id: str,
    streams: Mapping[str, Iterable[Mapping[str, Any]]],
    tombstones: Iterable[tuple[str, int, int]],
    anchored: Mapping[str, Iterable[Any]],
    heads: Mapping[str, tuple[int, str] | None] | None,
) -> Report:
    """The checks over any source of rows: the database, or an export archive.

    ``streams``: each stream's rows in seq order; ``tombstones``: (table, erased_by, id) of the
    non-chained tables; ``anchored``: the anchored records (attribute access); ``heads``: each
    stream's stored head (seq, hash), None when there is none; ``heads`` None: not checked (an
    export is cut at a head of its own, compared by the caller).
    """
    report, scan = Report(program_id), _Scan()
    for stream, _table in STREAMS:
        last = check_rows(stream, program_id, streams[stream], scan, report.breaks)
        report.heads[stream] = last
        if heads is not None:
            _check_head(program_id, stream, last, heads.get(stream), report.breaks)
    for table, erased_by, row_id in tombstones:
        scan.erased[erased_by][table].append(row_id)
    _check_erasures(program_id, scan, report)
    _check_anchors(program_id, scan, anchored, report.breaks)
    return report


def _check_head(
    program_id: str,
    stream: str,
    last: tuple[int, str],
    head: tuple[int, str] | None,
    breaks: list[ChainBreak],
) -> None:
    seq, digest = last
    if head is None:
        if seq:
            breaks.append(ChainBreak(stream, program_id, None, seq, "the chain head is missing"))
        return
    head_seq, head_hash = head
    if head_seq > seq:
        breaks.append(
            ChainBreak(stream, program_id, None, head_seq, f"the newest {head_seq - seq} row(s) were removed")
        )
    elif head_seq < seq:
        breaks.append(
            ChainBreak(
                stream, program_id, None, seq, f"{seq - head_seq} row(s) were added after the recorded head"
            )
        )
    elif seq and head_hash != digest:
        breaks.append(ChainBreak(stream, program_id, None, seq, "chain head does not match"))


def _tombstones(session: Session, program_id: str) -> Iterator[tuple[str, int, int]]:
    """(table, erased_by, id) of the non-chained tables' erased rows (chained ones: seen in the pass)."""
    chained = {table for _, table in STREAMS}
    for declared in governance.personal_tables():
        spec = declared.personal
        assert spec is not None
        if (
            declared.name in chained
            or spec.erase != "blank"
            or spec.scope is None
            or "erased_by" not in declared.table.c
        ):
            continue
        table = declared.table
        key = next(iter(table.primary_key.columns))  # "id", or "person_id" for a profile
        query = select(table.c.erased_by, key).where(
            governance.scope_clause(declared, program_id), table.c.erased_by.is_not(None)
        )
        for erased_by, row_id in session.execute(query):
            yield declared.name, erased_by, row_id


def _check_erasures(program_id: str, scan: _Scan, report: Report) -> None:
    for event_id, tables in scan.erased.items():
        event = scan.erasure_events.get(event_id)
        if event is None:
            for table, ids in tables.items():
                report.breaks.append(
                    ChainBreak(
                        table,
                        program_id,
                        min(ids),
                        0,
                        f"{len(ids)} row(s) marked erased by #{event_id}, "
                        "which is not an erasure of the audit chain",
                    )
                )
    for event_id, event in scan.erasure_events.items():
        tables = {table: ids for table, ids in scan.erased.get(event_id, {}).items()}
        if chain_format.erasure_digest(tables) != event["anchor"]:
            report.breaks.append(
                ChainBreak(
                    "audit",
                    program_id,
                    event_id,
                    event["seq"],
                    "the rows marked erased by this erasure are not the rows it erased",
                )
            )
        report.erasures.append(
            Erasure(
                event_id=event_id,
                seq=event["seq"],
                rule=event["subject"][len(ERASURE_PREFIX) :],
                at=event["at"],
                actor=event["actor"] or "(erased)",
                rows={table: len(ids) for table, ids in sorted(tables.items())},
            )
        )


def _check_anchors(
    program_id: str, scan: _Scan, anchored: Mapping[str, Iterable[Any]], breaks: list[ChainBreak]
) -> None:
    for table in ANCHORED:
        seen: set[str] = set()
        for record in anchored.get(table, ()):
            subject = f"{table}:{record.id}"
            seen.add(subject)
            if record.erased_by is not None:
                continue  # a tombstone: checked with its erasure
            expected = scan.anchors.get(subject)
            if record.content_salt is None or expected is None:
                breaks.append(
                    ChainBreak(
                        table,
                        program_id,
                        record.id,
                        0,
                        "has no anchor in the audit trail (created or changed outside mentorbot)",
                    )
                )
            elif chain_format.anchor(table, record, record.content_salt) != expected:
                breaks.append(
                    ChainBreak(
                        table,
                        program_id,
                        record.id,
                        0,
                        "was changed outside mentorbot: it no longer matches the audit trail's record of it",
                    )
                )
        for subject in scan.anchors:
            if subject.startswith(table + ":") and subject not in seen:
                breaks.append(
                    ChainBreak(
                        table,
                        program_id,
                        int(subject.split(":")[1]),
                        0,
                        "was deleted (the audit trail records it)",
                    )
                )
