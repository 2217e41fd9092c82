"""What the sources stage hands to the articles stage, and what it hands back for bad input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Kind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article apart from its text; `None`/empty means unknown."""

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values where known, `other`'s elsewhere."""
        return Metadata(
            title=self.title or other.title,
            outlet=self.outlet or other.outlet,
            authors=self.authors or other.authors,
            published=self.published or other.published,
            url=self.url or other.url,
        )


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read: its text or HTML, where it came from, and any metadata it carried.

    `file_name` is the base name of the file it was read from (the manifest matches on it).
    """

    source: str
    kind: Kind
    content: str
    meta: Metadata = field(default_factory=Metadata)
    file_name: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article."""

    source: str
    reason: str
