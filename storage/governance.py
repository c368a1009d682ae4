"""What each table holds about people, and how it lives and dies (issue 15).

Every table declares itself once, next to its model, with ``@personal(...)`` (it holds personal
data: retention, erasure, export, access requests and destruction all read the declaration) or
``@program_data(...)`` (no personal content, but it belongs to a program and goes when the program
is destroyed). ``tests/governance/test_coverage.py`` fails for any table that declares neither, so
a new table cannot slip past retention, export or destruction.

The declarations are data; the machinery that uses them is ``storage.erasure`` (the one deletion
function), ``storage.retention_repo`` (what a schedule selects), ``storage.export_repo`` (rows as
plain dicts) and ``storage.chain`` (the hash chain over commitments).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Table, select, true

T = TypeVar("T")

#: Retention classes a program's schedule may name (docs/data-protection.md explains each).
RETENTION_CLASSES = ("messages", "alerts", "access_log", "people", "outbox", "digests")


@dataclass(frozen=True, slots=True)
class Personal:
    """A table that holds personal data.

    ``content``: the columns with personal content (free text, names, platform user ids). Erasing a
    row resets exactly these (to ``erased_values``, else NULL when nullable, else ``""``).
    ``scope``: how a row finds its program: a column (``"program_id"``) or ``"column>table"``
    (``"person_id>person"``: the program of the person row it points at). ``None``: no program
    (retention from a setting; never exported per program).
    ``retention``: the class of the program's schedule that ages it (``RETENTION_CLASSES``);
    ``None`` means it is kept until the program is destroyed.
    ``written``: the column its retention clock starts from. ``match``: the column naming its
    match (``after: match_end`` and match holds). ``people``: columns naming a person (person
    holds and access requests).
    ``follows``: ``(column, table)`` pairs: the row is erased with the row it points at (a review
    item with its message, an outbox copy with its message or alert).
    ``erase``: ``"blank"`` keeps the row as a tombstone (``erased_by`` = the erasure audit event);
    ``"delete"`` removes it (only for tables nothing chains or points at).
    ``chained``: the hash-chain stream (``"message"``, ``"audit"``) when rows are chained.
    ``anchored``: state changes are anchored in the audit chain (``storage.audit.record(subject=)``).
    ``final_states``: for ``outbox``-like tables, erase only rows in these states (a queued copy is
    never blanked before it is sent).
    ``derived``: columns computed from the content (a search index, a blind index) that are reset
    to NULL with it, so nothing of the erased words stays behind.
    """

    content: tuple[str, ...]
    scope: str | None = "program_id"
    retention: str | None = None
    written: str | None = None
    match: str | None = None
    people: tuple[str, ...] = ()
    follows: tuple[tuple[str, str], ...] = ()
    erase: Literal["blank", "delete"] = "blank"
    erased_values: dict[str, Any] = field(default_factory=dict)
    chained: str | None = None
    anchored: bool = False
    state_column: str | None = None
    final_states: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgramData:
    """A table without personal content that belongs to a program (deleted when it is destroyed)."""

    reason: str
    scope: str | None = "program_id"


@dataclass(frozen=True, slots=True)
class Declared:
    model: type
    table: Table
    spec: Personal | ProgramData

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def personal(self) -> Personal | None:
        return self.spec if isinstance(self.spec, Personal) else None


REGISTRY: dict[str, Declared] = {}


def personal(**spec: Any) -> Callable[[type[T]], type[T]]:
    """Class decorator: declare a table's personal data (see ``Personal``)."""
    declaration = Personal(**spec)
    if declaration.retention is not None and declaration.retention not in RETENTION_CLASSES:
        raise ValueError(f"unknown retention class {declaration.retention!r}; add it to RETENTION_CLASSES")

    def register(model: type[T]) -> type[T]:
        table = model.__table__  # type: ignore[attr-defined]
        missing = [c for c in declaration.content if c not in table.c]
        if missing:
            raise ValueError(f"{table.name}: content columns {missing} do not exist")
        if declaration.erase == "blank" and "erased_by" not in table.c:
            raise ValueError(f"{table.name}: a blank-erased table needs an 'erased_by' column")
        REGISTRY[table.name] = Declared(model, table, declaration)
        return model

    return register


def program_data(reason: str, scope: str | None = "program_id") -> Callable[[type[T]], type[T]]:
    """Class decorator: a table with no personal content, scoped to a program."""

    def register(model: type[T]) -> type[T]:
        table = model.__table__  # type: ignore[attr-defined]
        REGISTRY[table.name] = Declared(model, table, ProgramData(reason, scope))
        return model

    return register


def declared(name: str) -> Declared:
    return REGISTRY[name]


def personal_tables() -> list[Declared]:
    return [d for d in REGISTRY.values() if d.personal is not None]


def erased_value(declared_table: Declared, column: str) -> Any:
    """What a content column holds once erased."""
    spec = declared_table.personal
    assert spec is not None
    if column in spec.erased_values:
        return spec.erased_values[column]
    return None if declared_table.table.c[column].nullable else ""


def scope_clause(declared_table: Declared, program_id: str) -> ColumnElement[bool]:
    """SQL condition: the row belongs to ``program_id`` (following ``column>table`` paths)."""
    scope = declared_table.spec.scope
    if scope is None:
        return true()
    table = declared_table.table
    if ">" not in scope:
        return table.c[scope] == program_id
    column, target_name = scope.split(">", 1)
    target = declared(target_name)
    key = next(iter(target.table.primary_key.columns))
    return table.c[column].in_(select(key).where(scope_clause(target, program_id)))


def destruction_order() -> list[Declared]:
    """Tables in an order rows can be deleted without breaking a foreign key (children first)."""
    from sqlmodel import SQLModel

    names = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    return [REGISTRY[name] for name in names if name in REGISTRY]
