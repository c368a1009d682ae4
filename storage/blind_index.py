"""The desk search's blind index: keyed tokens of a message's words, never the words themselves.

Message text is sealed (``storage.encryption``), so neither FTS5 nor a tsvector can read it. Each
message instead carries ``search_tokens``: the sorted, de-duplicated set of its words, each replaced
by HMAC-SHA256 under a per-program key derived from the ring key (first 48 bits, 12 hex digits).
SQLite's FTS5 table and PostgreSQL's ``search_doc`` index those tokens (migration enc_0001), and a
search turns its words into tokens the same way, so the search's query shapes (storage/search.py)
are unchanged. Words are normalised before keying exactly as a search term is: Unicode NFKD, marks
removed, case-folded, split on anything not a letter or digit ("Robótica" = "robotica").

What a copy of the database shows: per message, how many distinct words it has and which messages
of one program share a word (not which word); tokens of different programs or keys never match.
Word order and repeats are not kept. docs/data-protection.md states this trade-off, and
docs/benchmarks.md the measured alternative (decrypt-and-scan) that was not chosen.

During a key rotation rows sit under two keys; a search asks for a word under every key rows may
still be under (``KeyRing.searchable_ids``), so nothing is missed halfway.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from collections.abc import Iterable

from storage.keyring import KeyRing

TOKEN_HEX = 12
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CACHE_LIMIT = 200_000
_cache: dict[tuple[bytes, str], dict[str, str]] = {}


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order (repeats kept), as search and index see them."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(text.casefold())


def _keyed(secret: bytes, program_id: str) -> dict[str, str]:
    """word -> token for one program under one key (kept per process; the words are in memory anyway)."""
    known = _cache.get((secret, program_id))
    if known is None or len(known) > _CACHE_LIMIT:
        known = _cache[(secret, program_id)] = {}
    return known


def _token(secret_cache: dict[str, str], secret: bytes, word: str) -> str:
    token = secret_cache.get(word)
    if token is None:
        digest = hmac.digest(secret, word.encode("utf-8"), "sha256")
        token = secret_cache[word] = digest[: TOKEN_HEX // 2].hex()
    return token


def tokens(ring: KeyRing, program_id: str, text: str, *, kid: str | None = None) -> str:
    """The ``search_tokens`` value of a message: its distinct word tokens, sorted, space-separated."""
    secret = ring.index_secret(kid or ring.current_id, program_id)
    known = _keyed(secret, program_id)
    return " ".join(sorted({_token(known, secret, word) for word in words(text)}))


def row_tokens(ring: KeyRing, program_id: str, kind: str, text: str | None, *, kid: str | None = None
               ) -> str | None:
    """What a message_log row stores: no tokens for deletion rows (they repeat an old text) or no text."""
    if kind == "delete" or text is None:
        return None
    return tokens(ring, program_id, text, kid=kid)


def term_alternatives(ring: KeyRing, program_id: str, terms: Iterable[str]) -> list[list[str]]:
    """For each normalised search term, its token under every key rows may still be under."""
    keys = [(kid, ring.index_secret(kid, program_id)) for kid in ring.searchable_ids]
    out = []
    for term in terms:
        out.append([_token(_keyed(secret, program_id), secret, term) for _kid, secret in keys])
    return out
