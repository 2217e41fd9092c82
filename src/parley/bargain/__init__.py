"""Bargaining models over actors x issues: forecasts, scenarios and uncertainty.

Public API:
    PositionTable                  actors x issues inputs (positions, saliences, capabilities)
    forecast(table, model, **opts) one model's forecast per issue
    MODEL_NAMES                    compromise, median, nash, eum, anchor
    positions_from_case(path)      the case file's `positions` section as a table
    read_table(path)               CSV/TSV with actor, issue, position, salience[, capability]
"""

from parley.bargain.inputs import positions_from_case, read_table
from parley.bargain.models import MODEL_NAMES, forecast
from parley.bargain.table import PositionTable

__all__ = ["MODEL_NAMES", "PositionTable", "forecast", "positions_from_case", "read_table"]
