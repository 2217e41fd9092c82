"""Tables of the dossier database, in SQLAlchemy Core.

Record ids are made from the article id and the span, so a rebuilt dossier has
the same rows with the same ids. Per-article tables (`articles`, `mentions`,
`quotes`, `timexes`, `event_mentions`, `stances`, `frames`) are written with
each article whole in one transaction (a build puts several articles in one).
Corpus tables (`entities`, `entity_keys`, `events`, `event_sources`) are
derived from them by `parley.analysis`, with the state their updates start
from (`entity_groups`, `event_reports`, `event_words`), and brought up to date
after a build that added articles.

A change here needs a migration in `parley/store/migrations/versions/`
(tests compare the migrated database with these tables).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()


def _span() -> tuple[Column, Column]:
    """Character offsets into the article text: `text[start:end]`."""
    return Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)


def _article_fk() -> Column:
    return Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )


articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(10)),
    Column("words", Integer, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("seq", Integer),  # the generation its storing made (none before views were kept)
    Index("ix_articles_seq", "seq"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(64), primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("key", Text, nullable=False),
    Column("actor", String(64)),
    Column("descriptor", Text),
    Index("ix_mentions_article", "article_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(64), primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker", Text),
    Column("speaker_key", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_descriptor", Text),
    Column("cue", String(32)),
    Index("ix_quotes_article", "article_id"),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", String(64), primary_key=True),
    _article_fk(),
    *_span(),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(16)),
    Index("ix_timexes_article", "article_id"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(64), primary_key=True),
    _article_fk(),
    *_span(),
    Column("type", String(32), nullable=False),
    Column("summary", Text, nullable=False),
    Column("date", String(32)),
    Column("date_precision", String(16), nullable=False),
    Column("actors", JSON, nullable=False),
    Column("trigger", String(64)),
    Column("date_start", Integer),
    Column("date_end", Integer),
    Column("approximate", Boolean, nullable=False, server_default=false()),
    Column("dating", String(32)),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Index("ix_event_mentions_article", "article_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("descriptors", JSON, nullable=False),
    Column("actor", String(64)),
    Column("mentions", Integer, nullable=False),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("article_id", String(32), nullable=False, primary_key=True),
    Column("key", Text, nullable=False, primary_key=True),
    Column("entity_id", String(128), nullable=False),
    Index("ix_entity_keys_key", "key"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("date", String(32)),
    Column("date_precision", String(16), nullable=False),
    Column("type", String(32), nullable=False),
    Column("actors", JSON, nullable=False),
    Column("summary", Text, nullable=False),
    Column("approximate", Boolean, nullable=False, server_default=false()),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Index("ix_events_first_day", "first_day"),
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(64), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("source", Text, nullable=False),
    *_span(),
    Index("ix_event_sources_event", "event_id"),
    Index("ix_event_sources_article", "article_id"),
)

# -- the state the corpus views merge new articles into (`parley.analysis.views`) ---------------

entity_groups = Table(
    "entity_groups",
    metadata,
    Column("key", Text, primary_key=True),  # a mention key, normalised
    Column("counts", JSON, nullable=False),  # its mentions' keys, surfaces, labels, ...
    Column("person", Boolean, nullable=False),  # takes part in merging people
    Column("head", Text, nullable=False),  # the blocks of its surname
    Column("tail", Text, nullable=False),
    Column("entity_id", String(128), nullable=False),
    Index("ix_entity_groups_head", "head"),
    Index("ix_entity_groups_tail", "tail"),
    Index("ix_entity_groups_entity", "entity_id"),
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("id", String(64), primary_key=True),  # the event mention's
    Column("article_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("type", String(32), nullable=False),
    Column("kin", String(32), nullable=False),  # its type's kin: types that can merge
    Column("date", String(32)),  # as merged (a corpus date for a linked report)
    Column("date_precision", String(16), nullable=False),
    Column("approximate", Boolean, nullable=False),
    Column("dating", String(32)),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("link", Text),  # type and participants, for linking undated reports
    Column("words", JSON),  # summary words, for linking
    Column("undated", Boolean, nullable=False),  # may be dated from another article
    Column("event_id", String(64), nullable=False),
    Column("seed", Boolean, nullable=False),  # first report of its event
    Index("ix_event_reports_kin_day", "kin", "first_day"),
    Index("ix_event_reports_link", "link"),
    Index("ix_event_reports_event", "event_id"),
)

event_words = Table(
    "event_words",
    metadata,
    Column("word", Text, primary_key=True),
    Column("dated", Integer, nullable=False),  # dated reports whose summary has it
    Index("ix_event_words_dated", "dated"),
)

stances = Table(
    "stances",
    metadata,
    Column("id", String(96), primary_key=True),
    _article_fk(),
    *_span(),
    Column("actor", String(64), nullable=False),
    Column("issue", String(64), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cue", String(32)),
    Column("holder_start", Integer),
    Column("holder_end", Integer),
    Column("hedged", Boolean, nullable=False),
    Column("route", String(8), nullable=False, server_default="frame"),
    Column("position", Integer),
    Index("ix_stances_article", "article_id"),
    Index("ix_stances_actor_issue", "actor", "issue"),
)

frames = Table(
    "frames",
    metadata,
    Column("id", String(160), primary_key=True),
    _article_fk(),
    *_span(),
    Column("kind", String(8), nullable=False),
    Column("target", String(64), nullable=False),
    Column("agent", String(64), nullable=False),
    Column("cue", String(32), nullable=False),
    Column("target_start", Integer),
    Column("target_end", Integer),
    Index("ix_frames_article", "article_id"),
)

rejects = Table(
    "rejects",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

ARTICLE_TABLES = (mentions, quotes, timexes, event_mentions, stances, frames)
DERIVED_TABLES = (entities, entity_keys, events, event_sources)
STATE_TABLES = (entity_groups, event_reports, event_words)
