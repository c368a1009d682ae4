"""Rows read with their sealed columns opened one by one, so one altered value is one finding.

Reading a sealed column through SQLAlchemy opens it inside the result processor, and a value that
does not open (altered, written around mentorbot, or under a key the ring lacks) raises there and
ends the whole query. ``audit verify`` must instead name that row and go on checking the rest of
the chain, so it reads sealed columns raw and opens them here: a value that does not open stays
as stored and the row carries ``UNOPENED`` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import ColumnElement, Table, Text, type_coerce

from storage.encryption import EncryptedText
from storage.keyring import KeyRingError

UNOPENED = "_unopened"  # key of a row whose sealed content does not open: why (a sentence)


def raw_columns(table: Table) -> list[ColumnElement[Any]]:
    """Every column of ``table``, the sealed ones read as stored (ciphertext)."""
    return [type_coerce(c, Text).label(c.name) if isinstance(c.type, EncryptedText) else c for c in table.c]


def opened(rows: Iterable[Mapping[str, Any]], table: Table, dialect: Any) -> Iterator[dict[str, Any]]:
    """``rows`` (read with ``raw_columns``) with each sealed value opened, or the row marked UNOPENED."""
    sealed = [(c.name, c.type) for c in table.c if isinstance(c.type, EncryptedText)]
    for raw in rows:
        row = dict(raw)
        for name, kind in sealed:
            try:
                row[name] = kind.process_result_value(row[name], dialect)
            except KeyRingError as error:
                row[UNOPENED] = f"its sealed {name} does not open ({error})"
        yield row
