"""Time expressions: find them in a parsed article and resolve them to TIMEX3 values.

`find_timexes(doc, dct)` is the entry point; `date_precision(value)` and
`timex_to_date_range(value)` read the values it returns.
"""

from __future__ import annotations

from parley.extract.timex.tagger import find_timexes
from parley.extract.timex.values import date_precision, timex_to_date_range

__all__ = ["date_precision", "find_timexes", "timex_to_date_range"]
