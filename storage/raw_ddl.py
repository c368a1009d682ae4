"""Database objects created by hand in migrations (per dialect) rather than from the models.

The desk's full-text search lives outside SQLModel: SQLite FTS5 tables, a PostgreSQL tsvector
column and its indexes. Alembic's autogenerate and the model/migration parity test skip these by
name, so neither proposes to drop them.
"""

from __future__ import annotations

from typing import Any

RAW_PREFIXES = ("message_fts", "ix_message_fts", "search_doc", "ix_message_log_search_doc",
                "ix_message_log_cover")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic ``include_object`` hook: leave hand-made search objects alone."""
    return not (reflected and compare_to is None and str(name).startswith(RAW_PREFIXES))


def compare_type(context: Any, inspected_column: Any, metadata_column: Any, inspected_type: Any,
                 metadata_type: Any) -> bool | None:
    """Alembic ``compare_type`` hook: on SQLite a sealed column an older revision declared VARCHAR is
    not a change (VARCHAR and TEXT are one storage class there; rebuilding message_log for it would
    gain nothing). ``None``: Alembic's own comparison decides."""
    from sqlalchemy import String

    from storage.encryption import EncryptedText

    if (context.dialect.name == "sqlite" and isinstance(metadata_type, EncryptedText)
            and isinstance(inspected_type, String)):
        return False
    return None
