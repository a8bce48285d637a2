"""Twilio REST call control: hang up or transfer the live call (retries inside)."""

from __future__ import annotations

import asyncio
import logging

import httpx

from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.telephony.twilio import dial_twiml

logger = logging.getLogger(__name__)

_RETRY_DELAYS_S = (0.2, 0.5, 1.0, 2.0)


class TwilioCallControl:
    """CallControl over ``POST {api_base}/2010-04-01/Accounts/{sid}/Calls/{call_sid}.json``.

    5xx answers, 429 and transport errors are retried up to ``attempts`` times; a 4xx answer or
    running out of attempts raises CallControlError.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_base: str,
        account_sid: str,
        auth_token: str,
        call_sid: str,
        attempts: int = 3,
        timeout_s: float = 5.0,
    ) -> None:
        self._http = http
        base = api_base.rstrip("/")
        self._url = f"{base}/2010-04-01/Accounts/{account_sid}/Calls/{call_sid}.json"
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._attempts = attempts
        self._timeout_s = timeout_s

    async def hang_up(self) -> None:
        await self._update({"Status": "completed"}, action="hang_up")

    async def transfer(self, number: str) -> None:
        await self._update({"Twiml": dial_twiml(number)}, action="transfer")

    async def _update(self, form: dict[str, str], *, action: str) -> None:
        last_error = "no attempt made"
        for attempt in range(self._attempts):
            if attempt:
                await asyncio.sleep(_RETRY_DELAYS_S[min(attempt - 1, len(_RETRY_DELAYS_S) - 1)])
            try:
                response = await self._http.post(
                    self._url, data=form, auth=self._auth, timeout=self._timeout_s
                )
            except httpx.HTTPError as exc:
                last_error = type(exc).__name__
                continue
            if response.is_success:
                return
            last_error = f"HTTP {response.status_code}"
            if response.status_code != 429 and response.status_code < 500:
                break
        logger.error(
            "carrier.call_control_failed",
            extra={"fields": {"action": action, "error": last_error}},
        )
        raise CallControlError(f"Twilio {action} failed: {last_error}")
