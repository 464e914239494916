"""One error shape everywhere, `{"error": {"status", "code", "message"}}`, and the request body limit.

Pages get the same message as an HTML page; the API, `.json` twins and clients that don't ask for HTML
get the JSON shape.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    500: "server_error",
    503: "busy",
    504: "timeout",
}


class ApiError(Exception):
    """Raised anywhere in a request to answer with the error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


def error_body(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path == "/healthz":
        return False
    return "text/html" in request.headers.get("accept", "")


def install(app: FastAPI, html_error) -> None:
    """Route every error (ours, FastAPI's validation, Starlette's 404/405, a bug) into the one shape."""

    def respond(request: Request, status: int, code: str, message: str, details=None, headers=None) -> Response:
        if wants_html(request):
            return html_error(request, status, message, headers)
        return JSONResponse(error_body(status, code, message, details), status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"location": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        first = details[0] if details else {"location": "request", "message": "invalid"}
        message = f"{first['location']}: {first['message']}"
        return respond(request, 422, "invalid_input", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or resource: {request.url.path}"
        return respond(request, exc.status_code, _CODES.get(exc.status_code, "error"), message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        return respond(
            request, 500, "server_error", f"internal error ({type(exc).__name__}); the server log has details"
        )


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, by Content-Length or while the body streams in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"request body is over the {self.limit:,}-byte limit"
        response = JSONResponse(error_body(413, "body_too_large", message), status_code=413)
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
