"""Frames: blame and credit of case actors, per article.

Revision ID: 0004_frames
Revises: 0003_stance_route
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_frames"
down_revision = "0003_stance_route"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "frames",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("agent", sa.String(64), nullable=False),
        sa.Column("cue", sa.String(32), nullable=False),
        sa.Column("target_start", sa.Integer),
        sa.Column("target_end", sa.Integer),
    )
    op.create_index("ix_frames_article", "frames", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_frames_article", table_name="frames")
    op.drop_table("frames")
