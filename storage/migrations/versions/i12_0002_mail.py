"""e-mailed alerts, escalations and digests; each program's second contact for escalation

Revision ID: i12_0002
Revises: i12_0001
Create Date: 2026-12-04 21:10:00

Issue 12 item 3. ``mail_message`` is an outbox for e-mail: one row per message and address,
written before sending, retried with back-off. ``program.escalate_to_id`` / ``escalate_after_minutes``
come from the roster (``program: escalate_to:``).
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'i12_0002'
down_revision = 'i12_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_message",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, unique=True),
        sa.Column("program_id", sqlmodel.sql.sqltypes.AutoString(), sa.ForeignKey("program.id"), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alert.id"), nullable=True),
        sa.Column("digest_week", sa.Date(), nullable=True),
        sa.Column("to_address", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("to_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index("ix_mail_message_due", "mail_message", ["state", "next_attempt_at"])
    op.create_index("ix_mail_message_program_id", "mail_message", ["program_id"])
    op.create_index("ix_mail_message_alert_id", "mail_message", ["alert_id"])
    with op.batch_alter_table("program") as batch:
        batch.add_column(sa.Column("escalate_to_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("escalate_after_minutes", sa.Integer(), nullable=False, server_default="30"))
        batch.create_foreign_key("fk_program_escalate_to_person", "person", ["escalate_to_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("program") as batch:
        batch.drop_constraint("fk_program_escalate_to_person", type_="foreignkey")
        batch.drop_column("escalate_after_minutes")
        batch.drop_column("escalate_to_id")
    op.drop_table("mail_message")
