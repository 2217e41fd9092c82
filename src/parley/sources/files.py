"""Find input files and read each by its kind: text, HTML, JSON, JSONL or feed."""

from __future__ import annotations

import errno
import logging
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley.articles.build import build_article
from parley.articles.model import Article
from parley.articles.raw import RawDocument, Rejected
from parley.sources.decode import Problem, binary_problem, decode, read_bytes
from parley.sources.feeds import read_feed
from parley.sources.manifest import Manifest
from parley.sources.records import read_json, read_jsonl

LOGGER = logging.getLogger(__name__)

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".feed": "feed",
}
# Extensions that say a file is not text, so it is refused before it is read (a one-byte
# `tiny.jpg` would otherwise pass the binary sniff and become a one-word article).
_NOT_TEXT_KINDS = {
    "an image": ".jpg .jpeg .png .gif .webp .bmp .tif .tiff .ico .heic .avif",
    "audio or video": ".mp3 .wav .ogg .flac .m4a .mp4 .m4v .mov .avi .mkv .webm",
    "an archive": ".zip .gz .tgz .bz2 .xz .zst .7z .rar .tar",
    "a program": ".exe .dll .so .dylib .bin .o .a .class .jar .pyc .wasm",
    "a document format not read (save it as text or HTML)": (
        ".pdf .doc .docx .odt .xls .xlsx .ods .ppt .pptx .epub"
    ),
    "a database": ".db .sqlite .sqlite3",
    "a font": ".woff .woff2 .ttf .otf",
}
NOT_TEXT = {ext: what for what, exts in _NOT_TEXT_KINDS.items() for ext in exts.split()}
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

Result = Article | Rejected


def iter_files(
    given: str | Path, skip: frozenset[Path] = frozenset(), *, follow_links: bool = False
) -> Iterator[Path | Rejected]:
    """The files under `given`: itself, or a folder's files recursively in sorted order.

    Hidden files and folders (name starting with ".") and the real paths in `skip` are
    left out. Only regular files are read. Inside a folder, a symbolic link that leads
    outside the folder given is not followed unless `follow_links`. A missing path, a
    URL, a special file (FIFO, device), a broken link or a link loop comes back as a
    `Rejected`; a link back to a folder already read is passed over.
    """
    text = display_name(str(given))
    if _URL.match(text):
        yield Rejected(text, "URLs are not fetched: save the page and pass the file")
        return
    path = Path(given)
    real = _real(path)
    if isinstance(real, str):
        yield Rejected(text, real)
    elif real not in skip:
        walk = _Walk(root=real, skip=skip, follow_links=follow_links)
        yield from walk.entry(path, real)


@dataclass
class _Walk:
    """One folder walk: where it started, what it passes over, which folders it has read."""

    root: Path
    skip: frozenset[Path]
    follow_links: bool
    seen: set[Path] = field(default_factory=set)

    def entry(self, path: Path, real: Path) -> Iterator[Path | Rejected]:
        """`path` itself when a regular file, its files when a folder, else why not."""
        try:
            mode = real.stat().st_mode
        except OSError as exc:
            yield Rejected(display_name(str(path)), f"cannot read ({exc.strerror or exc})")
            return
        if stat.S_ISDIR(mode):
            yield from self.folder(path, real)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield Rejected(display_name(str(path)), f"not a regular file ({_special(mode)})")

    def folder(self, folder: Path, real: Path) -> Iterator[Path | Rejected]:
        self.seen.add(real)
        try:
            children = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield Rejected(display_name(str(folder)), f"cannot list folder ({exc.strerror or exc})")
            return
        for child in children:
            if not child.name.startswith("."):
                yield from self.child(child, real)

    def child(self, child: Path, parent: Path) -> Iterator[Path | Rejected]:
        target = _real(child)
        name = display_name(str(child))
        if isinstance(target, str):
            yield Rejected(name, target)
        elif target in self.skip:
            return
        elif not self.follow_links and not target.is_relative_to(self.root):
            yield Rejected(name, _OUTSIDE)
        elif parent.is_relative_to(target):
            yield Rejected(name, "symbolic link loop (leads back to a folder it is in)")
        elif target not in self.seen:  # else a folder already read through another link
            yield from self.entry(child, target)


_OUTSIDE = "symbolic link to a path outside the folder given (not followed without --follow-links)"
_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _real(path: Path) -> Path | str:
    """The real path `path` leads to, links resolved, or why it leads nowhere."""
    try:
        return path.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 reports a link loop so
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if isinstance(exc, FileNotFoundError):
            return "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return f"cannot read ({exc.strerror or exc})"


def _special(mode: int) -> str:
    return next((what for test, what in _SPECIAL if test(mode)), "not a file or folder")


def read_file(path: Path, source: str, manifest: Manifest | None) -> Iterator[Result]:
    """Every article (or rejection) in one file, by extension, or by sniffing when unknown."""
    source = display_name(source)
    suffix = path.suffix.lower()
    if suffix in NOT_TEXT:
        yield Rejected(source, f"not a text file ({suffix} is {NOT_TEXT[suffix]})")
        return
    kind = KINDS.get(suffix)
    if kind == "jsonl":
        yield from read_jsonl(path, source, manifest)
        return
    data = read_bytes(path)
    if isinstance(data, Problem):
        yield Rejected(source, data.reason)
        return
    if kind == "feed" or (kind is None and sniff_bytes(data) == "feed"):
        problem = binary_problem(data[:8192])
        if problem:
            yield Rejected(source, problem.reason)
        else:
            yield from from_feed(data, source, path, manifest)
        return
    text = decode(data)
    if isinstance(text, Problem):
        yield Rejected(source, text.reason)
    elif not text.strip():
        yield Rejected(source, "empty file (only whitespace)")
    else:
        yield from _read_text(text, kind or sniff_text(text), source, path, manifest)


def from_feed(data: bytes, source: str, path: Path, manifest: Manifest | None) -> Iterator[Result]:
    """A feed's items; an XHTML page saved as .xml is read as HTML instead."""
    head = data[:2000].lower()
    if b"<html" in head and b"<rss" not in head and b"<feed" not in head:
        text = decode(data)
        if isinstance(text, str):
            return _read_text(text, "html", source, path, manifest)
    return read_feed(data, source, path.name, manifest)


def _read_text(
    text: str, kind: str, source: str, path: Path, manifest: Manifest | None
) -> Iterator[Result]:
    if kind == "json":
        yield from read_json(text, source, path.name, manifest)
        return
    raw = RawDocument(
        source=source, kind="html" if kind == "html" else "text", content=text, file_name=path.name
    )
    yield build_article(raw, manifest.for_file(path.name) if manifest else None)


def display_name(name: str) -> str:
    """A path as storable text: bytes of a file name that are not UTF-8 shown as `\\udcNN`.

    (Python keeps such bytes as lone surrogates, which no database column accepts.)
    """
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def sniff_bytes(data: bytes) -> str | None:
    """ "feed" when the bytes start like an RSS/Atom document, else `None`."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head) else None
    return None


def sniff_text(text: str) -> str:
    """The kind of a file with an unknown extension, from how its text starts."""
    head = text[:2000].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.match(
        r"<(head|body|article|div|p)[\s>]", head
    ):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "text"
