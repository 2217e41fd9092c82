"""Parley: a sourced dossier and bargaining forecasts from the news coverage of a negotiation."""

__version__ = "0.1.0"
