"""Event dating: how each mention was dated (or why not), its trigger span, an approximate
flag; merged events get the first and last day they cover (for ordering and spans).

Revision ID: 0006_event_dating
Revises: 0005_generation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_event_dating"
down_revision = "0005_generation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_mentions") as batch:
        batch.add_column(
            sa.Column("approximate", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("dating", sa.String(32)))
        batch.add_column(sa.Column("trigger_start", sa.Integer))
        batch.add_column(sa.Column("trigger_end", sa.Integer))
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("approximate", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("first_day", sa.String(10)))
        batch.add_column(sa.Column("last_day", sa.String(10)))
        batch.create_index("ix_events_first_day", ["first_day"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_first_day")
        batch.drop_column("last_day")
        batch.drop_column("first_day")
        batch.drop_column("approximate")
    with op.batch_alter_table("event_mentions") as batch:
        batch.drop_column("trigger_end")
        batch.drop_column("trigger_start")
        batch.drop_column("dating")
        batch.drop_column("approximate")
