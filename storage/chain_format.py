"""The bytes the hash chain hashes: row hashes over commitments, versioned and frozen.

Format 2 (issue 15): a chained row's hash covers its stream, its database ``id``, its sequence
number, the previous row's hash, its non-personal columns, and a *commitment* to its personal
content: HMAC-SHA-256 keyed with a random per-row salt over the canonical plaintext. The salt is
stored with the content and destroyed with it, so

- erasing the content (retention, a deletion) leaves the row hash intact: a verifiable tombstone;
- re-encrypting the content (key rotation) changes no hash: the commitment is over plaintext;
- a bare hash of a short text ("ok") cannot be guessed back: without the salt it reveals nothing.

Format 1 (before issue 15) hashed every column, content included, and not the id; it is kept
only to verify a database before its migration re-anchors it (docs/data-protection.md).

The column lists are frozen here on purpose: a column added to a table later is not silently
taken into (or out of) what old rows were hashed over. A new format gets a new version.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from storage.clock import as_utc
from storage.safe_text import escape

GENESIS = "0" * 64
VERSION = 2

#: Per stream: the non-personal columns hashed as they are, and the personal content committed to.
META: dict[str, tuple[str, ...]] = {
    "message": (
        "id",
        "program_id",
        "seq",
        "kind",
        "match_id",
        "channel_id",
        "platform",
        "workspace",
        "channel",
        "platform_message_id",
        "thread_id",
        "dedupe_key",
        "original_id",
        "sender_person_id",
        "sender_role",
        "attachment_count",
        "sent_at",
        "received_at",
        "decision",
        "alert",
        "prev_hash",
    ),
    "audit": ("id", "program_id", "seq", "action", "rows", "at", "subject", "anchor", "prev_hash"),
}
CONTENT: dict[str, tuple[str, ...]] = {
    "message": ("text", "sender_name", "sender_platform_id", "hits_json", "notice"),
    "audit": ("actor", "target", "detail_json"),
}

#: Records whose state is anchored in the audit chain: the fields an anchor commits to.
ANCHORED: dict[str, tuple[str, ...]] = {
    "reviewitem": (
        "id",
        "program_id",
        "message_id",
        "match_id",
        "reason",
        "state",
        "release_at",
        "created_at",
        "decided_at",
        "decided_by",
        "note",
    ),
    "alert": (
        "id",
        "program_id",
        "kind",
        "urgent",
        "message_id",
        "match_id",
        "summary",
        "created_at",
        "acknowledged_at",
        "acknowledged_by",
        "action_taken",
    ),
    "legal_hold": (
        "id",
        "program_id",
        "scope",
        "match_id",
        "person_id",
        "reason",
        "placed_by",
        "placed_at",
        "released_at",
        "released_by",
        "release_reason",
    ),
}

# Format 1 hashed every column but id and row_hash, as the models stood before issue 15.
V1_FIELDS: dict[str, tuple[str, ...]] = {
    "message": (
        "alert",
        "attachment_count",
        "channel",
        "channel_id",
        "decision",
        "dedupe_key",
        "hits_json",
        "kind",
        "match_id",
        "notice",
        "original_id",
        "platform",
        "platform_message_id",
        "prev_hash",
        "program_id",
        "received_at",
        "sender_name",
        "sender_person_id",
        "sender_platform_id",
        "sender_role",
        "sent_at",
        "seq",
        "text",
        "thread_id",
        "workspace",
    ),
    "audit": ("action", "actor", "at", "detail_json", "prev_hash", "program_id", "rows", "seq", "target"),
}


def canonical(value: Any) -> Any:
    """A value as the chain hashes it (aware UTC datetimes to the microsecond, ISO dates, text as
    stored: always valid UTF-8, and for ordinary text the text itself; ``storage.safe_text``)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, datetime):
        return as_utc(value).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_json(document: Mapping[str, Any]) -> bytes:
    content = {name: canonical(value) for name, value in document.items()}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def new_salt() -> str:
    """16 random bytes, hex: the key of one row's commitment (destroyed with its content)."""
    return os.urandom(16).hex()


def commitment(salt: str, content: Mapping[str, Any]) -> str:
    """HMAC-SHA-256 over the canonical plaintext content, keyed with the row's salt."""
    return hmac.new(bytes.fromhex(salt), canonical_json(content), hashlib.sha256).hexdigest()


def content_of(stream: str, row: Mapping[str, Any] | Any) -> dict[str, Any]:
    get = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name)
    return {name: get(name) for name in CONTENT[stream]}


def row_hash(stream: str, row: Mapping[str, Any] | Any, row_commitment: str) -> str:
    """Format 2: SHA-256 over the stream, the row's non-personal columns and its commitment."""
    get = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name)
    document: dict[str, Any] = {name: get(name) for name in META[stream]}
    document["v"] = VERSION
    document["stream"] = stream
    document["commitment"] = row_commitment
    return hashlib.sha256(canonical_json(document)).hexdigest()


def anchor(table: str, row: Any, salt: str) -> str:
    """The commitment to a record's current state (a review outcome, an alert's follow-up, a hold)."""
    document = {name: getattr(row, name) for name in ANCHORED[table]}
    document["table"] = table
    return commitment(salt, document)


def erasure_digest(erased: Mapping[str, list[int]]) -> str:
    """What an erasure event anchors: every (table, id) it turned into a tombstone, sorted."""
    lines = [f"{table}:{row_id}" for table in sorted(erased) for row_id in sorted(erased[table])]
    return hashlib.sha256("\n".join(lines).encode("ascii")).hexdigest()


def v1_row_hash(stream: str, row: Mapping[str, Any]) -> str:
    """Format 1, for verifying a chain written before issue 15 (its migration uses it)."""
    return hashlib.sha256(canonical_json({name: row[name] for name in V1_FIELDS[stream]})).hexdigest()


def program_head(program_id: str, message: tuple[int, str], audit: tuple[int, str]) -> str:
    """A program's published chain head: both streams' newest sequence numbers and one digest.

    ``riverside-ptech@m1042.a317:<sha256>``: the digest covers both newest row hashes, so a head a
    coordinator kept pins both chains up to those rows (``audit verify --expect``).
    """
    digest = hashlib.sha256(f"{program_id}\n{message[0]}:{message[1]}\n{audit[0]}:{audit[1]}".encode())
    return f"{program_id}@m{message[0]}.a{audit[0]}:{digest.hexdigest()}"


def parse_head(text: str) -> tuple[str, int, int, str]:
    """``(program_id, message_seq, audit_seq, digest)`` from a head; ``ValueError`` says what is wrong."""
    try:
        program_id, rest = text.strip().rsplit("@", 1)
        seqs, digest = rest.split(":", 1)
        message_part, audit_part = seqs.split(".", 1)
        if not (message_part.startswith("m") and audit_part.startswith("a")):
            raise ValueError
        message_seq, audit_seq = int(message_part[1:]), int(audit_part[1:])
    except ValueError:
        raise ValueError(
            f"not a chain head: {text.strip()!r} (expected PROGRAM@mN.aN:SHA256, as "
            "`mentorbot audit head` prints it)"
        ) from None
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"the digest of head {text.strip()!r} should be 64 hex characters")
    return program_id, message_seq, audit_seq, digest
