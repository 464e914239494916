"""Alembic environment: the store hands over its open connection, so there is no alembic.ini to find."""

from __future__ import annotations

from alembic import context

from spinlens.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
