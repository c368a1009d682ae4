"""desk search: index-only scans for one match / one sender on PostgreSQL

Revision ID: web_0002
Revises: web_0001
Create Date: 2026-11-28 14:40:00

PostgreSQL only (SQLite answers these filters inside FTS5, see web_0001). Searching one match or one
student read that match's newest rows through the (match_id, id) btree with one random heap fetch
each (p95 16 ms at 1M messages). These partial covering btrees carry what the search tests —
decision, sent_at and the tsvector — so the scan is index-only (storage/search.py spells the same
predicates in its query; keep them identical, or the planner cannot use the indexes).

A btree tuple holds at most ~2.7 kB, and an INSERT whose tuple is larger fails, so only rows whose
tsvector is provably small enough are in the covering indexes: at most 100 lexemes and 1,500 bytes
as text (binary size ≤ text + 5 bytes per lexeme + 8 ≈ 2 kB). Longer messages (rare in chat) go
into two small partial btrees without the tsvector. Deletion rows (search_doc NULL) are in neither.

Index-only scans need the visibility map: insert-driven autovacuum on this append-only table runs
every 10,000 new rows instead of after 20 % growth, so the newest rows — the ones a search reads
first — rarely need heap fetches.
"""
from alembic import op

revision = 'web_0002'
down_revision = 'web_0001'
branch_labels = None
depends_on = None

SHORT_DOC = "length(search_doc) <= 100 AND octet_length(search_doc::text) <= 1500"
LONG_DOC = "length(search_doc) > 100 OR octet_length(search_doc::text) > 1500"

POSTGRES_UP = [
    "CREATE INDEX ix_message_log_cover_match ON message_log (match_id, id DESC) "
    f"INCLUDE (decision, sent_at, search_doc) WHERE {SHORT_DOC}",
    "CREATE INDEX ix_message_log_cover_sender ON message_log (sender_person_id, id DESC) "
    f"INCLUDE (decision, sent_at, search_doc) WHERE {SHORT_DOC}",
    f"CREATE INDEX ix_message_log_cover_match_long ON message_log (match_id, id DESC) WHERE {LONG_DOC}",
    "CREATE INDEX ix_message_log_cover_sender_long ON message_log (sender_person_id, id DESC) "
    f"WHERE {LONG_DOC}",
    "ALTER TABLE message_log SET (autovacuum_vacuum_insert_threshold = 10000, "
    "autovacuum_vacuum_insert_scale_factor = 0)",
]

POSTGRES_DOWN = [
    "ALTER TABLE message_log RESET (autovacuum_vacuum_insert_threshold, "
    "autovacuum_vacuum_insert_scale_factor)",
    "DROP INDEX IF EXISTS ix_message_log_cover_sender_long",
    "DROP INDEX IF EXISTS ix_message_log_cover_match_long",
    "DROP INDEX IF EXISTS ix_message_log_cover_sender",
    "DROP INDEX IF EXISTS ix_message_log_cover_match",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for statement in POSTGRES_DOWN:
            op.execute(statement)
