"""Searching the store: full-text (SQLite FTS5 / PostgreSQL tsvector) with filters and pagination."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Float, Integer, Select, exists, func, literal_column, select, text

from spinlens.store.database import Store
from spinlens.store.tables import article_techniques, articles, entities

MAX_LIMIT = 100
_WORD = re.compile(r"\w+")
# Markup and SQL syntax: words are all a search matches, so a search holding these is code pasted by mistake
# or a probe, and gets a reason instead of results that would match the words around them by accident.
_CODE = re.compile(r"[<>;=`{}\\]|--|/\*")
_SNIPPET_CHARS = 240


class SearchError(ValueError):
    """A search that can't be run as asked; the message says why in one line."""


@dataclass(frozen=True)
class SearchQuery:
    q: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    technique: str | None = None
    entity: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    limit: int = 20
    offset: int = 0


LIST_COLUMNS = (
    articles.c.id,
    articles.c.doc_id,
    articles.c.title,
    articles.c.outlet,
    articles.c.url,
    articles.c.published,
    articles.c.score,
    articles.c.word_count,
    articles.c.span_count,
    func.substr(articles.c.text, 1, _SNIPPET_CHARS).label("snippet"),
)


def search(store: Store, query: SearchQuery) -> dict[str, Any]:
    """One page of matching articles, best match first (newest first without search words), and the total."""
    if not 1 <= query.limit <= MAX_LIMIT:
        raise SearchError(f"limit must be between 1 and {MAX_LIMIT}")
    if query.offset < 0:
        raise SearchError("offset must be 0 or more")
    if query.since and query.until and query.since > query.until:
        raise SearchError("since is after until")
    statement = select(*LIST_COLUMNS)
    order: list[Any] = []
    if query.q is not None and query.q.strip():
        statement, order = _full_text(store, statement, query.q)
    statement = _filtered(statement, query)
    order += [articles.c.published_date.desc().nulls_last(), articles.c.id.desc()]
    with store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = connection.execute(statement.order_by(*order).limit(query.limit).offset(query.offset)).mappings().all()
        counts = _technique_counts(connection, [row["id"] for row in rows])
    items = []
    for row in rows:
        item = dict(row)
        item["snippet"] = " ".join(item["snippet"].split())
        item["techniques"] = counts.get(row["id"], {})
        items.append(item)
    return {"total": total, "limit": query.limit, "offset": query.offset, "items": items}


def _full_text(store: Store, statement: Select, q: str) -> tuple[Select, list[Any]]:
    code = _CODE.search(q)
    if code:
        raise SearchError(
            f"the search text holds {code.group()!r}, which no article text is searched for: "
            'search for words, "a phrase", OR, and -word'
        )
    words = _WORD.findall(q)
    if not words:
        raise SearchError("the search text has no words to search for")
    if store.dialect == "postgresql":
        # websearch_to_tsquery accepts anything a person types (quotes, OR, -word) and never raises.
        tsquery = func.websearch_to_tsquery("english", q)
        vector = literal_column("articles.search")
        statement = statement.where(vector.op("@@")(tsquery))
        return statement, [func.ts_rank(vector, tsquery).desc()]
    # FTS5 has its own query syntax; quoting each word keeps what a person typed from being parsed as it.
    match = " ".join(f'"{word}"' for word in words)
    fts = (
        text("SELECT rowid AS id, bm25(articles_fts) AS rank FROM articles_fts WHERE articles_fts MATCH :match")
        .bindparams(match=match)
        .columns(id=Integer, rank=Float)
        .subquery("fts")
    )
    return statement.join(fts, fts.c.id == articles.c.id), [fts.c.rank]


def _filtered(statement: Select, query: SearchQuery) -> Select:
    if query.outlet is not None:
        statement = statement.where(articles.c.outlet == query.outlet)
    if query.since is not None:
        statement = statement.where(articles.c.published_date >= query.since)
    if query.until is not None:
        statement = statement.where(articles.c.published_date <= query.until)
    if query.min_score is not None:
        statement = statement.where(articles.c.score >= query.min_score)
    if query.max_score is not None:
        statement = statement.where(articles.c.score <= query.max_score)
    if query.technique is not None:
        statement = statement.where(
            exists().where(
                article_techniques.c.article_id == articles.c.id, article_techniques.c.technique == query.technique
            )
        )
    if query.entity is not None:
        key = " ".join(query.entity.split()).casefold()
        statement = statement.where(exists().where(entities.c.article_id == articles.c.id, entities.c.key == key))
    return statement


def _technique_counts(connection, ids: list[int]) -> dict[int, dict[str, int]]:
    if not ids:
        return {}
    rows = connection.execute(
        select(article_techniques.c.article_id, article_techniques.c.technique, article_techniques.c.spans).where(
            article_techniques.c.article_id.in_(ids)
        )
    )
    counts: dict[int, dict[str, int]] = {}
    for article_id, technique, count in rows:
        counts.setdefault(article_id, {})[technique] = count
    return counts


def get_article(store: Store, article_id: int) -> dict[str, Any] | None:
    """A stored article: its id, when it was stored, and its analysis record as stored."""
    with store.engine.connect() as connection:
        row = connection.execute(
            select(articles.c.id, articles.c.ingested_at, articles.c.model_version, articles.c.record).where(
                articles.c.id == article_id
            )
        ).first()
    if row is None:
        return None
    return {
        "id": row.id,
        "ingested_at": row.ingested_at.isoformat(),
        "model_version": row.model_version,
        "record": json.loads(row.record),
    }
