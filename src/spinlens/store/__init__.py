"""The corpus store: analysed articles in SQLite or PostgreSQL, searchable, with per-outlet profiles."""

from spinlens.store.database import Store, StoreError, database_url

__all__ = ["Store", "StoreError", "database_url"]
