"""Incremental corpus views: each article records the generation its storing made
(`articles.seq`), and the views keep the state they merge new articles into
(`entity_groups`, `event_reports`, `event_words`).

An existing dossier's articles get no `seq` (they are all older than the views' next
refresh), and its state tables start empty, so its next refresh is a full one.

Revision ID: 0007_incremental_views
Revises: 0006_event_dating
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_incremental_views"
down_revision = "0006_event_dating"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("seq", sa.Integer))
        batch.create_index("ix_articles_seq", ["seq"])
    with op.batch_alter_table("entity_keys") as batch:
        batch.create_index("ix_entity_keys_key", ["key"])
    with op.batch_alter_table("event_sources") as batch:
        batch.create_index("ix_event_sources_article", ["article_id"])
    op.create_table(
        "entity_groups",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("person", sa.Boolean, nullable=False),
        sa.Column("head", sa.Text, nullable=False),
        sa.Column("tail", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String(128), nullable=False),
    )
    op.create_index("ix_entity_groups_head", "entity_groups", ["head"])
    op.create_index("ix_entity_groups_tail", "entity_groups", ["tail"])
    op.create_index("ix_entity_groups_entity", "entity_groups", ["entity_id"])
    op.create_table(
        "event_reports",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("kin", sa.String(32), nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("dating", sa.String(32)),
        sa.Column("first_day", sa.String(10)),
        sa.Column("last_day", sa.String(10)),
        sa.Column("link", sa.Text),
        sa.Column("words", sa.JSON),
        sa.Column("undated", sa.Boolean, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("seed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_event_reports_kin_day", "event_reports", ["kin", "first_day"])
    op.create_index("ix_event_reports_link", "event_reports", ["link"])
    op.create_index("ix_event_reports_event", "event_reports", ["event_id"])
    op.create_table(
        "event_words",
        sa.Column("word", sa.Text, primary_key=True),
        sa.Column("dated", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_words_dated", "event_words", ["dated"])


def downgrade() -> None:
    for table in ("event_words", "event_reports", "entity_groups"):
        op.drop_table(table)
    with op.batch_alter_table("event_sources") as batch:
        batch.drop_index("ix_event_sources_article")
    with op.batch_alter_table("entity_keys") as batch:
        batch.drop_index("ix_entity_keys_key")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_seq")
        batch.drop_column("seq")
