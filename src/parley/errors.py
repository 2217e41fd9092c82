"""Named exceptions. The command line turns these, and only these, into `Error: ...`."""

from __future__ import annotations


class ParleyError(Exception):
    """Base class for errors a user can act on."""

    exit_code = 1  # the command line's exit status for this error


class CaseFileError(ParleyError):
    """A case file is missing, unreadable or invalid."""


class InputError(ParleyError):
    """An input file or record cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(ParleyError):
    """The dossier database cannot be opened or written."""


class DiskFullError(StoreError):
    """The dossier's disk (or database server) is full; what was stored before is kept."""

    exit_code = 3


def one_line(text: str, limit: int | None = None) -> str:
    """`text` fit for a one-line message: runs of whitespace (newlines too) as one space,
    cut at `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
