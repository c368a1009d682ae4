"""data governance: chain format 2 (commitments, ids), tombstones, anchors, legal holds, retention

Revision ID: gov_0001
Revises: prompts_0001, web_0002
Create Date: 2026-12-02 10:00:00

Schema: per-row salts, commitments and ``erased_by`` (tombstones) on the personal tables,
``subject``/``anchor`` on the audit trail, ``match.ended_on``, ``program.retention_json``, the
``legal_hold`` and ``destruction_record`` tables. The SQLite full-text trigger on message_log now
fires only when indexed columns change (rehashing a row no longer rewrites its index entry).

Data: ended matches get an ``ended_on`` (the day of their newest message, else their start, else
today), then every program's chains are re-anchored in format 2 (``storage.reanchor``: the
format-1 chains are verified first and any break is kept in a ``chain.reanchor`` audit event).
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = 'gov_0001'
down_revision = ('prompts_0001', 'web_0002')
branch_labels = ('governance',)
depends_on = None


def _scope(row: str) -> str:
    """The FTS5 scope tokens of a message_log row (as web_0001 writes them)."""
    return (f"'g' || hex({row}.program_id) || ' m' || coalesce({row}.match_id, 0) || "
            f"' u' || coalesce({row}.sender_person_id, 0) || ' d' || replace({row}.decision, '_', '') || "
            f"' k' || {row}.kind")


def _fts_update_trigger(columns: str) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS message_fts_au",
        f"""CREATE TRIGGER message_fts_au AFTER UPDATE {columns}ON message_log BEGIN
            INSERT INTO message_fts(message_fts, rowid, body, scope)
                SELECT 'delete', OLD.id, OLD.text, {_scope('OLD')} WHERE OLD.kind != 'delete';
            INSERT INTO message_fts(rowid, body, scope)
                SELECT NEW.id, NEW.text, {_scope('NEW')} WHERE NEW.kind != 'delete';
        END""",
    ]


INDEXED = "OF text, program_id, match_id, sender_person_id, decision, kind "

COLUMNS = {
    'program': [sa.Column('retention_json', sqlmodel.sql.sqltypes.AutoString(), nullable=True)],
    'person': [sa.Column('erased_by', sa.Integer(), nullable=True)],
    'match': [sa.Column('ended_on', sa.Date(), nullable=True), sa.Column('erased_by', sa.Integer(), nullable=True)],
    'message_log': [
        sa.Column('content_salt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('commitment', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''),
        sa.Column('erased_by', sa.Integer(), nullable=True),
    ],
    'delivery': [sa.Column('erased_by', sa.Integer(), nullable=True)],
    'reviewitem': [sa.Column('content_salt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
                   sa.Column('erased_by', sa.Integer(), nullable=True)],
    'alert': [sa.Column('content_salt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
              sa.Column('erased_by', sa.Integer(), nullable=True)],
    'audit_event': [
        sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('anchor', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('content_salt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('commitment', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''),
        sa.Column('erased_by', sa.Integer(), nullable=True),
    ],
    'prompt_digest_run': [sa.Column('erased_by', sa.Integer(), nullable=True)],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    op.create_index(op.f('ix_audit_event_subject'), 'audit_event', ['subject'], unique=False)
    op.create_table('legal_hold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('match_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('placed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('placed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('released_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('released_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('release_reason', sa.Text(), nullable=True),
    sa.Column('content_salt', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('erased_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['match_id'], ['match.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_legal_hold_program_id'), 'legal_hold', ['program_id'], unique=False)
    op.create_table('destruction_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('program_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('destroyed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('destroyed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('final_head', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('certificate_json', sa.Text(), nullable=False),
    sa.Column('certificate_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_destruction_record_program_id'), 'destruction_record', ['program_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for statement in _fts_update_trigger(INDEXED):
            op.execute(statement)
    op.execute("""UPDATE match SET ended_on = coalesce(
        (SELECT CAST(max(m.sent_at) AS DATE) FROM message_log m WHERE m.match_id = match.id),
        started_on, CURRENT_DATE) WHERE status = 'ended'""" if bind.dialect.name == 'postgresql' else
               """UPDATE match SET ended_on = coalesce(
        (SELECT date(max(m.sent_at)) FROM message_log m WHERE m.match_id = match.id),
        started_on, date('now')) WHERE status = 'ended'""")
    from storage.reanchor import reanchor_all

    reanchor_all(bind)


def downgrade() -> None:
    # Format-2 hashes cannot be turned back into format 1 (the content may be erased): a
    # downgrade keeps the rows but drops what format 2 added; restore a backup to go back.
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for statement in _fts_update_trigger(""):
            op.execute(statement)
    op.drop_index(op.f('ix_destruction_record_program_id'), table_name='destruction_record')
    op.drop_table('destruction_record')
    op.drop_index(op.f('ix_legal_hold_program_id'), table_name='legal_hold')
    op.drop_table('legal_hold')
    op.drop_index(op.f('ix_audit_event_subject'), table_name='audit_event')
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column.name)
