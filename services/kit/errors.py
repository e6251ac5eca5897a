"""Domain errors and their one rendering: RFC 9457 application/problem+json.

A domain function raises e.g. `NotFound("place_not_found", "No place with this id")`;
the handler installed by `install_problem_handlers` turns every such error, every
validation error and every stray HTTPException into the same problem shape with a stable
`code` the frontend can translate.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.kit.observability import current_request_id, route_template

log = logging.getLogger("kit.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    """One invalid input: where (a JSON pointer into the request) and why."""

    pointer: str
    detail: str
    code: str = "invalid"


class Problem(BaseModel):
    """The body of every 4xx/5xx answer, declared in OpenAPI."""

    type: str
    title: str
    status: int
    detail: str | None = None
    code: str
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] = []


class DomainError(Exception):
    """Base of every rule violation; subclasses fix the HTTP status."""

    status: int = 400
    default_code: str = "bad_request"

    def __init__(
        self,
        code: str | None = None,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] = (),
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
        **extensions: Any,
    ) -> None:
        self.code = code or self.default_code
        # Rare: the refusal itself must be stored (a failed sign-in counted toward a lock).
        self.keep_changes = keep_changes
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}
        self.extensions = extensions
        super().__init__(detail or self.code)


class InvalidInput(DomainError):
    status = 422
    default_code = "invalid_input"


class BadRequest(DomainError):
    status = 400
    default_code = "bad_request"


class Unauthenticated(DomainError):
    status = 401
    default_code = "unauthenticated"

    def __init__(self, code: str | None = None, detail: str | None = None, **kw: Any) -> None:
        kw.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(code, detail, **kw)


class PermissionDenied(DomainError):
    status = 403
    default_code = "forbidden"


class NotFound(DomainError):
    status = 404
    default_code = "not_found"


class Conflict(DomainError):
    status = 409
    default_code = "conflict"


class Gone(DomainError):
    status = 410
    default_code = "gone"


class ContentTooLarge(DomainError):
    """RFC 9110's 413: the body (an upload) is over the limit the server accepts."""

    status = 413
    default_code = "content_too_large"


class TooManyRequests(DomainError):
    status = 429
    default_code = "rate_limited"


class DependencyUnavailable(DomainError):
    """Another service we need did not answer: 503, and the caller may retry."""

    status = 503
    default_code = "service_unavailable"


def problem_response(
    *,
    status: int,
    code: str,
    detail: str | None,
    request: Request | None = None,
    errors: Sequence[FieldError] = (),
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"/problems/{code}",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
        "instance": request.url.path if request is not None else None,
        "request_id": current_request_id(),
        "errors": [e.model_dump() for e in errors],
    }
    if extensions:
        body.update({k: v for k, v in extensions.items() if k not in body})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _pointer(loc: Sequence[Any]) -> str:
    # ("body", "parent_id") -> "/body/parent_id": where the caller must look.
    return "/" + "/".join(str(part) for part in loc)


def install_problem_handlers(app: FastAPI) -> None:
    async def on_domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        return problem_response(
            status=exc.status,
            code=exc.code,
            detail=exc.detail,
            request=request,
            errors=exc.errors,
            headers=exc.headers,
            extensions=exc.extensions,
        )

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            FieldError(pointer=_pointer(e.get("loc", ())), detail=e.get("msg", ""), code=e["type"])
            for e in exc.errors()
        ]
        return problem_response(
            status=422,
            code="validation_failed",
            detail="The request is not valid; see errors.",
            request=request,
            errors=errors,
        )

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return problem_response(
            status=exc.status_code,
            code=code,
            detail=str(exc.detail) if exc.detail else None,
            request=request,
            headers=getattr(exc, "headers", None),
        )

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", extra={"route": route_template(request.scope)})
        return problem_response(
            status=500,
            code="internal_error",
            detail="Something went wrong on our side; quote the request id when reporting it.",
            request=request,
        )

    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": "A problem"},
}
