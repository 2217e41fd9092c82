"""The `store` stage: the dossier database (SQLite by default, any SQLAlchemy URL otherwise)."""

from parley.store.opening import open_store, resolve_url, staged
from parley.store.store import Store

__all__ = ["Store", "open_store", "resolve_url", "staged"]
