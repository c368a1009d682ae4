"""``mentorbot audit verify-export``: check a program export archive on its own, without the database.

Every member against MANIFEST.json; both chains recomputed from ``tables/`` (the same checks as
``audit verify``: links, hashes over ids and commitments, content against commitments, tombstones
against their erasures, anchored records); their end against the head in ``chain/HEAD.txt`` and,
if given, the head the school kept.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import chain_format, governance
from storage.chain_format import ANCHORED
from storage.chain_verify import STREAMS, Report, verify_rows


@dataclass(slots=True)
class ExportCheck:
    program_id: str
    head: str
    problems: list[str] = field(default_factory=list)
    report: Report | None = None


class _Record:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def verify_export(path: Path, expect: str | None = None) -> ExportCheck:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("MANIFEST.json"))
        program_id, head = manifest["about"]["program"], manifest["about"]["head"]
        check = ExportCheck(program_id, head)
        for name, facts in manifest["members"].items():
            if hashlib.sha256(archive.read(name)).hexdigest() != facts["sha256"]:
                check.problems.append(f"{name} does not match its SHA-256 in MANIFEST.json (altered)")
        names = set(archive.namelist())

        def lines(table: str) -> Iterator[dict[str, Any]]:
            member = f"tables/{table}.jsonl"
            if member not in names:
                return iter(())
            return (json.loads(line) for line in archive.read(member).decode("utf-8").splitlines())

        streams = {s: sorted(lines(t), key=lambda r: r["seq"]) for s, t in STREAMS}
        report = verify_rows(
            program_id,
            streams,
            _tombstones(lines),
            {t: [_Record(r) for r in lines(t)] for t in ANCHORED},
            None,
        )
    check.report = report
    ends = report.heads
    computed = chain_format.program_head(program_id, ends["message"], ends["audit"])
    if computed != head:
        check.problems.append(
            f"the chains in the archive end at {computed}, not at the head the export names ({head})"
        )
    if (
        expect
        and expect.strip() != computed
        and (why := _against_expected(expect.strip(), streams, program_id))
    ):
        check.problems.append(why)
    return check


def _tombstones(lines) -> Iterator[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    chained = {t for _, t in STREAMS}
    for declared in governance.personal_tables():
        spec = declared.personal
        if declared.name in chained or spec is None or spec.erase != "blank" or spec.scope is None:
            continue
        for row in lines(declared.name):
            if row.get("erased_by") is not None:
                yield declared.name, row["erased_by"], row["id"]


def _against_expected(expect: str, streams: dict[str, list[dict[str, Any]]], program_id: str) -> str:
    """Why the archive does not match a head the school kept (a later head may extend it)."""
    try:
        expected_program, message_seq, audit_seq, _digest = chain_format.parse_head(expect)
    except ValueError as error:
        return str(error)
    if expected_program != program_id:
        return f"the head you gave is for program {expected_program}, the archive is of {program_id}"
    at = {}
    for stream, seq in (("message", message_seq), ("audit", audit_seq)):
        row = next((r for r in streams[stream] if r["seq"] == seq), None)
        if seq and row is None:
            return f"the archive's {stream} chain is shorter than the head you kept (no seq {seq})"
        at[stream] = (seq, row["row_hash"] if row else chain_format.GENESIS)
    if chain_format.program_head(program_id, at["message"], at["audit"]) != expect:
        return "the archive's chains do not pass through the head you kept: they were rewritten"
    return ""
