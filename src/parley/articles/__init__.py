"""The `articles` stage: one clean `Article` per raw document."""

from parley.articles.build import build_article
from parley.articles.model import Article, Tag, article_id
from parley.articles.plaintext import clean_text
from parley.articles.raw import Metadata, RawDocument, Rejected

__all__ = [
    "Article",
    "Metadata",
    "RawDocument",
    "Rejected",
    "Tag",
    "article_id",
    "build_article",
    "clean_text",
]
