"""The control plane's errors, each with a stable code (mapped by switchboard_common.errors)."""

from __future__ import annotations

from typing import Any

from switchboard_common.errors import ServiceError


class ControlPlaneError(ServiceError):
    """Root of the control plane's errors."""


class NotFoundError(ControlPlaneError):
    status_code = 404
    code = "not_found"

    def __init__(self, resource: str, *, code: str | None = None) -> None:
        super().__init__(f"The {resource} does not exist.", code=code or f"{resource}_not_found")


class ConflictError(ControlPlaneError):
    status_code = 409
    code = "conflict"


class UnauthorizedError(ControlPlaneError):
    status_code = 401
    code = "unauthorized"

    def __init__(self, message: str = "A valid bearer credential is required.") -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class IdentityProviderUnavailableError(ControlPlaneError):
    """The OIDC provider's keys (JWKS) could not be fetched; the token was not judged."""

    status_code = 503
    code = "identity_provider_unavailable"

    def __init__(self) -> None:
        super().__init__(
            "The identity provider's signing keys could not be fetched; retry later.",
            headers={"Retry-After": "5"},
        )


class ForbiddenError(ControlPlaneError):
    status_code = 403
    code = "forbidden"


class InvalidConfigError(ControlPlaneError):
    """A body that parsed but that the runtime could not use; details carry field paths."""

    status_code = 422
    code = "validation_error"

    def __init__(self, field: str, message: str, *, type_: str = "invalid") -> None:
        details: list[dict[str, Any]] = [{"field": field, "message": message, "type": type_}]
        super().__init__("The request is not valid.", details=details)


class RateLimitedError(ControlPlaneError):
    status_code = 429
    code = "rate_limited"

    def __init__(
        self, retry_after_s: int, message: str = "Too many requests for this credential."
    ) -> None:
        super().__init__(
            message,
            details={"retry_after_s": retry_after_s},
            headers={"Retry-After": str(retry_after_s)},
        )


class DatabaseUnavailableError(ControlPlaneError):
    """Postgres cannot be reached or refuses work for now; nothing was changed."""

    status_code = 503
    code = "database_unavailable"
    retry_after_s = 5

    def __init__(self) -> None:
        super().__init__(
            "The database is unavailable; retry later.",
            headers={"Retry-After": str(self.retry_after_s)},
            details={"retry_after_s": self.retry_after_s},
        )
