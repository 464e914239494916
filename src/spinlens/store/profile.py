"""Outlet profiles: how often an outlet uses each technique, overall and per month, and whom it labels."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from spinlens.store.database import Store
from spinlens.store.tables import article_techniques, articles, entities
from spinlens.techniques.definitions import BY_NAME, NAMES

TOP_ENTITIES = 20


def outlets(store: Store) -> list[dict[str, Any]]:
    """Every named outlet with its article count and date range, most articles first."""
    statement = (
        select(
            articles.c.outlet,
            func.count().label("articles"),
            func.sum(articles.c.span_count).label("spans"),
            func.min(articles.c.published_date).label("first_published"),
            func.max(articles.c.published_date).label("last_published"),
        )
        .where(articles.c.outlet.is_not(None))
        .group_by(articles.c.outlet)
        .order_by(func.count().desc(), articles.c.outlet)
    )
    with store.engine.connect() as connection:
        rows = connection.execute(statement).mappings().all()
    return [
        {
            "outlet": row["outlet"],
            "articles": row["articles"],
            "spans": int(row["spans"] or 0),
            "first_published": _iso(row["first_published"]),
            "last_published": _iso(row["last_published"]),
        }
        for row in rows
    ]


def profile(store: Store, outlet: str) -> dict[str, Any] | None:
    """The outlet's technique profile, or None when the store has no article from it.

    Per technique: spans per 1,000 words (of all the outlet's articles) and the share of its articles with
    at least one such span; the same per month of publication (undated articles count only overall).
    """
    mine = articles.c.outlet == outlet
    with store.engine.connect() as connection:
        totals = connection.execute(
            select(
                func.count(),
                func.coalesce(func.sum(articles.c.word_count), 0),
                func.min(articles.c.published_date),
                func.max(articles.c.published_date),
            ).where(mine)
        ).one()
        if not totals[0]:
            return None
        counts = article_techniques
        joined = counts.join(articles, articles.c.id == counts.c.article_id)
        overall = connection.execute(
            select(counts.c.technique, func.sum(counts.c.spans), func.count())
            .select_from(joined)
            .where(mine)
            .group_by(counts.c.technique)
        ).all()
        month_totals = connection.execute(
            select(articles.c.published_month, func.count(), func.coalesce(func.sum(articles.c.word_count), 0))
            .where(mine, articles.c.published_month.is_not(None))
            .group_by(articles.c.published_month)
            .order_by(articles.c.published_month)
        ).all()
        monthly = connection.execute(
            select(articles.c.published_month, counts.c.technique, func.sum(counts.c.spans), func.count())
            .select_from(joined)
            .where(mine, articles.c.published_month.is_not(None))
            .group_by(articles.c.published_month, counts.c.technique)
        ).all()
        top_entities = connection.execute(
            select(
                func.min(entities.c.text),
                entities.c.label,
                func.sum(entities.c.mentions),
                func.sum(entities.c.labels),
                func.count(func.distinct(entities.c.article_id)),
            )
            .select_from(entities.join(articles, articles.c.id == entities.c.article_id))
            .where(mine)
            .group_by(entities.c.key, entities.c.label)
            .order_by(
                func.sum(entities.c.labels).desc(), func.sum(entities.c.mentions).desc(), func.min(entities.c.text)
            )
            .limit(TOP_ENTITIES)
        ).all()
    count, words, first, last = totals
    by_month: dict[str, dict[str, tuple[int, int]]] = {}
    for month, technique, n_spans, n_articles in monthly:
        by_month.setdefault(month, {})[technique] = (int(n_spans), n_articles)
    return {
        "outlet": outlet,
        "articles": count,
        "words": int(words),
        "first_published": _iso(first),
        "last_published": _iso(last),
        "undated_articles": count - sum(row[1] for row in month_totals),
        "techniques": _rates({t: (int(s), a) for t, s, a in overall}, count, int(words)),
        "months": [
            {
                "month": month,
                "articles": n,
                "words": int(w),
                "techniques": _rates(by_month.get(month, {}), n, int(w)),
            }
            for month, n, w in month_totals
        ],
        "entities": [
            {"text": text, "type": kind, "labels": int(labels), "mentions": int(mentions), "articles": n}
            for text, kind, mentions, labels, n in top_entities
        ],
    }


def _rates(found: dict[str, tuple[int, int]], n_articles: int, words: int) -> list[dict[str, Any]]:
    # All 14 techniques are listed, zeros included, so months and outlets compare row for row.
    names = list(NAMES) + sorted(set(found) - set(NAMES))
    rows = []
    for name in names:
        n_spans, with_it = found.get(name, (0, 0))
        rows.append(
            {
                "technique": name,
                "label": BY_NAME[name].label if name in BY_NAME else name,
                "spans": n_spans,
                "articles": with_it,
                "per_1000_words": round(1000 * n_spans / words, 3) if words else 0.0,
                "share_of_articles": round(with_it / n_articles, 4) if n_articles else 0.0,
            }
        )
    return sorted(rows, key=lambda r: (-r["per_1000_words"], r["label"]))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
