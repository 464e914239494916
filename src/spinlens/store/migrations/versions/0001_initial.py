"""Articles, their technique counts and entities, and full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_id", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_date", sa.Date),
        sa.Column("published_month", sa.String(7)),
        sa.Column("author", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("word_count", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("span_count", sa.Integer, nullable=False),
        sa.Column("model_version", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_outlet_date", "articles", ["outlet", "published_date"])
    op.create_index("ix_articles_score", "articles", ["score"])
    op.create_table(
        "article_techniques",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("technique", sa.String(100), primary_key=True),
        sa.Column("spans", sa.Integer, nullable=False),
    )
    op.create_index("ix_article_techniques_technique", "article_techniques", ["technique", "article_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("text", sa.String(400), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("label", sa.String(100)),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("labels", sa.Integer, nullable=False),
    )
    op.create_index("ix_entities_article", "entities", ["article_id"])
    op.create_index("ix_entities_key", "entities", ["key", "article_id"])
    if op.get_bind().dialect.name == "postgresql":
        # A stored generated column keeps the index in step with the row inside the same transaction.
        op.execute(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
    else:
        # External-content FTS5 index over articles, kept in step by triggers (the SQLite manual's pattern).
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, text, content='articles', content_rowid='id', tokenize='porter unicode61')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); "
            "END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("entities")
    op.drop_table("article_techniques")
    op.drop_table("articles")
