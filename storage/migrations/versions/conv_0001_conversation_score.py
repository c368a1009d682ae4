"""conversation score: its state per match and sender, and the messages that carried a signal (issue 11)

Revision ID: conv_0001
Revises: 0001_core
Create Date: 2026-12-02 22:30:00

Two new tables, nothing else changes. ``conversation_score``: one row per sender per match, read
(by its unique (match_id, person_id) index) with each of their messages and written only when a
signal arrives, leaves the window or a pattern fires. ``conversation_signal``: one row per
message that carried a signal; flagged rows are the desk's "flagged" list.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = 'conv_0001'
down_revision = '0001_core'
branch_labels = ('conversation',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        'conversation_score',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('match_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('state_json', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('held', sa.Boolean(), nullable=False),
        sa.Column('fired_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('alert_id', sa.Integer(), nullable=True),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('half_life_days', sa.Float(), nullable=False),
        sa.Column('window_days', sa.Float(), nullable=False),
        sa.Column('alert_at', sa.Float(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ),
        sa.ForeignKeyConstraint(['match_id'], ['match.id'], ),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
        sa.ForeignKeyConstraint(['program_id'], ['program.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('match_id', 'person_id'),
    )
    op.create_index(op.f('ix_conversation_score_program_id'), 'conversation_score', ['program_id'],
                    unique=False)
    op.create_table(
        'conversation_signal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('program_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('match_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('weight', sa.Float(), nullable=False),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('rules', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('flagged', sa.Boolean(), nullable=False),
        sa.Column('looked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('looked_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('alert_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ),
        sa.ForeignKeyConstraint(['match_id'], ['match.id'], ),
        sa.ForeignKeyConstraint(['message_id'], ['message_log.id'], ),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
        sa.ForeignKeyConstraint(['program_id'], ['program.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('message_id'),
    )
    op.create_index('ix_conversation_signal_match', 'conversation_signal', ['match_id', 'at'],
                    unique=False)
    op.create_index('ix_conversation_signal_flagged', 'conversation_signal',
                    ['program_id', 'flagged', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_conversation_signal_flagged', table_name='conversation_signal')
    op.drop_index('ix_conversation_signal_match', table_name='conversation_signal')
    op.drop_table('conversation_signal')
    op.drop_index(op.f('ix_conversation_score_program_id'), table_name='conversation_score')
    op.drop_table('conversation_score')
