"""The `store` stage: the dossier database (SQLite by default, any SQLAlchemy URL otherwise)."""

from parley.store.store import Store, open_store, resolve_url, staged

__all__ = ["Store", "open_store", "resolve_url", "staged"]
