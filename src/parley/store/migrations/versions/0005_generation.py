"""Generation counter: bumped by every stored article, recorded by the corpus views.

The views were marked with the article count they were built from; an article stored
while another build refreshed them could be counted without being in them. Now each
article's transaction bumps `meta.generation`, and a refresh records the generation it
read before reading the records (see `Store.replace_derived`). An existing dossier
starts at its article count, which is what its views were marked with.

Revision ID: 0005_generation
Revises: 0004_frames
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_generation"
down_revision = "0004_frames"
branch_labels = None
depends_on = None

_meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
_articles = sa.table("articles", sa.column("id", sa.String))


def upgrade() -> None:
    count = op.get_bind().scalar(sa.select(sa.func.count()).select_from(_articles))
    op.bulk_insert(_meta, [{"key": "generation", "value": str(count or 0)}])


def downgrade() -> None:
    op.execute(sa.delete(_meta).where(_meta.c.key == "generation"))
