"""job claims: a periodic job runs in one process per period when replicas share the database (issue 16)

Revision ID: ops_0001
Revises: 0001_core
Create Date: 2026-12-02 10:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = 'ops_0001'
down_revision = '0001_core'
branch_labels = ('ops',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        'job_claim',
        sa.Column('job', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('period', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('claimed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('job', 'period'),
    )


def downgrade() -> None:
    op.drop_table('job_claim')
