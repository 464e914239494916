"""The corpus store, run against SQLite and (when SPINLENS_TEST_POSTGRES is set) PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from spinlens.inputs.document import Document, InputError
from spinlens.record import Analysis, Article, Entity, EntityLabel, TechniqueSpan, TextSpan
from spinlens.store import Store, StoreError
from spinlens.store import database as database_module
from spinlens.store.ingest import IngestStats, ingest, plan
from spinlens.store.profile import outlets, profile
from spinlens.store.search import SearchError, SearchQuery, get_article, search
from spinlens.store.tables import article_techniques, articles, entities

# Articles written for these tests.
TEXTS = {
    "harbour": "The harbour reopened on Monday after repairs to the sea wall. Fishing boats returned by noon.",
    "budget": "These reckless bureaucrats are wasting every cent. The budget is a disgrace, a total disgrace!",
    "rivers": "Scientists measured nitrate levels in three rivers. The readings were lower than last year.",
}


def record(text: str, *, outlet: str | None = "Daily Example", published: str | None = None, spans_at=(), **extra):
    techniques = [TechniqueSpan(start=s, end=e, text=text[s:e], technique=t, score=0.9) for s, e, t in spans_at]
    article = Article(text=text, outlet=outlet, published=published, title=text.split(".")[0])
    return Analysis(article=article, techniques=techniques, score=0.5 if techniques else 0.0, **extra)


@pytest.fixture
def store(db_url):
    opened = Store(db_url)
    yield opened
    opened.close()


def test_migrations_create_the_schema_once(db_url):
    Store(db_url).close()
    again = Store(db_url)  # a second open finds the schema at head and changes nothing
    assert again.count() == 0
    again.close()


def test_bad_locations_are_one_line_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match="only SQLite files and postgresql"):
        Store("mysql://localhost/x")


def test_save_is_idempotent_by_content_hash_and_replaces_on_reanalysis(store):
    text = TEXTS["budget"]
    first = store.save(record(text, spans_at=[(6, 14, "Loaded_Language")]))
    second = store.save(record(text, spans_at=[(6, 14, "Loaded_Language"), (15, 26, "Name_Calling,Labeling")]))
    assert first.created and not second.created and first.id == second.id
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(articles)).scalar_one() == 1
        assert connection.execute(select(func.sum(article_techniques.c.spans))).scalar_one() == 2
    stored = get_article(store, first.id)
    assert stored["record"]["article"]["text"] == text
    assert [s["technique"] for s in stored["record"]["techniques"]] == ["Loaded_Language", "Name_Calling,Labeling"]


def test_a_failed_save_leaves_nothing_half_written(store, monkeypatch):
    text = TEXTS["harbour"]
    # An entity row missing a required column fails after the article and span rows were inserted.
    monkeypatch.setattr(database_module, "_entity_rows", lambda _record: [{"text": "x", "key": "x"}])
    with pytest.raises(StoreError, match="cannot store an article"):
        store.save(record(text, spans_at=[(4, 11, "Loaded_Language")]))
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(articles)).scalar_one() == 0
        assert connection.execute(select(func.count()).select_from(article_techniques)).scalar_one() == 0


def docs(**meta) -> list[Document]:
    return [Document(text=text, id=key, source=f"{key}.txt", **meta) for key, text in TEXTS.items()]


def test_ingest_stores_once_and_resumes_after_an_interruption(store, analyzer):
    class Interrupted(Exception):
        pass

    def stop_after_two(results):
        for count, result in enumerate(results, 1):
            yield result
            if count == 2:
                raise Interrupted

    todo = plan(store, docs(), analyzer=analyzer, outlet="Daily Example")
    assert len(todo.pending) == 3 and todo.skipped == 0
    stats = IngestStats()
    with pytest.raises(Interrupted):
        ingest(store, analyzer, todo.pending, batch_size=1, stats=stats, progress=stop_after_two)
    assert store.count() == stats.stored == 2

    resumed = plan(store, docs(), analyzer=analyzer, outlet="Daily Example")
    assert [d.id for d in resumed.pending] == ["rivers"] and resumed.skipped == 2
    ingest(store, analyzer, resumed.pending)
    assert store.count() == 3
    assert plan(store, docs(), analyzer=analyzer).pending == []  # a third run has nothing to do


def test_ingest_reanalyses_only_older_analyses_and_only_on_request(store, analyzer):
    ingest(store, analyzer, plan(store, docs(), analyzer=analyzer).pending)
    with store.engine.begin() as connection:
        connection.execute(update(articles).where(articles.c.doc_id == "budget").values(model_version="older 0.0 x"))
    assert plan(store, docs(), analyzer=analyzer).pending == []
    todo = plan(store, docs(), analyzer=analyzer, reanalyze=True)
    assert [d.id for d in todo.pending] == ["budget"]
    stats = ingest(store, analyzer, todo.pending)
    assert (stats.stored, stats.reanalysed, store.count()) == (0, 1, 3)


def test_ingest_reports_bad_inputs_and_keeps_the_good(store, analyzer):
    inputs = [InputError("broken.txt", "binary file"), Document(text="   ", source="blank.txt"), *docs()]
    todo = plan(store, inputs, analyzer=analyzer)
    assert [(e.source, e.message) for e in todo.failed] == [
        ("broken.txt", "binary file"),
        ("blank.txt", "empty or whitespace-only text"),
    ]
    ingest(store, analyzer, todo.pending)
    assert store.count() == 3


def test_outlet_and_published_options_fill_in_only_what_is_missing(store, analyzer):
    given = [
        Document(text=TEXTS["harbour"], outlet="Coast Times", published="2024-01-15"),
        Document(text=TEXTS["rivers"]),
    ]
    todo = plan(store, given, analyzer=analyzer, outlet="Daily Example", published="2025-03-14")
    assert [(d.outlet, d.published) for d in todo.pending] == [
        ("Coast Times", "2024-01-15"),
        ("Daily Example", "2025-03-14"),
    ]
    ingest(store, analyzer, todo.pending)
    assert sorted(o["outlet"] for o in outlets(store)) == ["Coast Times", "Daily Example"]


@pytest.fixture
def corpus(store):
    store.save(record(TEXTS["harbour"], outlet="Coast Times", published="2024-01-15"))
    store.save(
        record(
            TEXTS["budget"],
            published="2024-02-03T08:00:00Z",
            spans_at=[(6, 14, "Loaded_Language"), (15, 26, "Name_Calling,Labeling"), (72, 83, "Loaded_Language")],
            entities=[
                Entity(
                    name="Bureaucrats",
                    type="group",
                    mentions=[TextSpan(start=15, end=26, text=TEXTS["budget"][15:26])],
                    labels=[
                        EntityLabel(start=15, end=26, text=TEXTS["budget"][15:26], technique="Name_Calling,Labeling")
                    ],
                )
            ],
        )
    )
    store.save(record(TEXTS["rivers"], published="2024-03-20", spans_at=[(0, 10, "Appeal_to_Authority")]))
    return store


def test_full_text_search_with_filters(corpus):
    assert [i["title"] for i in search(corpus, SearchQuery(q="harbour"))["items"]] == [
        "The harbour reopened on Monday after repairs to the sea wall"
    ]
    assert search(corpus, SearchQuery(q="river"))["total"] == 1  # stemmed: "river" finds "rivers"
    assert search(corpus, SearchQuery(outlet="Daily Example"))["total"] == 2
    assert search(corpus, SearchQuery(technique="Loaded_Language"))["items"][0]["techniques"] == {
        "Loaded_Language": 2,
        "Name_Calling,Labeling": 1,
    }
    assert search(corpus, SearchQuery(entity="  BUREAUCRATS "))["total"] == 1
    assert search(corpus, SearchQuery(since=date(2024, 2, 1), until=date(2024, 2, 28)))["total"] == 1
    assert search(corpus, SearchQuery(min_score=0.4))["total"] == 2
    assert search(corpus, SearchQuery(max_score=0.1))["total"] == 1


def test_search_pages_newest_first(corpus):
    first = search(corpus, SearchQuery(limit=2))
    second = search(corpus, SearchQuery(limit=2, offset=2))
    assert first["total"] == second["total"] == 3
    published = [i["published"] for i in first["items"] + second["items"]]
    assert published == ["2024-03-20", "2024-02-03T08:00:00Z", "2024-01-15"]


@pytest.mark.parametrize(
    "q",
    ["harbour) OR (rivers", "NEAR(harbour sea) AND -wall*", 'harbour" OR "x', "rivers:*"],
)
def test_search_syntax_of_either_database_is_read_as_words(corpus, q):
    search(corpus, SearchQuery(q=q))  # no syntax error from FTS5 or tsquery
    assert corpus.count() == 3


@pytest.mark.parametrize("q", ["'; DROP TABLE articles; --", '" OR 1=1 --', "<script>alert(1)</script>", "a /* b"])
def test_code_in_a_search_is_refused_and_never_run(corpus, q):
    with pytest.raises(SearchError, match="search for words"):
        search(corpus, SearchQuery(q=q))
    assert corpus.count() == 3


def test_search_refuses_what_it_cannot_run(corpus):
    with pytest.raises(SearchError, match="no words"):
        search(corpus, SearchQuery(q="!!! ?"))
    with pytest.raises(SearchError, match="limit"):
        search(corpus, SearchQuery(limit=10_000))
    with pytest.raises(SearchError, match="since is after until"):
        search(corpus, SearchQuery(since=date(2025, 1, 1), until=date(2024, 1, 1)))


def test_outlet_profile_rates_overall_and_per_month(corpus):
    result = profile(corpus, "Daily Example")
    words = len(TEXTS["budget"].split()) + len(TEXTS["rivers"].split())
    assert (result["articles"], result["words"], result["undated_articles"]) == (2, words, 0)
    rows = {r["technique"]: r for r in result["techniques"]}
    assert len(rows) == 14
    assert rows["Loaded_Language"]["spans"] == 2
    assert rows["Loaded_Language"]["per_1000_words"] == round(2000 / words, 3)
    assert rows["Loaded_Language"]["share_of_articles"] == 0.5
    assert rows["Slogans"]["spans"] == 0
    assert [m["month"] for m in result["months"]] == ["2024-02", "2024-03"]
    february = {r["technique"]: r for r in result["months"][0]["techniques"]}
    assert february["Loaded_Language"]["share_of_articles"] == 1.0
    assert result["entities"] == [{"text": "Bureaucrats", "type": "group", "labels": 1, "mentions": 1, "articles": 1}]
    assert profile(corpus, "Nobody's Paper") is None


def test_outlets_list(corpus):
    listed = outlets(corpus)
    assert [(o["outlet"], o["articles"]) for o in listed] == [("Daily Example", 2), ("Coast Times", 1)]
    assert listed[0]["first_published"] == "2024-02-03"


def test_entities_table_follows_the_record(corpus):
    with corpus.engine.connect() as connection:
        rows = connection.execute(select(entities.c.key, entities.c.label, entities.c.labels)).all()
    assert rows == [("bureaucrats", "group", 1)]
