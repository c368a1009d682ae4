"""relay: the flood count reads one sender's last minute through an index (issue 16)

Revision ID: relay_0001
Revises: 0001_core
Create Date: 2026-12-04 23:50:00

The relay counts the sender's messages of the last 60 seconds for every message it records (the
policy's flood rule). With only (sender_person_id, id) indexed, that count visited every message
the sender ever wrote, so recording got slower the longer a mentor had been in the program (a
third of the record path's SQL time at 1,000 messages). (sender_person_id, received_at) makes it a
range scan of the last minute. No personal data: both columns are in other indexes already.
"""
from alembic import op

revision = 'relay_0001'
down_revision = '0001_core'  # its own branch, like ops and conversation (batch rebuilds keep indexes)
branch_labels = ('relay',)
depends_on = None


def upgrade() -> None:
    op.create_index('ix_message_log_sender_received', 'message_log', ['sender_person_id', 'received_at'])


def downgrade() -> None:
    op.drop_index('ix_message_log_sender_received', table_name='message_log')
