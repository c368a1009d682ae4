"""merge issue 12 and 14 into governance: tombstones on the new personal tables

Revision ID: gov_0002
Revises: gov_0001, choosing_0001, i12_0002, year_0001
Create Date: 2027-01-11 10:00:00

A merge revision: issue 15's ``gov_0001`` and the branches of issues 12 (``i12_0002``, e-mail) and
14 (``choosing_0001``: profiles, choosing, hand-over; ``year_0001``: the program year) were added
side by side. Every table they brought is declared in ``storage.governance``; the ones whose
erasure blanks personal content and keeps the row (``erase="blank"``) get the ``erased_by``
column that marks a tombstone. No data changes: none of these rows is chained or anchored, and
nothing has been erased yet.
"""
from alembic import op
import sqlalchemy as sa


revision = 'gov_0002'
down_revision = ('gov_0001', 'choosing_0001', 'i12_0002', 'year_0001')
branch_labels = None
depends_on = None

TOMBSTONED = ('mail_message', 'profile', 'proposal_run', 'proposal', 'departure', 'reflection',
              'mentor_feedback')


def upgrade() -> None:
    for table in TOMBSTONED:
        op.add_column(table, sa.Column('erased_by', sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in reversed(TOMBSTONED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('erased_by')
