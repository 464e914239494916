"""Opening a store (SQLite file or PostgreSQL URL), migrating it, and writing analyses into it."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DataError, SQLAlchemyError

from spinlens.record import Analysis
from spinlens.store.tables import article_techniques, articles, entities

DEFAULT_DB = "spinlens.db"
STATEMENT_TIMEOUT_MS = 60_000


class StoreError(Exception):
    """The database can't be opened or used; the message is one line naming it and the problem."""


class Unstorable(ValueError):
    """The database refuses this one article (e.g. PostgreSQL text can't hold NUL); others still store."""


def database_url(value: str | None = None) -> str:
    """A SQLAlchemy URL from `--db`: a URL as given, anything else a SQLite file path.

    `None` means `$SPINLENS_DB`, else `./spinlens.db`. `postgresql://` URLs get the psycopg 3 driver.
    """
    value = value or os.environ.get("SPINLENS_DB") or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def model_version(record: Analysis | dict[str, Any]) -> str:
    """Which models made a record: re-analysing on request compares this with the current pipeline's."""
    models = record.models if isinstance(record, Analysis) else record.get("models", [])
    parts = []
    for model in models:
        info = model.model_dump() if not isinstance(model, dict) else model
        parts.append(f"{info['name']} {info['version']} {info['sha256'][:12]}")
    return ", ".join(parts) or "none"


@dataclass(frozen=True)
class Saved:
    id: int
    created: bool


class Store:
    """A corpus of analysed articles in one database, migrated to the latest schema on open."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise StoreError(f"{url}: not a database URL or path") from None
        self.display = parsed.render_as_string(hide_password=True)
        self.dialect = parsed.get_backend_name()
        if self.dialect not in ("sqlite", "postgresql"):
            raise StoreError(f"{self.display}: only SQLite files and postgresql:// URLs are supported")
        try:
            self.engine = self._engine(parsed)
            if migrate:
                self.migrate()
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"{self.display}: the {exc.name} driver is missing: pip install 'spinlens[postgres]'"
            ) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.display}: cannot open the database: {_one_line(exc)}") from None

    def _engine(self, url) -> Engine:
        if self.dialect == "sqlite":
            if url.database and url.database != ":memory:":
                folder = Path(url.database).parent
                if not folder.is_dir():
                    raise StoreError(f"{self.display}: folder {folder} does not exist")
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_connection, _record) -> None:
                cursor = dbapi_connection.cursor()
                # WAL lets the web server read while an ingest writes; foreign keys make deletes cascade.
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()

            return engine
        # A statement that runs away is cancelled by the server rather than holding a connection forever.
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=8,
            max_overflow=8,
            connect_args={"options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"},
        )

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", "spinlens.store:migrations")
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    def stored_versions(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash -> model version, for the hashes already stored."""
        wanted = list(hashes)
        found: dict[str, str] = {}
        with self.engine.connect() as connection:
            for chunk in range(0, len(wanted), 500):
                query = select(articles.c.content_hash, articles.c.model_version).where(
                    articles.c.content_hash.in_(wanted[chunk : chunk + 500])
                )
                found.update({h: v for h, v in connection.execute(query)})
        return found

    def save(self, record: Analysis) -> Saved:
        """Store one analysis in one transaction: a new article, or a re-analysis replacing the old one."""
        row = _article_row(record)
        try:
            return self._save(record, row)
        except DataError as exc:
            raise Unstorable(f"the database refused it: {_one_line(exc)}") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.display}: cannot store an article: {_one_line(exc)}") from None

    def _save(self, record: Analysis, row: dict[str, Any]) -> Saved:
        with self.engine.begin() as connection:
            existing = connection.execute(
                select(articles.c.id).where(articles.c.content_hash == row["content_hash"])
            ).scalar()
            if existing is None:
                article_id = connection.execute(insert(articles).values(**row).returning(articles.c.id)).scalar_one()
            else:
                article_id = existing
                connection.execute(update(articles).where(articles.c.id == article_id).values(**row))
                connection.execute(delete(article_techniques).where(article_techniques.c.article_id == article_id))
                connection.execute(delete(entities).where(entities.c.article_id == article_id))
            counts = Counter(span.technique for span in record.techniques)
            if counts:
                rows = [{"article_id": article_id, "technique": t, "spans": n} for t, n in counts.items()]
                connection.execute(insert(article_techniques), rows)
            entity_rows = [{"article_id": article_id, **e} for e in _entity_rows(record.to_dict())]
            if entity_rows:
                connection.execute(insert(entities), entity_rows)
        return Saved(article_id, existing is None)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()


def _article_row(record: Analysis) -> dict[str, Any]:
    article = record.article
    published_date = parse_date(article.published)
    return {
        "content_hash": content_hash(article.text),
        "doc_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "published_date": published_date,
        "published_month": published_date.strftime("%Y-%m") if published_date else None,
        "author": article.author,
        "source": article.source,
        "language": article.language,
        "text": article.text,
        "word_count": len(article.text.split()),
        "score": record.score,
        "span_count": len(record.techniques),
        "model_version": model_version(record),
        "record": record.to_json(),
        "ingested_at": datetime.now(UTC),
    }


def parse_date(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or timestamp; None for anything else."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _entity_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Entities of the record's `entities` layer when it ran, one row per distinct (name, type)."""
    items = record.get("entities")
    if not isinstance(items, list):
        return []
    counts: dict[tuple[str, str | None], list[int]] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        name = item.get("name") or item.get("text")
        if not isinstance(name, str) or not name.strip():
            continue
        kind = item.get("type") or item.get("label")
        mentions, labels = item.get("mentions"), item.get("labels")
        key = (" ".join(name.split())[:400], str(kind)[:100] if kind is not None else None)
        total = counts.setdefault(key, [0, 0])
        total[0] += len(mentions) if isinstance(mentions, list) and mentions else 1
        total[1] += len(labels) if isinstance(labels, list) else 0
    return [
        {"text": name, "key": name.casefold(), "label": kind, "mentions": m, "labels": n}
        for (name, kind), (m, n) in counts.items()
    ]


def _one_line(exc: BaseException) -> str:
    message = str(getattr(exc, "orig", None) or exc)
    return " ".join(message.split())[:300]
