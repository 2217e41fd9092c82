"""Atheris target: every reader (text, HTML, JSON, JSONL, feeds, manifests) on arbitrary bytes.

The first byte picks the file's extension, the rest is its content. A reader must give
articles or one-line rejections naming the file, never raise and never hang.

    python fuzz/fuzz_readers.py -max_total_time=60
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _common
import atheris

with atheris.instrument_imports(include=["parley"]):
    import parley.articles.html  # noqa: F401  (imported lazily by the readers)
    from parley.errors import InputError
    from parley.sources import load_manifest, read_articles

from tests.fuzz.support import check_results

SUFFIXES = (".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ".dat", ".csv", ".md")
MANIFESTS = (".csv",)
FOLDER = Path(tempfile.mkdtemp(prefix="parley-fuzz-readers-"))
SEEDS = {
    "text": b"\x00Harbour talks resume\n\nBy Ann Lee\n\nDelegates met on Monday, officials said.",
    "html": b"\x01<html><head><title>T</title></head><body><p>Talks resumed.</p></body></html>",
    "json": b'\x02{"title": "T", "text": "Talks resumed on Monday.", "published": "2025-04-01"}',
    "jsonl": b'\x03{"text": "Talks resumed."}\n{"html": "<p>Officials met.</p>"}\n',
    "rss": b"\x04<?xml version='1.0'?><rss><channel><title>W</title><item><title>T</title>"
    b"<description>&lt;p&gt;Talks resumed.&lt;/p&gt;</description><pubDate>Mon, 07 Apr 2025"
    b" 10:00:00 GMT</pubDate></item></channel></rss>",
    "atom": b'\x05<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>T'
    b'</title><content type="html">Talks resumed.</content></entry></feed>',
    "manifest": b"\x08file,url,title,published,authors\na.txt,,T,2025-04-01,Ann Lee; Bo Li\n",
}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = FOLDER / f"input{suffix}"
    path.write_bytes(data[1:])
    if suffix in MANIFESTS:
        try:
            load_manifest(path)
        except InputError as exc:
            assert "\n" not in exc.reason, exc.reason
    check_results(list(read_articles([path])), path)


def main() -> None:
    atheris.Setup(_common.libfuzzer_args(sys.argv, SEEDS), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
