"""The `articles` stage: one clean `Article` per raw document."""

from parley.articles.model import Article, article_id

__all__ = ["Article", "article_id"]
