"""An HTTP answer is worth trying again only for a server error or a rate limit."""

from __future__ import annotations

import pytest

from switchboard_voice_runtime.providers.errors import retryable_status, status_error


@pytest.mark.parametrize(
    ("status_code", "retryable"),
    [(500, True), (503, True), (429, True), (400, False), (404, False)],
)
def test_server_errors_and_rate_limits_are_retryable_other_refusals_not(
    status_code: int, retryable: bool
) -> None:
    assert retryable_status(status_code) is retryable
    error = status_error("stt", status_code)
    assert (str(error), error.provider, error.retryable) == (
        f"stt answered {status_code}",
        "stt",
        retryable,
    )
