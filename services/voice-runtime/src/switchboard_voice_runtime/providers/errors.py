"""The one error every speech and language adapter raises, and when an HTTP answer is worth
trying again."""

from __future__ import annotations


class ProviderError(Exception):
    """A provider failed or timed out; ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, provider: str, retryable: bool) -> None:
        super().__init__(message)
        self.provider = provider
        self.retryable = retryable


def retryable_status(status_code: int) -> bool:
    """Whether trying again may change an HTTP answer with ``status_code`` (5xx, 429)."""
    return status_code >= 500 or status_code == 429


def status_error(provider: str, status_code: int) -> ProviderError:
    """The error for a service that answered ``status_code`` instead of a result."""
    return ProviderError(
        f"{provider} answered {status_code}",
        provider=provider,
        retryable=retryable_status(status_code),
    )
