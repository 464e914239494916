"""The HTTP API and server-rendered pages, through the real ASGI app (Datasette style)."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from spinlens.record import Analysis, Article, Claim, DateValue, Entity, Quantity, Quote, TechniqueSpan, TextSpan
from spinlens.store import Store
from spinlens.web import Settings, create_app
from spinlens.web.analysis import AnalysisPool
from spinlens.web.errors import ApiError

# Written for these tests: an article that carries markup an attacker might plant.
HOSTILE = (
    "Breaking: <script>alert(1)</script> officials said the plan is a disgrace.\n\n"
    'Readers wrote <img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">click here</a>.'
)
PLAIN = "The ferry timetable changes on Sunday. Crossings will leave every forty minutes instead of every hour."


@pytest.fixture
def store(db_url):
    opened = Store(db_url)
    opened.save(
        Analysis(
            article=Article(text=PLAIN, title="Ferry timetable", outlet="Harbour News", published="2024-05-02"),
            techniques=[TechniqueSpan(start=4, end=9, text=PLAIN[4:9], technique="Loaded_Language", score=0.8)],
            score=0.3,
        )
    )
    opened.save(Analysis(article=Article(text=HOSTILE, title="<b>Hostile</b> title", outlet="Night <Owl>")))
    yield opened
    opened.close()


@pytest.fixture
def client(store, analyzer):
    app = create_app(Settings(max_body_bytes=20_000), analyzer=analyzer, store=store)
    with TestClient(app) as test_client:
        yield test_client


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert body["error"]["message"] and "\n" not in body["error"]["message"]
    return body["error"]["message"]


def test_health(client):
    assert client.get("/healthz").json()["articles"] == 2


def test_analyze_text_returns_the_record(client):
    response = client.post(
        "/api/analyze", json={"text": HOSTILE, "title": "t", "outlet": "o", "published": "2024-01-02"}
    )
    assert response.status_code == 200
    record = Analysis.model_validate(response.json())
    assert record.article.text == HOSTILE and record.article.published == "2024-01-02"
    assert all(HOSTILE[s.start : s.end] == s.text for s in record.techniques)


def test_analyze_html_extracts_the_article(client):
    page = "<html><head><title>Storm</title></head><body><article><p>" + PLAIN * 3 + "</p></article></body></html>"
    response = client.post("/api/analyze", json={"html": page})
    assert response.status_code == 200
    assert "ferry timetable" in response.json()["article"]["text"]


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"title": "no text"}, 422, "exactly one of"),
        ({"text": "a", "html": "<p>b</p>"}, 422, "exactly one of"),
        ({"text": "   "}, 422, "empty"),
        ({"text": 5}, 422, "text"),
        ({"text": "ok", "colour": "red"}, 422, "colour"),
        ({"text": "ok", "published": "last tuesday"}, 422, "published"),
        (
            {"html": "<html><head><title>x</title></head><body><script>var a;</script></body></html>"},
            422,
            "no article text",
        ),
        ([1, 2], 422, "JSON object"),
    ],
)
def test_analyze_refuses_bad_bodies(client, body, status, needle):
    assert needle in error_of(client.post("/api/analyze", json=body), status)


def test_analyze_refuses_wrong_content_types_invalid_json_and_big_bodies(client):
    assert "JSON" in error_of(
        client.post("/api/analyze", content=b"text=hi", headers={"content-type": "text/plain"}), 415
    )
    assert "not valid JSON" in error_of(
        client.post("/api/analyze", content=b'{"text": ', headers={"content-type": "application/json"}), 400
    )
    assert "not valid JSON" in error_of(
        client.post("/api/analyze", content=b"\xff\xfe\x00", headers={"content-type": "application/json"}), 400
    )
    assert "limit" in error_of(client.post("/api/analyze", json={"text": "x" * 30_000}), 413)


def test_streamed_bodies_over_the_limit_are_refused(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    response = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    error_of(response, 413)


def test_search_and_filters(client):
    listed = client.get("/api/articles").json()
    assert listed["total"] == 2
    found = client.get("/api/articles", params={"q": "ferry", "technique": "Loaded_Language"}).json()
    assert [i["title"] for i in found["items"]] == ["Ferry timetable"]
    article_id = found["items"][0]["id"]
    stored = client.get(f"/api/articles/{article_id}").json()
    assert stored["record"]["article"]["text"] == PLAIN
    assert client.get("/api/articles", params={"since": "2024-06-01"}).json()["total"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 1_000_000_000},
        {"offset": -1},
        {"offset": 10**15},
        {"limit": "many"},
        {"min_score": 7},
        {"since": "yesterday"},
        {"q": "x" * 600},
    ],
)
def test_absurd_search_parameters_are_refused(client, params):
    error_of(client.get("/api/articles", params=params), 422)


@pytest.mark.parametrize("q", ["'; DROP TABLE articles; --", "<script>alert(1)</script>", '" OR ""="'])
def test_sql_and_script_looking_searches_are_refused_with_a_reason(client, q):
    assert "search for words" in error_of(client.get("/api/articles", params={"q": q}), 400)
    page = client.get("/articles", params={"q": q}, headers={"accept": "text/html"})
    assert page.status_code == 400 and "<script>alert" not in page.text
    assert client.get("/healthz").json()["articles"] == 2


@pytest.mark.parametrize("q", ['well-known "state media"', "Kerry OR Lavrov -Assad", "50% of 1,000 people?"])
def test_searches_with_quotes_hyphens_and_numbers_run(client, q):
    assert client.get("/api/articles", params={"q": q}).status_code == 200


def test_searches_the_store_cannot_take_are_400(client):
    assert "no words" in error_of(client.get("/api/articles", params={"q": "?!"}), 400)
    assert "NUL" in error_of(client.get("/api/articles", params={"outlet": "a\x00b"}), 400)


def test_unknown_ids_and_outlets(client):
    assert "no article with id 999" in error_of(client.get("/api/articles/999"), 404)
    error_of(client.get("/api/articles/99999999999999999999999"), 422)
    error_of(client.get("/api/articles/abc"), 422)
    assert "no articles from outlet" in error_of(client.get("/api/outlets/Nobody"), 404)
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.delete("/api/articles/1"), 405)


def test_outlets_profile_and_techniques(client):
    assert {o["outlet"] for o in client.get("/api/outlets").json()} == {"Harbour News", "Night <Owl>"}
    profile = client.get("/api/outlets/Harbour News").json()
    assert profile["articles"] == 1 and profile["months"][0]["month"] == "2024-05"
    techniques = client.get("/api/techniques").json()
    assert len(techniques) == 14 and all(t["definition"] and t["example"] for t in techniques)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        "/articles/1",
        "/outlets",
        "/outlets/Harbour%20News",
        "/outlets/Night%20%3COwl%3E",
        "/techniques",
    ],
)
def test_every_page_has_a_json_twin(client, path):
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    twin = "/index.json" if path == "/" else path + ".json"
    assert client.get(twin).status_code == 200
    assert f'href="{twin}"' in page.text or f'href="{twin.replace("%20", "%20")}"' in page.text


def test_pages_escape_article_text_everywhere(client):
    hostile_id = client.get("/api/articles", params={"outlet": "Night <Owl>"}).json()["items"][0]["id"]
    for path in (f"/articles/{hostile_id}", "/articles", "/outlets", "/outlets/Night%20%3COwl%3E"):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        assert "<b>Hostile</b>" not in html and "Night <Owl>" not in html
    article = client.get(f"/articles/{hostile_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article


def test_a_direct_quote_gets_no_second_pair_of_marks(client, store):
    text = 'The mayor said "the harbour stays open" on Monday.'
    start, end = text.index('"the'), text.index('" on') + 1
    content = TextSpan(start=start, end=end, text=text[start:end])
    record = Analysis(article=Article(text=text, outlet="Harbour News"))
    record.quotes = [Quote(content=content, speaker=None, cue=None, direct=True)]
    saved = store.save(record)
    page = client.get(f"/articles/{saved.id}", headers={"accept": "text/html"}).text
    assert '<q class="own-marks">&#34;the harbour stays open&#34;</q>' in page


def test_a_claims_speaker_shows_who_they_resolve_to(client, store):
    text = "Mayor Ann Lee spoke. She said that at least 40 ferries were cancelled on Monday."

    def span(phrase: str) -> TextSpan:
        return TextSpan(start=text.index(phrase), end=text.index(phrase) + len(phrase), text=phrase)

    she, content, monday = span("She"), span("40 ferries were cancelled on Monday"), span("Monday")
    ferries = span("40 ferries")
    record = Analysis(article=Article(text=text, outlet="Harbour News"))
    record.entities = [Entity(name="Ann Lee", type="person", mentions=[span("Ann Lee")])]
    record.quotes = [Quote(content=content, speaker=she, cue=None, direct=False, speaker_entity=0)]
    sentence = span("She said that at least 40 ferries were cancelled on Monday.")
    record.claims = [
        Claim(
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            score=0.9,
            speaker=she,
            dates=[DateValue(start=monday.start, end=monday.end, text="Monday", value=None, period=None)],
            quantities=[
                Quantity(
                    start=ferries.start,
                    end=ferries.end,
                    text=ferries.text,
                    value=40,
                    bound="lower",
                    counts="ferries",
                    normalized="40 ferries",
                )
            ],
        )
    ]
    saved = store.save(record)
    page = client.get(f"/articles/{saved.id}", headers={"accept": "text/html"}).text
    claims = page[page.index("panel-claims") : page.index("panel-quotes")]
    assert "<dt>speaker</dt><dd>She</dd>" in claims and "<dt>who</dt><dd>Ann Lee</dd>" in claims
    assert "<dd>unresolved (no publication date)</dd>" in claims
    assert "<dd>≥ 40 ferries</dd>" in claims  # "at least 40": a floor, not the count


def test_charts_are_svg(client):
    response = client.get("/charts/techniques.svg", params={"outlet": "Harbour News"})
    assert response.status_code == 200 and response.headers["content-type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
    error_of(client.get("/charts/pie.svg", params={"outlet": "Harbour News"}), 404)


def test_html_errors_for_browsers(client):
    page = client.get("/articles/424242", headers={"accept": "text/html"})
    assert page.status_code == 404 and "no article with id 424242" in page.text


def test_analyse_form_with_pasted_text_and_uploads(client):
    pasted = client.post("/analyze", data={"text": HOSTILE, "title": "Pasted"})
    assert pasted.status_code == 200 and 'id="article-text"' in pasted.text and "<script>alert" not in pasted.text
    page = b"<html><body><article><h1>Ferry</h1><p>" + PLAIN.encode() * 3 + b"</p></article></body></html>"
    uploaded = client.post("/analyze", files={"file": ("story.html", page, "text/html")})
    assert uploaded.status_code == 200 and "story.html" in uploaded.text
    text_file = client.post("/analyze", files={"file": ("story.txt", PLAIN.encode(), "text/plain")})
    assert text_file.status_code == 200
    assert "data-technique=" in text_file.text or "No persuasion" in text_file.text
    binary = client.post("/analyze", files={"file": ("photo.txt", bytes(range(256)) * 4, "image/png")})
    assert binary.status_code == 422 and "photo.txt" in binary.json()["error"]["message"]
    empty = client.post("/analyze", data={"text": "  "})
    assert "paste an article" in error_of(empty, 422)
    too_big = client.post("/analyze", files={"file": ("big.txt", b"a " * 20_000, "text/plain")})
    error_of(too_big, 413)
    assert client.post("/analyze", content=b"{}", headers={"content-type": "application/json"}).status_code == 415


def test_pool_refuses_with_retry_after_when_full_and_times_out():
    import asyncio

    release = threading.Event()
    pool = AnalysisPool(analyzer=None, workers=1, queue=0, timeout=0.2)  # type: ignore[arg-type]

    async def scenario():
        with pytest.raises(ApiError) as timed_out:
            await pool.submit(lambda: release.wait(5))
        assert timed_out.value.status == 504
        # the timed-out work still holds the only slot until it really ends
        with pytest.raises(ApiError) as busy:
            await pool.submit(lambda: 1)
        assert busy.value.status == 503 and busy.value.headers["Retry-After"]
        release.set()
        await asyncio.sleep(0.1)
        assert await pool.submit(lambda: 2) == 2

    asyncio.run(scenario())
    pool.close()


def test_concurrent_requests_get_answers_or_back_pressure(store, analyzer):
    app = create_app(Settings(workers=1, queue=1), analyzer=analyzer, store=store)
    statuses: list[int] = []
    with TestClient(app) as test_client:

        def post() -> None:
            statuses.append(test_client.post("/api/analyze", json={"text": PLAIN * 20}).status_code)

        threads = [threading.Thread(target=post) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert set(statuses) <= {200, 503} and 200 in statuses
