"""relay: the roster's generation counter and its triggers, so processes may cache roster facts (issue 16)

Revision ID: relay_0002
Revises: relay_0001
Create Date: 2026-12-05 01:10:00

One row, one number: triggers on every table the relay's cached roster facts come from (program,
person, identity, match, matchmember, supervisedchannel, training_module, training_record,
consent_form) add one to it in the changing transaction (storage/roster_generation.py). No personal
data. ``storage.db.upgrade`` recreates any trigger a later table rebuild dropped.
"""
from alembic import op
import sqlalchemy as sa

from storage.roster_generation import drop_triggers, ensure_triggers

revision = 'relay_0002'
down_revision = 'relay_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'roster_generation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    ensure_triggers(op.get_bind())


def downgrade() -> None:
    drop_triggers(op.get_bind())
    op.drop_table('roster_generation')
