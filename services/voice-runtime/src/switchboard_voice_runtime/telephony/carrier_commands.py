"""A call-control command to a carrier's REST API, retried the one way both carriers' call
control retry it: transport errors, 5xx and 429 are tried again (after 0.2, 0.5, 1 and then 2 s);
another answer that is not accepted, or running out of attempts, raises ``CallControlError``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

import httpx

from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.providers.errors import retryable_status

RETRY_DELAYS_S = (0.2, 0.5, 1.0, 2.0)
"""The pause before each retry; the last repeats."""


async def send_with_retries(
    post: Callable[[], Awaitable[httpx.Response]],
    *,
    attempts: int,
    failure: str,
    action: str,
    logger: logging.Logger,
    accepted: Callable[[httpx.Response], bool] = lambda response: response.is_success,
    error_of: Callable[[httpx.Response], str] = lambda response: f"HTTP {response.status_code}",
    log_fields: Mapping[str, str] | None = None,
) -> None:
    """Calls ``post`` up to ``attempts`` times until its answer is ``accepted``; otherwise logs
    ``carrier.call_control_failed`` on the carrier's ``logger`` (``log_fields``, ``action``, the
    last error: an exception's class name or ``error_of`` the answer; never a credential) and
    raises ``CallControlError(f"{failure}: {last error}")``."""
    last_error = "no attempt made"
    for attempt in range(attempts):
        if attempt:
            await asyncio.sleep(RETRY_DELAYS_S[min(attempt - 1, len(RETRY_DELAYS_S) - 1)])
        try:
            response = await post()
        except httpx.HTTPError as exc:
            last_error = type(exc).__name__
            continue
        if accepted(response):
            return
        last_error = error_of(response)
        if not retryable_status(response.status_code):
            break
    logger.error(
        "carrier.call_control_failed",
        extra={"fields": {**(log_fields or {}), "action": action, "error": last_error}},
    )
    raise CallControlError(f"{failure}: {last_error}")
