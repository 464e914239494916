"""The served OpenAPI schema, and schemathesis generating requests from it against the app: no server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from spinlens.record import Analysis, Article, TechniqueSpan
from spinlens.store import Store
from spinlens.web import Settings, create_app

TEXT = "Only cowards would vote for this shameful bill. The vote is on Friday."


@pytest.fixture(scope="module")
def app(tmp_path_factory, analyzer):
    store = Store(str(tmp_path_factory.mktemp("openapi") / "store.db"))
    store.save(
        Analysis(
            article=Article(text=TEXT, outlet="Harbour News", published="2024-03-01"),
            techniques=[TechniqueSpan(start=5, end=12, text="cowards", technique="Name_Calling,Labeling", score=0.9)],
        )
    )
    return create_app(Settings(max_body_bytes=50_000), analyzer=analyzer, store=store)


@pytest.fixture(scope="module")
def web_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_schema_documents_every_api_route(app):
    from fastapi.testclient import TestClient

    paths = TestClient(app).get("/openapi.json").json()["paths"]
    assert {
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/outlets",
        "/api/outlets/{name}",
        "/api/techniques",
        "/healthz",
    } <= set(paths)
    assert not any(path.startswith(("/articles", "/outlets", "/static")) for path in paths)  # pages stay out


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(web_schema):
    # Each operation in turn (schemathesis's pytest plugin does not run under this pytest), hypothesis shrinking
    # any failure to its smallest request.
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) == 7
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
