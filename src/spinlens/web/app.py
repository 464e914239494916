"""The FastAPI app: the JSON API, the web pages and their static files, over one store and one analyser."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spinlens import __version__
from spinlens.pipeline import Analyzer
from spinlens.store.database import Store
from spinlens.web import api, errors, pages
from spinlens.web.analysis import AnalysisPool
from spinlens.web.state import Settings, State

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}


def create_app(
    settings: Settings | None = None, *, analyzer: Analyzer | None = None, store: Store | None = None
) -> FastAPI:
    """The app; `analyzer` and `store` let tests and benchmarks share ones already loaded."""
    settings = settings or Settings()
    store = store or Store(settings.db)
    analyzer = analyzer or Analyzer()
    # Load the models now, not on the first request: the first user shouldn't wait, and threads mustn't race.
    analyzer.models()
    pool = AnalysisPool(analyzer, workers=settings.workers, queue=settings.queue, timeout=settings.timeout)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="spinlens",
        version=__version__,
        description="Persuasion techniques in news articles: analyse one, or search a corpus and profile its outlets.",
        lifespan=lifespan,
        # The bundled API explorers load their scripts from a CDN; the page must work offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.spinlens = State(settings=settings, store=store, pool=pool)
    errors.install(app, pages.html_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("spinlens.web", "static")]), name="static")
    app.add_middleware(errors.BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(_SecurityHeaders)

    original_openapi = app.openapi

    def openapi() -> dict:
        schema = original_openapi()
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


class _SecurityHeaders:
    """The page policy on every response that does not set its own, and no MIME sniffing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", pages.POLICY.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
