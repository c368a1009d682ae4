"""Rewrite the sealed columns of a table in batches: the encrypting migration and key rotation.

Rows are read newest-id-last in keyset order (``id > last``), so each batch costs the same however
far in a table it is, and a caller that commits per batch can stop anywhere and start again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, text

from storage import blind_index
from storage.keyring import KeyRing
from storage.safe_text import unescape

BATCH = 2000

# message_log also carries what its blind-index tokens are computed from
INDEX_INPUTS = ("program_id", "kind")


def batches(connection: Connection, table: str, columns: list[str], *, where: str = "",
            params: dict[str, Any] | None = None, size: int = BATCH, after: int = 0, key: str = "id"
            ) -> Iterator[list[dict[str, Any]]]:
    """Rows (``id`` + ``columns``) of ``table`` in id order, ``size`` at a time, optionally filtered.

    ``key``: the table's integer primary key when it is not ``id`` (``profile.person_id``); it is
    returned as ``id`` all the same."""
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join([f"{quote(key)} AS id", *(quote(c) for c in columns)])
    condition = f" AND ({where})" if where else ""
    query = text(f"SELECT {names} FROM {quote(table)} WHERE {quote(key)} > :after{condition} "
                 f"ORDER BY {quote(key)} LIMIT :size")
    last = after
    while True:
        rows = [dict(r._mapping) for r in connection.execute(query, {**(params or {}), "after": last,
                                                                      "size": size})]
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]
        if len(rows) < size:
            return


def write(connection: Connection, table: str, rows: list[dict[str, Any]], *, key: str = "id") -> None:
    """``UPDATE table SET <every key but id> WHERE <key> = :id`` for each row (one executemany)."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    columns = [c for c in rows[0] if c != "id"]
    assignments = ", ".join(f"{quote(c)} = :{c}" for c in columns)
    connection.execute(text(f"UPDATE {quote(table)} SET {assignments} WHERE {quote(key)} = :id"), rows)


def row_key(table: str) -> str:
    """The integer primary key column of a sealed table (``id`` for all but ``profile``)."""
    from sqlmodel import SQLModel

    keys = [c.name for c in SQLModel.metadata.tables[table].primary_key.columns]
    if len(keys) != 1:
        raise ValueError(f"{table}: sealed columns need a single-column primary key, not {keys}")
    return keys[0]


def resealed(rows: list[dict[str, Any]], columns: list[str], *, opener: Callable[[str], str],
             ring: KeyRing, table: str) -> list[dict[str, Any]]:
    """The rows with every column opened by ``opener`` and sealed under the ring's current key;
    message_log rows get their blind-index tokens under that key too."""
    out = []
    for row in rows:
        plain = {c: (None if row[c] is None else opener(row[c])) for c in columns}
        new = {"id": row["id"], **{c: (None if v is None else ring.seal(v)) for c, v in plain.items()}}
        if table == "message_log":  # the stored form is escaped (storage.safe_text); words come from the text
            text = None if plain["text"] is None else unescape(plain["text"])
            new["search_tokens"] = blind_index.row_tokens(ring, row["program_id"], row["kind"], text)
        out.append(new)
    return out


def not_under(connection: Connection, columns: list[str], kid: str) -> tuple[str, dict[str, str]]:
    """A WHERE clause: some column holds a value not sealed under key ``kid``."""
    quote = connection.dialect.identifier_preparer.quote
    clause = " OR ".join(f"({quote(c)} IS NOT NULL AND {quote(c)} NOT LIKE :current)" for c in columns)
    return clause, {"current": f"e1.{kid}.%"}
