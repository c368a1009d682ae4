"""Many message_log rows chained at once, with the same result as ``storage.chain.append`` row by row.

The chain head is locked first (the row lock on PostgreSQL, the write lock SQLite's ``BEGIN
IMMEDIATE`` already holds), ids are reserved, salts, commitments and hashes are computed in
Python, rows are inserted in a few multi-row statements (``storage.bulk.insert_many``), and the
head moves once.

Sealed columns (``text``, ``sender_name``, ``hits_json``, ``notice``) are sealed by ``insert_many``
through each column's bind processor, and each row gets its blind-index ``search_tokens``; the
commitments cover the plaintext, so the chain is the same under any key.

``ChainDigester`` writes the canonical JSON documents of ``storage.chain_format`` with the fields
every row shares encoded once (a prompt fan-out chains 10,000 rows that differ in a few fields);
tests compare its bytes with ``chain_format``'s.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, select

from storage import blind_index
from storage.bulk import insert_ignore, insert_many
from storage.chain import reserve_ids
from storage.chain_format import CONTENT, GENESIS, META, VERSION, canonical
from storage.encryption import keyring_of
from storage.models import ChainHead, MessageLog
from storage.safe_text import escape

LOG_DEFAULTS: dict[str, Any] = {
    "match_id": None,
    "channel_id": None,
    "thread_id": None,
    "dedupe_key": None,
    "original_id": None,
    "sender_person_id": None,
    "sender_role": None,
    "attachment_count": 0,
    "alert": False,
    "hits_json": "[]",
    "notice": None,
}

_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]  # what dumps(ensure_ascii=False) uses


def lock_head(session: Session, program_id: str, stream: str = "message") -> ChainHead:
    """The chain head row, locked for the rest of the transaction (created if it is missing)."""
    query = select(ChainHead).where(ChainHead.program_id == program_id, ChainHead.stream == stream)
    head = session.exec(query.with_for_update()).first()
    if head is None:
        session.execute(
            insert_ignore(session, ChainHead.__table__, index=["program_id", "stream"]),  # type: ignore[attr-defined]
            [{"program_id": program_id, "stream": stream, "last_seq": 0, "last_hash": GENESIS}],
        )
        head = session.exec(query.with_for_update()).one()
    return head


def _json(value: Any) -> str:
    """One value exactly as ``json.dumps(..., sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
    writes it inside ``chain_format.canonical_json`` (after ``canonical``)."""
    kind = type(value)
    if kind is str:
        return _encode_str(escape(value))  # as ``canonical`` does: the stored form (storage.safe_text)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class _Template:
    """The canonical JSON of a document with fixed keys, the shared values encoded once."""

    def __init__(self, keys: list[str], common: Mapping[str, Any]) -> None:
        self._pairs: list[tuple[str, str]] = []
        literal = "{"
        for position, name in enumerate(sorted(keys)):
            key = ("," if position else "") + _encode_str(name) + ":"
            if name in common:
                literal += key + _json(canonical(common[name]))
            else:
                self._pairs.append((literal + key, name))
                literal = ""
        self._tail = literal + "}"

    def encode(self, row: Mapping[str, Any]) -> bytes:
        parts: list[str] = []
        for segment, name in self._pairs:
            parts.append(segment)
            parts.append(_json(row[name]))
        parts.append(self._tail)
        return "".join(parts).encode("utf-8")


class ChainDigester:
    """``chain_format`` commitments and row hashes for many message_log rows sharing values."""

    def __init__(self, common: Mapping[str, Any] | None = None) -> None:
        common = dict(common or {})
        self._content = _Template(list(CONTENT["message"]), common)
        meta_common = {**common, "v": VERSION, "stream": "message"}
        self._meta = _Template([*META["message"], "v", "stream", "commitment"], meta_common)

    def seal(self, row: dict[str, Any]) -> None:
        """Set ``content_salt``, ``commitment`` and ``row_hash`` (``id``, ``seq``, ``prev_hash`` are set)."""
        salt = os.urandom(16)
        row["content_salt"] = salt.hex()
        row["commitment"] = hmac.new(salt, self._content.encode(row), hashlib.sha256).hexdigest()
        row["row_hash"] = hashlib.sha256(self._meta.encode(row)).hexdigest()


def _add_search_tokens(session: Session, rows: list[dict[str, Any]], shared: Mapping[str, Any]) -> None:
    """Each row's blind-index tokens (storage.blind_index), once per distinct (program, kind, text).

    Derived from the plaintext, not hashed (not in ``chain_format.META``): rotation re-keys them."""
    ring = keyring_of(session.get_bind())
    known: dict[tuple[Any, Any, Any], str | None] = {}
    for row in rows:
        key = tuple(row[name] if name in row else shared.get(name) for name in ("program_id", "kind", "text"))
        if key not in known:
            known[key] = blind_index.row_tokens(ring, *key)  # type: ignore[arg-type]
        row["search_tokens"] = known[key]


def append_log_rows(
    session: Session,
    head: ChainHead,
    rows: list[dict[str, Any]],
    *,
    common: Mapping[str, Any] | None = None,
) -> list[int]:
    """Chain ``rows`` (message_log column dicts) after the locked ``head``, insert them; ids in order.

    ``common``: column values every row shares (given once, hashed once); a row's own keys win.
    Missing nullable columns take ``LOG_DEFAULTS``.
    """
    if not rows:
        return []
    shared = {**LOG_DEFAULTS, **(common or {}), "program_id": head.program_id}
    keys = rows[0].keys()
    if any(row.keys() != keys for row in rows):  # rows of different shapes: give every row every key
        own = set().union(*rows)
        for row in rows:
            for name in own - row.keys():
                row[name] = shared[name]
    _add_search_tokens(session, rows, shared)
    own_keys = set(rows[0]) | {"id", "seq", "prev_hash", "row_hash", "content_salt", "commitment"}
    shared = {k: v for k, v in shared.items() if k not in own_keys and k != "search_tokens"}
    digester = ChainDigester(shared)
    table = MessageLog.__table__  # type: ignore[attr-defined]
    ids = reserve_ids(session, table, len(rows))
    seq, previous = head.last_seq, head.last_hash or GENESIS
    for row_id, values in zip(ids, rows, strict=True):
        seq += 1
        values["id"], values["seq"], values["prev_hash"] = row_id, seq, previous
        digester.seal(values)
        previous = values["row_hash"]
    insert_many(session, table, rows, common=shared)
    session.execute(
        update(ChainHead)
        .where(ChainHead.program_id == head.program_id, ChainHead.stream == head.stream)
        .values(last_seq=seq, last_hash=previous)
    )
    return ids
