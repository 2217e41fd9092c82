"""Stances record the route that found them and the graded scale point they name.

Revision ID: 0003_stance_route
Revises: 0002_stances
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_stance_route"
down_revision = "0002_stances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stances") as batch:
        batch.add_column(sa.Column("route", sa.String(8), nullable=False, server_default="frame"))
        batch.add_column(sa.Column("position", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("stances") as batch:
        batch.drop_column("position")
        batch.drop_column("route")
