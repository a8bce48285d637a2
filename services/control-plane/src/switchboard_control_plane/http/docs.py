"""OpenAPI documentation of the error responses every route may answer."""

from __future__ import annotations

from typing import Any

from switchboard_common.errors import ErrorResponse

_DESCRIPTIONS = {
    400: "Bad request",
    401: "Missing, invalid, expired or revoked credential (`unauthorized`)",
    403: "The credential may not do this (`forbidden`)",
    404: "Not found, or not visible to this credential (`*_not_found`)",
    409: "Conflict with the current state (`*_conflict`, `*_exists`, `*_in_use`)",
    410: "Gone (`voice_runtime_moved`)",
    422: "Validation error; `details` lists field paths (`validation_error`), or text Postgres "
    "cannot store: NUL or an unpaired surrogate (`invalid_characters`)",
    416: "The Range is outside the body; Content-Range says its size (`range_not_satisfiable`)",
    429: "Rate limited; see the Retry-After header (`rate_limited`)",
    503: "The OIDC provider's keys could not be fetched (`identity_provider_unavailable`), the "
    "database is unavailable (`database_unavailable`) or the recording storage "
    "(`recording_storage_unavailable`); retry after Retry-After",
}

AUTH_ERRORS = (401, 403, 422, 429)
TENANT_ERRORS = (401, 403, 404, 422, 429)


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status documented with the error body schema.

    A route that authenticates (401) may also answer 503 while the OIDC provider is unreachable.
    """
    statuses = sorted({*codes, 503}) if 401 in codes else codes
    return {code: {"model": ErrorResponse, "description": _DESCRIPTIONS[code]} for code in statuses}


def tenant_errors(*extra: int) -> dict[int | str, dict[str, Any]]:
    return error_responses(*sorted({*TENANT_ERRORS, *extra}))
