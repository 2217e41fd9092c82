"""Quotes: direct, partial and indirect reported speech with speakers and their descriptors.

`extract_quotes(doc, article, case)` is the entry point; see `core` for its steps, `marks`
for how quotation marks are paired, and `speakers` for how speakers are found.
"""

from parley.extract.quotes.core import extract_quotes
from parley.extract.records import Quote

__all__ = ["Quote", "extract_quotes"]
