"""Answers 503 ``database_unavailable`` (with Retry-After) when Postgres cannot be reached."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from switchboard_common.errors import error_response
from switchboard_control_plane.db.availability import database_unavailable
from switchboard_control_plane.errors import DatabaseUnavailableError
from switchboard_control_plane.failure_log import ThrottledFailureLog

logger = logging.getLogger("switchboard.control_plane.database")
crash_logger = logging.getLogger("switchboard.errors")


def install_database_error_handlers(app: FastAPI) -> None:
    """Any route, whichever query failed: an outage is 503 and logged at a bounded rate; any
    other database error stays a logged 500."""
    outage = ThrottledFailureLog(logger, "database.unavailable")

    async def on_database_error(request: Request, exc: Exception) -> JSONResponse:
        fields: dict[str, object] = {"path": request.url.path, "method": request.method}
        if not database_unavailable(exc):
            crash_logger.error("request.crashed", exc_info=exc, extra={"fields": fields})
            return error_response(500, "internal_error", "An internal error occurred.")
        outage.failed(exc, fields)
        error = DatabaseUnavailableError()
        return error_response(
            error.status_code, error.code, error.message, error.details, error.headers
        )

    for kind in (OSError, DBAPIError, PoolTimeoutError):
        app.add_exception_handler(kind, on_database_error)
