"""The `sources` stage: find and read inputs, yielding one `Article` or `Rejected` at a time.

Example:
    >>> for item in read_articles(["corpus/"], manifest="corpus/manifest.csv"):
    ...     print(item.source, getattr(item, "reason", "ok"))
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from parley.articles.model import Article
from parley.articles.raw import Rejected
from parley.sources.files import iter_files, read_file
from parley.sources.manifest import Manifest, load_manifest

LOGGER = logging.getLogger(__name__)

__all__ = ["Manifest", "Rejected", "load_manifest", "read_articles"]


def read_articles(
    paths: Sequence[str | Path],
    manifest: str | Path | Manifest | None = None,
    skip: Iterable[str | Path] = (),
    *,
    follow_links: bool = False,
) -> Iterator[Article | Rejected]:
    """Stream the articles in files and folders (recursively, sorted, hidden files skipped).

    Each input yields one `Article` per article or one `Rejected` per bad file,
    line or item; bad input never raises. The manifest, if given, is read now
    and raises `InputError` when invalid; its metadata overrides the documents'.
    Files in `skip` (and the manifest itself) are passed over when walking folders.
    Only regular files are read; symbolic links inside a folder that lead out of it
    are not followed unless `follow_links` (each is rejected with the reason).
    """
    loaded = load_manifest(manifest) if isinstance(manifest, str | Path) else manifest
    skipped = [*skip, loaded.path] if loaded else list(skip)
    skip_real = frozenset(Path(p).resolve() for p in skipped)
    return _read_all(list(paths), loaded, skip_real, follow_links)


def _read_all(
    paths: list[str | Path], manifest: Manifest | None, skip: frozenset[Path], follow_links: bool
) -> Iterator[Article | Rejected]:
    for given in paths:
        for found in iter_files(given, skip, follow_links=follow_links):
            if isinstance(found, Rejected):
                yield _logged(found)
                continue
            source = str(given) if Path(given) == found else str(found)
            for result in read_file(found, source, manifest):
                yield _logged(result) if isinstance(result, Rejected) else result


def _logged(rejected: Rejected) -> Rejected:
    LOGGER.warning("skipped %s: %s", rejected.source, rejected.reason)
    return rejected
