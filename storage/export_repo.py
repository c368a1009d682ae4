"""Rows of any declared table as plain JSON-ready dicts, for exports and access requests.

Values go through ``chain_format.canonical`` (aware UTC datetimes to the microsecond, ISO dates),
the same form the chain hashes, so an exported chain can be recomputed from the export alone
(``mentorbot audit verify-export``). Content is read through the columns' own types, so sealed
columns (i15b) come out as plaintext. Large tables are read a page at a time, each page its own
short transaction, so an export never holds the database's write lock for long.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, and_, select, true
from sqlmodel import Session

from storage import governance
from storage.chain_format import canonical
from storage.governance import Declared

PAGE = 5000


def plain(row: Any) -> dict[str, Any]:
    """Times and dates as the chain hashes them; text exactly as written (the chain escapes it itself)."""
    return {name: value if isinstance(value, str) else canonical(value) for name, value in row.items()}


def rows(
    session: Session, declared: Declared, program_id: str | None, where: ColumnElement[bool] | None = None
) -> Iterator[dict[str, Any]]:
    """The table's rows of the program (``where`` narrows them), in primary-key order."""
    table = declared.table
    condition = and_(
        governance.scope_clause(declared, program_id) if program_id else true(),
        where if where is not None else true(),
    )
    keys = list(table.primary_key.columns)
    if len(keys) != 1:  # link tables with composite keys are small: one read
        yield from (
            plain(r) for r in session.execute(select(table).where(condition).order_by(*keys)).mappings()
        )
        session.commit()
        return
    key, after = keys[0], None
    while True:
        query = select(table).where(condition).order_by(key).limit(PAGE)
        if after is not None:
            query = query.where(key > after)
        page = [plain(r) for r in session.execute(query).mappings()]
        session.commit()  # end the read transaction between pages (SQLite: the write lock)
        yield from page
        if len(page) < PAGE:
            return
        after = page[-1][key.name]


def program_tables() -> list[Declared]:
    """Every declared table that belongs to a program, parents first."""
    import storage.all_models  # noqa: F401

    return [d for d in reversed(governance.destruction_order()) if d.spec.scope is not None]
