"""The web pages, each with a `.json` twin carrying the same data: analyse, search, article, outlets, techniques."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import UploadFile

from spinlens.inputs.document import Document, InputError
from spinlens.record import Analysis
from spinlens.render._spans import technique
from spinlens.render.html import css_class
from spinlens.store.charts import distribution_chart, trend_chart
from spinlens.store.profile import outlets
from spinlens.store.search import SearchQuery
from spinlens.techniques.definitions import TECHNIQUES
from spinlens.web.analysis import read_upload
from spinlens.web.api import (
    ArticleId,
    article_or_404,
    profile_or_404,
    run_search,
    search_query,
    techniques_data,
)
from spinlens.web.errors import ApiError
from spinlens.web.state import State
from spinlens.web.view import article_view

router = APIRouter(include_in_schema=False)
FORM_FIELDS = 8
# Scripts only from this server and no inline code, so even an unescaped article could run nothing.
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@cache
def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("spinlens.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["segment"] = lambda value: quote(str(value), safe="")
    return env


def page(
    request: Request, name: str, status: int = 200, headers: dict[str, str] | None = None, **context
) -> HTMLResponse:
    html = (
        templates()
        .get_template(name)
        .render(
            request=request,
            techniques=TECHNIQUES,
            css_class=css_class,
            label=lambda technique_name: technique(technique_name).label,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def html_error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return page(request, "error.html", status=status, headers=headers, status_code=status, message=message)


def _state(request: Request) -> State:
    return request.app.state.spinlens


@router.get("/", response_class=HTMLResponse)
def analyse_form(request: Request) -> HTMLResponse:
    return page(request, "analyse.html", limit=_state(request).settings.max_body_bytes)


@router.get("/index.json")
def analyse_form_json(request: Request) -> dict[str, Any]:
    return {
        "analyze": {"method": "POST", "url": "/api/analyze", "max_body_bytes": _state(request).settings.max_body_bytes},
        "techniques": techniques_data(),
    }


@router.post("/analyze", response_class=HTMLResponse)
async def analyse_submit(request: Request) -> HTMLResponse:
    """The analyse form: pasted text or an uploaded .txt/.html file, shown highlighted on the same page."""
    state = _state(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise ApiError(415, "send the form as multipart/form-data or application/x-www-form-urlencoded")
    limit = state.settings.max_body_bytes
    async with request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=limit) as form:
        upload = form.get("file")
        fields = {key: form.get(key) for key in ("text", "title", "outlet")}
        values = {key: value.strip() if isinstance(value, str) else "" for key, value in fields.items()}
        data = await upload.read(limit + 1) if isinstance(upload, UploadFile) and upload.filename else None
        filename = upload.filename if isinstance(upload, UploadFile) else None
    if data is not None and len(data) > limit:
        raise ApiError(413, f"the file is over the {limit:,}-byte limit")
    text = fields["text"] if isinstance(fields["text"], str) else ""
    if data is None and not text.strip():
        raise ApiError(422, "paste an article's text or choose a .txt or .html file")

    def work() -> Analysis | InputError:
        if data is not None:
            document = read_upload(data, filename or "upload", limit)
            if isinstance(document, InputError):
                return document
        else:
            document = Document(text=text.replace("\r\n", "\n"), source="form")
        document.title = values["title"] or document.title
        document.outlet = values["outlet"] or document.outlet
        return next(state.pool.analyzer.run([document]))

    result = await state.pool.submit(work)
    if isinstance(result, InputError):
        raise ApiError(422, f"{result.source}: {result.message}")
    record = result.to_dict()
    return page(request, "analyse.html", limit=limit, view=article_view(record), form=values)


@router.get("/articles.json")
def search_json(request: Request, query: Annotated[SearchQuery, Depends(search_query)]) -> dict[str, Any]:
    return run_search(_state(request), query)


@router.get("/articles", response_class=HTMLResponse)
def search_page(
    request: Request,
    query: Annotated[SearchQuery, Depends(search_query)],
) -> HTMLResponse:
    state = _state(request)
    results = run_search(state, query)
    params = {k: v for k, v in request.query_params.items() if k not in ("offset",) and v != ""}
    pages = {}
    if query.offset > 0:
        pages["previous"] = "?" + urlencode({**params, "offset": max(0, query.offset - query.limit)})
    if query.offset + query.limit < results["total"]:
        pages["next"] = "?" + urlencode({**params, "offset": query.offset + query.limit})
    return page(
        request,
        "search.html",
        query=query,
        results=results,
        pages=pages,
        outlets=[o["outlet"] for o in outlets(state.store)],
        json_url="/articles.json" + (f"?{request.url.query}" if request.url.query else ""),
    )


@router.get("/articles/{article_id:int}.json")
def article_json(request: Request, article_id: ArticleId) -> dict[str, Any]:
    return article_or_404(_state(request), article_id)


@router.get("/articles/{article_id:int}", response_class=HTMLResponse)
def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
    stored = article_or_404(_state(request), article_id)
    return page(request, "article.html", stored=stored, view=article_view(stored["record"]))


@router.get("/outlets.json")
def outlets_json(request: Request) -> list[dict[str, Any]]:
    return outlets(_state(request).store)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> HTMLResponse:
    return page(request, "outlets.html", outlets=outlets(_state(request).store))


@router.get("/outlets/{name:path}", response_model=None)
def outlet_page(request: Request, name: str) -> Response:
    if name.endswith(".json"):
        return JSONResponse(profile_or_404(_state(request), name.removesuffix(".json")))
    profile = profile_or_404(_state(request), name)
    return page(request, "outlet.html", profile=profile)


@router.get("/charts/{kind}.svg")
def chart(request: Request, kind: str, outlet: Annotated[str, Query(max_length=200)]) -> Response:
    draw = {"techniques": distribution_chart, "trend": trend_chart}.get(kind)
    if draw is None:
        raise ApiError(404, f"no chart named {kind!r}: techniques or trend")
    svg = draw(profile_or_404(_state(request), outlet), "svg")
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
    )


@router.get("/techniques.json")
def techniques_json() -> list[dict[str, str]]:
    return techniques_data()


@router.get("/techniques", response_class=HTMLResponse)
def techniques_page(request: Request) -> HTMLResponse:
    return page(request, "techniques.html")


@router.get("/static/techniques.css")
def technique_colours() -> Response:
    return Response(_colours(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@cache
def _colours() -> str:
    from spinlens.render._spans import UNKNOWN_COLOUR

    rules = [f".{css_class(t.name)} {{ background-color: {t.colour}; }}" for t in TECHNIQUES]
    rules.append(f".t-other {{ background-color: {UNKNOWN_COLOUR}; }}")
    return "\n".join(rules) + "\n"
