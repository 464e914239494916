"""The JSON API under /api, and /healthz."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from spinlens.inputs.document import Document, InputError
from spinlens.record import Analysis
from spinlens.store.profile import outlets, profile
from spinlens.store.search import MAX_LIMIT, SearchError, SearchQuery, get_article, search
from spinlens.techniques.definitions import TECHNIQUES
from spinlens.web.analysis import read_upload
from spinlens.web.errors import ApiError
from spinlens.web.state import State

router = APIRouter()
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000


class AnalyzeRequest(BaseModel):
    """An article to analyse: `text`, or an HTML page in `html` (its article text is extracted)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text, analysed exactly as given.")
    html: str | None = Field(None, description="An HTML page; its article text is extracted and analysed.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: date | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _one_source(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    @field_validator("text", "html", "title", "outlet")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        if value is not None:
            _check_unicode(value)
        return value


def _check_unicode(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode (it holds a lone surrogate)") from None


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for status, description in (
        (400, "Bad request"),
        (404, "Not found"),
        (413, "Body too large"),
        (415, "Not JSON"),
        (422, "Invalid input"),
        (503, "Busy: retry after Retry-After seconds"),
        (504, "Analysis timed out"),
    )
}


@router.post(
    "/api/analyze",
    summary="Analyse one article",
    responses={200: {"model": Analysis, "description": "The analysis record"}, **ERRORS},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        **AnalyzeRequest.model_json_schema(),
                        "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
                    }
                }
            },
        }
    },
)
async def analyze(request: Request) -> JSONResponse:
    # The body is parsed here rather than by FastAPI so that each failure gets its own status and message.
    state: State = request.app.state.spinlens
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, "send the article as JSON (Content-Type: application/json)")
    body = await request.body()
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {_first_line(exc)}") from None
    if not isinstance(payload, dict):
        raise ApiError(422, "the body must be a JSON object with 'text' or 'html'")
    try:
        wanted = AnalyzeRequest.model_validate(payload)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "body"
        raise ApiError(422, f"{where}: {error['msg']}") from None
    published = wanted.published.isoformat() if wanted.published else None
    if wanted.html is not None:
        html = wanted.html
        limit = state.settings.max_body_bytes

        def work() -> Analysis | InputError:
            document = read_upload(html.encode("utf-8"), "page.html", limit)
            if isinstance(document, InputError):
                return InputError("html", document.message)
            document.source = "request"
            document.title = wanted.title or document.title
            document.outlet = wanted.outlet or document.outlet
            document.published = published or document.published
            return next(state.pool.analyzer.run([document]))

        result = await state.pool.submit(work)
        if isinstance(result, InputError):
            raise ApiError(422, result.message)
    else:
        document = Document(
            text=wanted.text or "", title=wanted.title, outlet=wanted.outlet, published=published, source="request"
        )
        result = await state.pool.analyze(document)
    return JSONResponse(result.to_dict())


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _text(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise ApiError(400, f"{name} contains a NUL character")
    try:
        _check_unicode(value)
    except ValueError as exc:
        raise ApiError(400, f"{name} {exc}") from None
    return value


def search_query(
    q: Annotated[str | None, Query(max_length=500, description="Words to find (full-text search).")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    technique: Annotated[str | None, Query(max_length=100, description="Articles with this technique.")] = None,
    entity: Annotated[str | None, Query(max_length=400, description="Articles naming this entity.")] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    max_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> SearchQuery:
    return SearchQuery(
        q=_text(q, "q"),
        outlet=_text(outlet, "outlet"),
        since=since,
        until=until,
        technique=_text(technique, "technique"),
        entity=_text(entity, "entity"),
        min_score=min_score,
        max_score=max_score,
        limit=limit,
        offset=offset,
    )


def run_search(state: State, query: SearchQuery) -> dict[str, Any]:
    try:
        return search(state.store, query)
    except SearchError as exc:
        raise ApiError(400, str(exc)) from None


@router.get("/api/articles", summary="Search stored articles", responses=ERRORS)
def list_articles(request: Request, query: Annotated[SearchQuery, Depends(search_query)]) -> dict[str, Any]:
    return run_search(request.app.state.spinlens, query)


def article_or_404(state: State, article_id: int) -> dict[str, Any]:
    found = get_article(state.store, article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id}")
    return found


ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="The id listed by GET /api/articles.")]


@router.get("/api/articles/{article_id}", summary="One stored article and its analysis record", responses=ERRORS)
def read_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    return article_or_404(request.app.state.spinlens, article_id)


@router.get("/api/outlets", summary="Outlets in the store")
def list_outlets(request: Request) -> list[dict[str, Any]]:
    return outlets(request.app.state.spinlens.store)


def profile_or_404(state: State, name: str) -> dict[str, Any]:
    found = profile(state.store, _text(name, "outlet") or "")
    if found is None:
        raise ApiError(404, f"no articles from outlet {name!r}")
    return found


@router.get("/api/outlets/{name:path}", summary="An outlet's technique profile", responses=ERRORS)
def read_outlet(request: Request, name: str) -> dict[str, Any]:
    return profile_or_404(request.app.state.spinlens, name)


def techniques_data() -> list[dict[str, str]]:
    return [
        {"name": t.name, "label": t.label, "definition": t.definition, "example": t.example, "colour": t.colour}
        for t in TECHNIQUES
    ]


@router.get("/api/techniques", summary="The 14 techniques: names, definitions, examples")
def list_techniques() -> list[dict[str, str]]:
    return techniques_data()


@router.get("/healthz", summary="Liveness and store check")
def healthz(request: Request) -> dict[str, Any]:
    state: State = request.app.state.spinlens
    return {"status": "ok", "articles": state.store.count(), "layers": state.pool.analyzer.layers}
