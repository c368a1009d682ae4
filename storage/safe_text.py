"""Text columns that keep any string a platform sends, on SQLite and PostgreSQL alike.

Platform JSON can carry characters a database or UTF-8 cannot hold: a lone surrogate
(``"x\\ud800y"``; UTF-8 has no encoding for it, so sqlite3, psycopg and the hash chain all fail)
and NUL (PostgreSQL refuses it in text). Those, and the escape character itself, are stored as
U+FDD0 followed by the character's code in four upper-case hex digits:

    NUL -> "\\ufdd0" "0000"      U+D800 -> "\\ufdd0" "D800"      U+FDD0 -> "\\ufdd0" "FDD0"

U+FDD0 is a Unicode noncharacter, set aside for exactly this kind of internal use. Every other
string (all ordinary text) is stored unchanged, so the escaping is lossless and invisible to
existing rows. ``SafeText``/``SafeString`` apply it on the way in and undo it on the way out, so
the core, transcripts and exports always see the text as it was sent; the hash chain hashes the
escaped form (``escape``), which is valid UTF-8 for every string.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.types import TypeDecorator

ESCAPE = "\ufdd0"
_NEEDS_ESCAPE = re.compile("[\x00\ud800-\udfff\ufdd0]")
_ESCAPED = re.compile("\ufdd0([0-9A-F]{4})")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def escape(text: str) -> str:
    """The stored form: NUL, lone surrogates and U+FDD0 as U+FDD0 + four hex digits."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _NEEDS_ESCAPE.sub(lambda m: f"{ESCAPE}{ord(m.group()):04X}", text)


def unescape(stored: str) -> str:
    """The original text back from its stored form."""
    if ESCAPE not in stored:
        return stored
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), stored)


def without_lone_surrogates(text: str) -> str:
    """The text as a platform or a screen shows it: each lone surrogate becomes U+FFFD (�).

    For what must be encodable (policy checks, posts to Slack or Discord); never for storage."""
    return _LONE_SURROGATE.sub("\ufffd", text)


class SafeText(TypeDecorator[str]):
    """``Text`` that stores any Python string losslessly (see the module docstring)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return escape(value) if isinstance(value, str) else value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return unescape(value) if isinstance(value, str) else value


class SafeString(SafeText):
    """``String`` (VARCHAR) with the same lossless escaping."""

    impl = String
    cache_ok = True
