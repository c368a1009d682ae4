"""each program's emergency number, told to a student in danger

Revision ID: i12r_0002
Revises: i12r_0001
Create Date: 2026-12-05 00:10:00

``program.emergency_line`` (program file ``emergency_line``): the number the kind reply to a
concern written privately to the bot tells a student in danger to call, and what a policy notice's
``{emergency_line}`` becomes. Existing programs are in New York: 911.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'i12r_0002'
down_revision = 'i12r_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("program") as batch:
        batch.add_column(sa.Column("emergency_line", sqlmodel.sql.sqltypes.AutoString(length=32),
                                   nullable=False, server_default="911"))


def downgrade() -> None:
    with op.batch_alter_table("program") as batch:
        batch.drop_column("emergency_line")
