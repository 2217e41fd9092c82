"""Named exceptions. The command line turns these, and only these, into `Error: ...`."""

from __future__ import annotations


class ParleyError(Exception):
    """Base class for errors a user can act on."""


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
