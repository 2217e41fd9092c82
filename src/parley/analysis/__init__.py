"""The `analysis` stage: what needs many articles.

`merge_entities` turns per-article mentions into canonical entities;
`merge_events` folds the same event reported by several articles into one.
"""

from parley.analysis.entities import Entity, EntityIndex, merge_entities
from parley.analysis.events import MergedEvent, merge_events

__all__ = ["Entity", "EntityIndex", "MergedEvent", "merge_entities", "merge_events"]
