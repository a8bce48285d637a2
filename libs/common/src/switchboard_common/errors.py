"""The one JSON error shape every service answers with, and its FastAPI handlers."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("switchboard.errors")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any | None = None


class ErrorResponse(BaseModel):
    """`{"error": {"code": ..., "message": ..., "details": ...}}`."""

    error: ErrorBody


class ServiceError(Exception):
    """Root of every error a service maps to HTTP; `code` is stable and documented."""

    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        details: Any | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status_code is not None:
            self.status_code = status_code
        self.details = details
        self.headers = dict(headers or {})


class InvalidParameterError(ServiceError):
    """A request parameter outside what the endpoint accepts."""

    status_code = 400
    code = "invalid_parameter"


class UnsupportedSampleRateError(ServiceError):
    """An audio sample rate the speech service cannot take or produce."""

    status_code = 400
    code = "unsupported_sample_rate"


class PayloadTooLargeError(ServiceError):
    """A request body over the endpoint's limit (``details.max_bytes``)."""

    status_code = 413
    code = "payload_too_large"

    def __init__(self, message: str, max_bytes: int) -> None:
        super().__init__(message, details={"max_bytes": max_bytes})


class OverloadedError(ServiceError):
    """Every worker is busy and the queue is full; the client should retry after `retry_after_s`."""

    status_code = 503
    code = "overloaded"

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            "The service is busy; retry shortly.",
            headers={"Retry-After": str(retry_after_s)},
            details={"retry_after_s": retry_after_s},
        )
        self.retry_after_s = retry_after_s


def error_response(
    status_code: int,
    code: str,
    message: str,
    details: Any | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details))
    return JSONResponse(
        body.model_dump(mode="json"), status_code=status_code, headers=dict(headers or {})
    )


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    503: "unavailable",
}


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


def install_error_handlers(app: FastAPI) -> None:
    """Maps ServiceError, HTTP errors, validation errors and crashes to the error shape."""

    async def on_service_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ServiceError)
        return error_response(exc.status_code, exc.code, exc.message, exc.details, exc.headers)

    async def on_http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, headers=exc.headers)

    async def on_validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = [
            {
                "field": _field_path(err.get("loc", ())),
                "message": err.get("msg", ""),
                "type": err.get("type", ""),
            }
            for err in exc.errors()
        ]
        return error_response(422, "validation_error", "The request is not valid.", details)

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        logger.error(
            "request.crashed",
            exc_info=exc,
            extra={"fields": {"path": request.url.path, "method": request.method}},
        )
        return error_response(500, "internal_error", "An internal error occurred.")

    app.add_exception_handler(ServiceError, on_service_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_crash)
