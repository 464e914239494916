"""The store's tables (SQLAlchemy Core). Migrations in `migrations/versions` create exactly these.

The full analysis record is kept as JSON in `articles.record`, so layers added later (claims, quotes,
entities) are stored without a schema change; what search and profiles filter or count on is copied
into columns and the `article_techniques` and `entities` tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of the analysed text: what makes ingesting idempotent
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", Text),
    Column("title", Text),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("published", Text),
    Column("published_date", Date),
    Column("published_month", String(7)),
    Column("author", Text),
    Column("source", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("word_count", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("span_count", Integer, nullable=False),
    Column("model_version", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_outlet_date", "outlet", "published_date"),
    Index("ix_articles_score", "score"),
)

# Span counts per article and technique (at most 14 rows an article, against hundreds of spans): what
# profiles and the technique filter read, so they stay fast however many spans a corpus has. The spans
# themselves, with offsets, are in the record.
article_techniques = Table(
    "article_techniques",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("technique", String(100), primary_key=True),
    Column("spans", Integer, nullable=False),
    Index("ix_article_techniques_technique", "technique", "article_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("text", String(400), nullable=False),
    # casefolded text: how filters and profiles match an entity however it was capitalised
    Column("key", String(400), nullable=False),
    Column("label", String(100)),  # the entity's type: person, organisation, place, group
    Column("mentions", Integer, nullable=False),
    # technique spans (name calling, loaded language) the text pins on the entity
    Column("labels", Integer, nullable=False),
    Index("ix_entities_article", "article_id"),
    Index("ix_entities_key", "key", "article_id"),
)
