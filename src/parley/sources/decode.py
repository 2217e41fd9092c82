"""Bytes to text, or the reason they are not text: encodings, binary files, size limits."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

# Inputs larger than this are refused rather than read into memory (one file is read
# whole; JSONL is streamed line by line and only each line is capped).
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# Complete UTF-8 multi-byte sequences: their presence means the text is UTF-8 with an
# error, not cp1252.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# What cp1252 text in news plausibly holds beyond ASCII: accented Latin letters and
# typographic punctuation. Anything else (œ, Š, ƒ, ‰, control characters) means "not sure".
_CP1252_PLAUSIBLE = set("‘’“”–—…€•£©®°«»§¡¿\u00a0") | {
    chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷"
}
# At most this share of bytes may be non-ASCII for a cp1252 guess (English news text).
CP1252_MAX_NON_ASCII = 0.1


@dataclass(frozen=True, slots=True)
class Problem:
    """Why some bytes are not readable text."""

    reason: str


def read_bytes(path: Path) -> bytes | Problem:
    """The file's bytes, or why they cannot be had (missing, unreadable, too large)."""
    limit = MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            return Problem(f"file too large ({size} bytes; the limit is {limit})")
        return path.read_bytes()
    except OSError as exc:
        return Problem(f"cannot read file ({exc.strerror or exc})")


def binary_problem(head: bytes) -> Problem | None:
    """Why the first bytes of a file show it is empty or binary, or `None`."""
    if not head:
        return Problem("empty file")
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return Problem(f"binary file, not text ({what})")
    nul = head.find(b"\x00", 0, SNIFF_BYTES)
    if nul >= 0:
        return Problem(f"binary file, not text (NUL byte at offset {nul})")
    return None


def decode(data: bytes) -> str | Problem:
    """Text from bytes: a BOM's encoding, else UTF-8, else cp1252 when clearly so.

    Returns a `Problem` for empty or binary data and for text in no clear encoding.
    """
    problem = binary_problem(data[:SNIFF_BYTES])
    if problem:
        return problem
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _cp1252_or_problem(data, exc)


def _decode_bom(data: bytes, encoding: str) -> str | Problem:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = encoding.upper().replace("-SIG", "")
        return Problem(
            f"not {name} text despite its byte-order mark ({exc.reason} at offset {exc.start})"
        )


def _cp1252_or_problem(data: bytes, error: UnicodeDecodeError) -> str | Problem:
    if error.reason == "unexpected end of data":
        return Problem(f"not UTF-8 text (truncated character at offset {error.start}: cut short?)")
    text = _clear_cp1252(data)
    if text is not None:
        return text
    return Problem(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})")


def _clear_cp1252(data: bytes) -> str | None:
    """The cp1252 reading of `data` when it is clearly right, else `None`."""
    if _UTF8_SEQUENCE.search(data):
        return None
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if non_ascii > CP1252_MAX_NON_ASCII * len(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if all(ch in _CP1252_PLAUSIBLE for ch in text if ord(ch) >= 0x80):
        return text
    return None
