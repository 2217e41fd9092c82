"""The `sources` stage: find and read inputs, yielding one `Article` or `Rejected` at a time.

Example:
    >>> for item in read_articles(["corpus/"], manifest="corpus/manifest.csv"):
    ...     print(item.source, getattr(item, "reason", "ok"))
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from parley.articles.model import Article
from parley.articles.raw import Rejected
from parley.errors import one_line
from parley.sources.files import iter_files, read_file
from parley.sources.manifest import Manifest, load_manifest

LOGGER = logging.getLogger(__name__)

# Fewer words than this are not an article (a caption, a stray word, a one-byte file); the
# shortest real wire briefs run to a sentence or two.
MIN_ARTICLE_WORDS = 5

__all__ = ["Manifest", "Rejected", "Warn", "load_manifest", "read_articles"]

Warn = Callable[[str, str], None]


def read_articles(
    paths: Sequence[str | Path],
    manifest: str | Path | Manifest | None = None,
    skip: Iterable[str | Path] = (),
    *,
    follow_links: bool = False,
    on_warning: Warn | None = None,
) -> Iterator[Article | Rejected]:
    """Stream the articles in files and folders (recursively, sorted, hidden files skipped).

    Each input yields one `Article` per article or one `Rejected` per bad file,
    line or item; bad input never raises. The manifest, if given, is read now
    and raises `InputError` when invalid; its metadata overrides the documents'.
    Files in `skip` (and the manifest itself) are passed over when walking folders.
    Only regular files are read; symbolic links inside a folder that lead out of it
    are not followed unless `follow_links` (each is rejected with the reason).
    `on_warning(source, message)` hears of what is odd but not an input's failure
    (default: logged at warning): a manifest row naming a file not among the inputs.
    """
    loaded = load_manifest(manifest) if isinstance(manifest, str | Path) else manifest
    skipped = [*skip, loaded.path] if loaded else list(skip)
    skip_real = frozenset(Path(p).resolve() for p in skipped)
    return _read_all(list(paths), loaded, skip_real, follow_links, on_warning or _log_warning)


def _read_all(
    paths: list[str | Path],
    manifest: Manifest | None,
    skip: frozenset[Path],
    follow_links: bool,
    warn: Warn,
) -> Iterator[Article | Rejected]:
    names: set[str] = set()
    for given in paths:
        found_any = False
        for found in iter_files(given, skip, follow_links=follow_links):
            found_any = True
            if isinstance(found, Rejected):
                names.add(Path(found.source).name)
                yield _logged(found)
                continue
            names.add(found.name)
            source = str(given) if Path(given) == found else str(found)
            for result in read_file(found, source, manifest):
                yield _checked(result)
        if not found_any:
            warn(str(given), "no articles found (no files to read in it)")
    if manifest is not None:
        for message in manifest.unmatched_files(names):
            warn(manifest.path, message)


def _checked(result: Article | Rejected) -> Article | Rejected:
    if isinstance(result, Article) and result.words < MIN_ARTICLE_WORDS:
        words = f"{result.words} word{'s' if result.words != 1 else ''}"
        result = Rejected(
            result.source, f"too short to be an article ({words}; at least {MIN_ARTICLE_WORDS})"
        )
    return _logged(result) if isinstance(result, Rejected) else result


def _logged(rejected: Rejected) -> Rejected:
    """The one place every rejection passes: its reason made one line, then logged."""
    reason = one_line(rejected.reason)
    if reason != rejected.reason:
        rejected = Rejected(rejected.source, reason)
    LOGGER.warning("skipped %s: %s", rejected.source, rejected.reason)
    return rejected


def _log_warning(source: str, message: str) -> None:
    LOGGER.warning("%s: %s", source, message)
