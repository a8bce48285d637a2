"""A carrier command is retried on transport errors, 5xx and 429, not on another refusal, and
fails with the last error once the attempts run out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import httpx
import pytest

from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.telephony import carrier_commands
from switchboard_voice_runtime.telephony.carrier_commands import send_with_retries

LOG = logging.getLogger("test.carrier")


@pytest.fixture(autouse=True)
def _no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(carrier_commands, "RETRY_DELAYS_S", (0.0,))


def _answers(
    *answers: int | Exception,
) -> tuple[list[int | Exception], Callable[[], Awaitable[httpx.Response]]]:
    sent: list[int | Exception] = []

    async def post() -> httpx.Response:
        answer = answers[len(sent)]
        sent.append(answer)
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer)

    return sent, post


async def test_transport_errors_server_errors_and_429_are_tried_again() -> None:
    sent, post = _answers(httpx.ConnectError("down"), 503, 429, 204)
    await send_with_retries(
        post, attempts=4, failure="X hang_up failed", action="hang_up", logger=LOG
    )
    assert len(sent) == 4


async def test_a_client_error_fails_at_once_with_its_status(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sent, post = _answers(404, 204)
    with (
        caplog.at_level("ERROR"),
        pytest.raises(CallControlError, match="X transfer failed: HTTP 404"),
    ):
        await send_with_retries(
            post, attempts=3, failure="X transfer failed", action="transfer", logger=LOG,
            log_fields={"carrier": "x"},
        )  # fmt: skip
    assert len(sent) == 1
    (record,) = caplog.records
    assert record.name == "test.carrier" and record.getMessage() == "carrier.call_control_failed"
    assert record.fields == {"carrier": "x", "action": "transfer", "error": "HTTP 404"}  # type: ignore[attr-defined]


async def test_running_out_of_attempts_fails_with_the_last_error() -> None:
    sent, post = _answers(500, httpx.ReadTimeout("slow"))
    with pytest.raises(CallControlError, match="failed: ReadTimeout"):
        await send_with_retries(
            post, attempts=2, failure="X hang_up failed", action="hang_up", logger=LOG
        )
    assert len(sent) == 2


async def test_an_answer_the_carrier_accepts_is_done_though_not_a_success() -> None:
    sent, post = _answers(422)
    await send_with_retries(
        post, attempts=3, failure="X hang_up failed", action="hang_up", logger=LOG,
        accepted=lambda response: response.status_code == 422,
    )  # fmt: skip
    assert len(sent) == 1
