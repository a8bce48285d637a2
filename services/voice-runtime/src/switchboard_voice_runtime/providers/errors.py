"""The one error every speech and language adapter raises."""

from __future__ import annotations


class ProviderError(Exception):
    """A provider failed or timed out; ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, provider: str, retryable: bool) -> None:
        super().__init__(message)
        self.provider = provider
        self.retryable = retryable
