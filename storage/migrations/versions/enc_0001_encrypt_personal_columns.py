"""encryption at rest: seal personal-data columns, search through a blind index

Revision ID: enc_0001
Revises: web_0002
Depends on: prompts_0001, gov_0001 (it re-anchors the chains over the plaintext, so it runs first)
Create Date: 2026-12-02 10:00:00

Every value of the columns in SEALED is sealed with the key ring's current key (storage/keyring.py;
the ring comes from the settings, so an upgrade without a key stops with the error that says what
to set). The desk search no longer indexes the text: message_log gets ``search_tokens`` (keyed
tokens of the words, storage/blind_index.py), and SQLite's FTS5 table and PostgreSQL's ``search_doc``
are rebuilt over them (same names, scope tokens and covering indexes as web_0001/web_0002, so
storage/search.py keeps its query shapes). The old FTS5 index and tsvector, which held the words,
are dropped, not kept beside. Columns that were VARCHAR become TEXT (sealed values are longer).

Downgrade opens every value again and restores the plaintext index (for leaving mentorbot with the
data readable; it needs the key too).
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from storage import blind_index, reseal
from storage.clock import utcnow
from storage.encryption import keyring_of
from storage.key_check import CANARY
from storage.safe_text import unescape

revision = 'enc_0001'
down_revision = 'web_0002'
branch_labels = ('enc',)
depends_on = ('prompts_0001', 'gov_0001')  # gov_0001 re-anchors chains over the plaintext first

# Fixed here (not read from the models) so the migration means the same thing forever.
SEALED = {
    "person": ["display_name", "email", "avatar_url"],
    "message_log": ["sender_name", "text", "hits_json", "notice"],
    "delivery": ["text", "sender_name"],
    "reviewitem": ["note"],
    "alert": ["summary", "action_taken"],
    "audit_event": ["detail_json"],
    "unroutedevent": ["text"],
    "prompt_digest_run": ["text"],
}
WERE_VARCHAR = {
    "person": [("display_name", False), ("email", True), ("avatar_url", True)],
    "message_log": [("sender_name", False), ("hits_json", False), ("notice", True)],
    "delivery": [("sender_name", True)],
    "reviewitem": [("note", True)],
    "alert": [("action_taken", True)],
    "audit_event": [("detail_json", False)],
}


def _scope(row: str) -> str:
    """The FTS5 scope tokens of a message_log row (as web_0001; storage/search.py builds the same)."""
    return (f"'g' || hex({row}.program_id) || ' m' || coalesce({row}.match_id, 0) || "
            f"' u' || coalesce({row}.sender_person_id, 0) || ' d' || replace({row}.decision, '_', '') || "
            f"' k' || {row}.kind")


def _sqlite_index(column: str) -> list[str]:
    """FTS5 table + triggers indexing ``column`` of message_log (deletion rows are not indexed)."""
    return [
        "CREATE VIRTUAL TABLE message_fts USING fts5(body, scope, content='', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"""CREATE TRIGGER message_fts_ai AFTER INSERT ON message_log WHEN NEW.kind != 'delete' BEGIN
            INSERT INTO message_fts(rowid, body, scope) VALUES (NEW.id, NEW.{column}, {_scope('NEW')});
        END""",
        f"""CREATE TRIGGER message_fts_ad AFTER DELETE ON message_log WHEN OLD.kind != 'delete' BEGIN
            INSERT INTO message_fts(message_fts, rowid, body, scope)
                VALUES ('delete', OLD.id, OLD.{column}, {_scope('OLD')});
        END""",
        # only when an indexed column changes (rehashing or re-anchoring a row leaves the index alone)
        f"""CREATE TRIGGER message_fts_au AFTER UPDATE OF {column}, program_id, match_id, sender_person_id,
                decision, kind ON message_log BEGIN
            INSERT INTO message_fts(message_fts, rowid, body, scope)
                SELECT 'delete', OLD.id, OLD.{column}, {_scope('OLD')} WHERE OLD.kind != 'delete';
            INSERT INTO message_fts(rowid, body, scope)
                SELECT NEW.id, NEW.{column}, {_scope('NEW')} WHERE NEW.kind != 'delete';
        END""",
        f"INSERT INTO message_fts(rowid, body, scope) SELECT id, {column}, {_scope('message_log')} "
        "FROM message_log WHERE kind != 'delete'",
    ]


SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS message_fts_au",
    "DROP TRIGGER IF EXISTS message_fts_ad",
    "DROP TRIGGER IF EXISTS message_fts_ai",
    "DROP TABLE IF EXISTS message_fts",
]

SHORT_DOC = "length(search_doc) <= 100 AND octet_length(search_doc::text) <= 1500"
LONG_DOC = "length(search_doc) > 100 OR octet_length(search_doc::text) > 1500"


def _postgres_index(document: str) -> list[str]:
    """search_doc generated from ``document`` + the GIN and covering indexes of web_0001/web_0002."""
    return [
        "ALTER TABLE message_log ADD COLUMN search_doc tsvector GENERATED ALWAYS AS "
        f"(CASE WHEN kind = 'delete' THEN NULL ELSE {document} END) STORED",
        "CREATE INDEX ix_message_log_search_doc ON message_log USING gin (search_doc)",
        "CREATE INDEX ix_message_log_cover_match ON message_log (match_id, id DESC) "
        f"INCLUDE (decision, sent_at, search_doc) WHERE {SHORT_DOC}",
        "CREATE INDEX ix_message_log_cover_sender ON message_log (sender_person_id, id DESC) "
        f"INCLUDE (decision, sent_at, search_doc) WHERE {SHORT_DOC}",
        f"CREATE INDEX ix_message_log_cover_match_long ON message_log (match_id, id DESC) WHERE {LONG_DOC}",
        "CREATE INDEX ix_message_log_cover_sender_long ON message_log (sender_person_id, id DESC) "
        f"WHERE {LONG_DOC}",
    ]


# tokens are exact lexemes: no parser, no stemming (array_to_tsvector and string_to_array are immutable)
TOKENS_DOC = "array_to_tsvector(string_to_array(search_tokens, ' '))"
WORDS_DOC = "to_tsvector('simple'::regconfig, text)"
# dropping the column drops the GIN and covering indexes built on it
POSTGRES_DROP = ["ALTER TABLE message_log DROP COLUMN IF EXISTS search_doc"]


def _retype(to_text: bool) -> None:
    for table, columns in WERE_VARCHAR.items():
        with op.batch_alter_table(table) as batch:
            for column, nullable in columns:
                batch.alter_column(column, existing_nullable=nullable,
                                   type_=sa.Text() if to_text else sa.String(),
                                   existing_type=sa.String() if to_text else sa.Text())


def _rewrite(change) -> None:  # type: ignore[no-untyped-def]
    connection = op.get_bind()
    for table, columns in SEALED.items():
        extra = list(reseal.INDEX_INPUTS) if table == "message_log" else []
        for rows in reseal.batches(connection, table, columns + extra):
            reseal.write(connection, table, [change(table, columns, row) for row in rows])


def _create_key_table(ring) -> None:  # type: ignore[no-untyped-def]
    """Which keys the data is sealed with (storage/models_keys.py); the current one from now on."""
    table = op.create_table('encryption_key',
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('canary', sa.Text(), nullable=False),
    sa.Column('first_used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('retired_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key_id')
    )
    kid = ring.current_id
    op.bulk_insert(table, [{"key_id": kid, "state": "active", "first_used_at": utcnow(),
                            "canary": ring.seal_with(kid, CANARY.format(kid=kid))}])


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    ring = keyring_of(op.get_bind().dialect)  # no key configured: stops here, saying what to set
    for statement in SQLITE_DROP if dialect == 'sqlite' else POSTGRES_DROP if dialect == 'postgresql' else []:
        op.execute(statement)
    op.add_column('message_log', sa.Column('search_tokens', sa.Text(), nullable=True))
    _create_key_table(ring)
    if dialect != 'sqlite':  # SQLite's TEXT and VARCHAR are the same affinity: no table rebuild
        _retype(True)

    def seal(table, columns, row):  # type: ignore[no-untyped-def]
        new = {"id": row["id"], **{c: None if row[c] is None else ring.seal(row[c]) for c in columns}}
        if table == "message_log":
            text = None if row["text"] is None else unescape(row["text"])  # stored escaped (safe_text)
            new["search_tokens"] = blind_index.row_tokens(ring, row["program_id"], row["kind"], text)
        return new

    _rewrite(seal)
    if dialect == 'sqlite':
        for statement in _sqlite_index("search_tokens"):
            op.execute(statement)
    elif dialect == 'postgresql':
        for statement in _postgres_index(TOKENS_DOC):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    ring = keyring_of(op.get_bind().dialect)
    for statement in SQLITE_DROP if dialect == 'sqlite' else POSTGRES_DROP if dialect == 'postgresql' else []:
        op.execute(statement)

    def unseal(table, columns, row):  # type: ignore[no-untyped-def]
        return {"id": row["id"], **{c: None if row[c] is None else ring.open(row[c]) for c in columns}}

    _rewrite(unseal)
    op.drop_table('encryption_key')
    op.drop_column('message_log', 'search_tokens')
    if dialect != 'sqlite':
        _retype(False)
    if dialect == 'sqlite':
        for statement in _sqlite_index("text"):
            op.execute(statement)
    elif dialect == 'postgresql':
        for statement in _postgres_index(WORDS_DOC):
            op.execute(statement)
