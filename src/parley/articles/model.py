"""The `Article`: clean body text plus what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Tag:
    """A publisher's subject tag (for example an FT annotation: PERSON, about, Vladimir Putin)."""

    type: str
    predicate: str
    label: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article: body text without page chrome, and its metadata.

    `text` is what every character span in the dossier points into.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str | None = None
    tags: tuple[Tag, ...] = field(default_factory=tuple)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["authors"] = list(self.authors)
        data["tags"] = [asdict(t) for t in self.tags]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            authors=tuple(data.get("authors") or ()),
            published=date.fromisoformat(published) if published else None,
            url=data.get("url"),
            tags=tuple(Tag(**t) for t in data.get("tags") or ()),
        )


def article_id(text: str) -> str:
    """A stable id from the body text: the same article read twice gets the same id."""
    normalised = " ".join(text.split()).lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
