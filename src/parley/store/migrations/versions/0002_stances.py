"""Stances: what case actors support or oppose, per article.

Revision ID: 0002_stances
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_stances"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stances",
        sa.Column("id", sa.String(96), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("issue", sa.String(64), nullable=False),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cue", sa.String(32)),
        sa.Column("holder_start", sa.Integer),
        sa.Column("holder_end", sa.Integer),
        sa.Column("hedged", sa.Boolean, nullable=False),
    )
    op.create_index("ix_stances_article", "stances", ["article_id"])
    op.create_index("ix_stances_actor_issue", "stances", ["actor", "issue"])


def downgrade() -> None:
    op.drop_index("ix_stances_actor_issue", table_name="stances")
    op.drop_index("ix_stances_article", table_name="stances")
    op.drop_table("stances")
