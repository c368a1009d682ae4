"""coordinator desk: invites, sessions, message search index

Revision ID: web_0001
Revises: 0001_core
Create Date: 2026-11-27 15:00:00

SQLite: a contentless FTS5 table ``message_fts`` (body = the message text, scope = tokens naming
the program, match, sender, decision and kind, so filters are answered inside the index), kept in
sync by triggers on ``message_log``. PostgreSQL: a generated ``search_doc`` tsvector column with a
GIN index. Both: btree indexes for program-wide and per-sender newest-first scans. Deletion rows
(kind 'delete') repeat the last text of a message and are not indexed.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = 'web_0001'
down_revision = '0001_core'
branch_labels = ('web',)
depends_on = None


def _scope(row: str) -> str:
    """The FTS5 scope tokens of a message_log row (storage/search.py builds the same tokens)."""
    return (f"'g' || hex({row}.program_id) || ' m' || coalesce({row}.match_id, 0) || "
            f"' u' || coalesce({row}.sender_person_id, 0) || ' d' || replace({row}.decision, '_', '') || "
            f"' k' || {row}.kind")


SQLITE_UP = [
    "CREATE VIRTUAL TABLE message_fts USING fts5(body, scope, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER message_fts_ai AFTER INSERT ON message_log WHEN NEW.kind != 'delete' BEGIN
        INSERT INTO message_fts(rowid, body, scope) VALUES (NEW.id, NEW.text, {_scope('NEW')});
    END""",
    f"""CREATE TRIGGER message_fts_ad AFTER DELETE ON message_log WHEN OLD.kind != 'delete' BEGIN
        INSERT INTO message_fts(message_fts, rowid, body, scope)
            VALUES ('delete', OLD.id, OLD.text, {_scope('OLD')});
    END""",
    f"""CREATE TRIGGER message_fts_au AFTER UPDATE ON message_log BEGIN
        INSERT INTO message_fts(message_fts, rowid, body, scope)
            SELECT 'delete', OLD.id, OLD.text, {_scope('OLD')} WHERE OLD.kind != 'delete';
        INSERT INTO message_fts(rowid, body, scope)
            SELECT NEW.id, NEW.text, {_scope('NEW')} WHERE NEW.kind != 'delete';
    END""",
    f"INSERT INTO message_fts(rowid, body, scope) SELECT id, text, {_scope('message_log')} "
    "FROM message_log WHERE kind != 'delete'",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS message_fts_au",
    "DROP TRIGGER IF EXISTS message_fts_ad",
    "DROP TRIGGER IF EXISTS message_fts_ai",
    "DROP TABLE IF EXISTS message_fts",
]

POSTGRES_UP = [
    "ALTER TABLE message_log ADD COLUMN search_doc tsvector GENERATED ALWAYS AS "
    "(CASE WHEN kind = 'delete' THEN NULL ELSE to_tsvector('simple'::regconfig, text) END) STORED",
    "CREATE INDEX ix_message_log_search_doc ON message_log USING gin (search_doc)",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_message_log_search_doc",
    "ALTER TABLE message_log DROP COLUMN IF EXISTS search_doc",
]


def upgrade() -> None:
    op.create_table('web_invite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index(op.f('ix_web_invite_person_id'), 'web_invite', ['person_id'], unique=False)
    op.create_table('web_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('csrf_token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('last_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index(op.f('ix_web_session_person_id'), 'web_session', ['person_id'], unique=False)
    # newest-first scans for program-wide and per-sender search and the glance page
    op.create_index('ix_message_log_program_id', 'message_log', ['program_id', 'id'], unique=False)
    op.create_index('ix_message_log_sender_id', 'message_log', ['sender_person_id', 'id'], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == 'sqlite' else POSTGRES_UP if dialect == 'postgresql' else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == 'sqlite' else POSTGRES_DOWN if dialect == 'postgresql' else []:
        op.execute(statement)
    op.drop_index('ix_message_log_sender_id', table_name='message_log')
    op.drop_index('ix_message_log_program_id', table_name='message_log')
    op.drop_index(op.f('ix_web_session_person_id'), table_name='web_session')
    op.drop_table('web_session')
    op.drop_index(op.f('ix_web_invite_person_id'), table_name='web_invite')
    op.drop_table('web_invite')
