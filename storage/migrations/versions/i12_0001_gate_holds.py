"""review items remember which program gates hold them, and any override of those gates

Revision ID: i12_0001
Revises: 0001_core
Create Date: 2026-12-04 20:40:00

Issue 12 item 1: a hold for a program gate (no permission form, mentor not cleared, match not
active, sender not in the match) is released when the gate clears, or by an override naming the
gate and a reason; never by a plain Approve. Existing open holds get their gates from their rules.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'i12_0001'
down_revision = '0001_core'
branch_labels = ('i12',)
depends_on = None

GATE_RULES = ("consent.missing", "clearance.missing", "match.proposed", "match.paused", "match.ended",
              "match.stranger")


def upgrade() -> None:
    with op.batch_alter_table("reviewitem") as batch:
        batch.add_column(sa.Column("gates", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
        batch.add_column(sa.Column("override_gates", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch.add_column(sa.Column("override_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, reason FROM reviewitem WHERE state = 'open'")).all()
    for row_id, reason in rows:
        gates = ",".join(r for r in dict.fromkeys((reason or "").split(",")) if r in GATE_RULES)
        if gates:
            bind.execute(sa.text("UPDATE reviewitem SET gates = :g WHERE id = :i"), {"g": gates, "i": row_id})


def downgrade() -> None:
    with op.batch_alter_table("reviewitem") as batch:
        batch.drop_column("override_reason")
        batch.drop_column("override_gates")
        batch.drop_column("gates")
