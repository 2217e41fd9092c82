"""The first dossier schema: articles, per-article records, corpus views, rejects.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _span() -> list[sa.Column]:
    return [
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


def _article_fk() -> sa.Column:
    return sa.Column(
        "article_id",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        _article_fk(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("actor", sa.String(64)),
        sa.Column("descriptor", sa.Text),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(64), primary_key=True),
        _article_fk(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_key", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("speaker_descriptor", sa.Text),
        sa.Column("cue", sa.String(32)),
    )
    op.create_table(
        "timexes",
        sa.Column("id", sa.String(64), primary_key=True),
        _article_fk(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("mod", sa.String(16)),
    )
    op.create_table(
        "event_mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        _article_fk(),
        *_span(),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("trigger", sa.String(64)),
        sa.Column("date_start", sa.Integer),
        sa.Column("date_end", sa.Integer),
    )
    for table in ("mentions", "quotes", "timexes", "event_mentions"):
        op.create_index(f"ix_{table}_article", table, ["article_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("descriptors", sa.JSON, nullable=False),
        sa.Column("actor", sa.String(64)),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "entity_keys",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.String(128), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("date", sa.String(32)),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        *_span(),
    )
    op.create_index("ix_event_sources_event", "event_sources", ["event_id"])
    op.create_table(
        "rejects",
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
