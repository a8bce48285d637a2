"""Speech to text: the port the call session transcribes through, and its HTTP adapter."""

from __future__ import annotations

import logging
import time
from typing import Protocol

import httpx
from pydantic import SecretStr

from switchboard_common.service_token import bearer_headers
from switchboard_voice_runtime.providers.errors import ProviderError, status_error

_log = logging.getLogger(__name__)
UNSERVED_MODEL_RETRY_S = 300.0
"""How long a model the STT service said it does not serve is left out of requests."""


class SpeechToText(Protocol):
    async def transcribe(
        self,
        pcm16: bytes,
        *,
        sample_rate_hz: int,
        language: str,
        model: str | None = None,
        prompt: str = "",
    ) -> str:
        """Transcribes mono PCM16 little-endian audio with the agent's ``model`` (None: the
        service's default) biased towards the vocabulary in ``prompt``; raises ProviderError.
        Cancellable: a cancelled call abandons the request."""


class HttpSpeechToText:
    """Switchboard's STT service, raw path: ``POST /v1/audio/transcriptions?encoding=pcm16``,
    with the service token when one is set.

    A model the service answers ``model_not_available`` for is dropped from requests (the
    service's default model transcribes instead, and a warning is logged) for
    ``UNSERVED_MODEL_RETRY_S``: a call never fails because its agent names a model this STT
    deployment lacks."""

    def __init__(
        self,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        timeout_s: float = 3.0,
        token: SecretStr | None = None,
    ) -> None:
        self._url = base_url.rstrip("/") + "/v1/audio/transcriptions"
        self._http = http
        self._timeout_s = timeout_s
        self._headers = {"content-type": "application/octet-stream", **bearer_headers(token)}
        self._unserved_until: dict[str, float] = {}

    async def transcribe(
        self,
        pcm16: bytes,
        *,
        sample_rate_hz: int,
        language: str,
        model: str | None = None,
        prompt: str = "",
    ) -> str:
        params = {
            "encoding": "pcm16",
            "sample_rate_hz": str(sample_rate_hz),
            "language": language,
            "window": "fitted",  # one caller turn, no long silence inside: fast decoding is safe
        }
        if prompt:
            params["prompt"] = prompt
        if model and self._unserved_until.get(model, 0.0) <= time.monotonic():
            response = await self._post(pcm16, {**params, "model": model})
            if not _model_not_available(response):
                return _text(response)
            self._unserved_until[model] = time.monotonic() + UNSERVED_MODEL_RETRY_S
            _log.warning(
                "stt model not served, using the service's default",
                extra={"fields": {"model": model}},
            )
        return _text(await self._post(pcm16, params))

    async def _post(self, pcm16: bytes, params: dict[str, str]) -> httpx.Response:
        try:
            return await self._http.post(
                self._url,
                params=params,
                content=pcm16,
                headers=self._headers,
                timeout=self._timeout_s,
            )
        except httpx.TimeoutException as exc:
            raise ProviderError("stt timed out", provider="stt", retryable=True) from exc
        except httpx.HTTPError as exc:
            raise ProviderError(f"stt unreachable: {exc}", provider="stt", retryable=True) from exc


def _model_not_available(response: httpx.Response) -> bool:
    if response.status_code != 400:
        return False
    try:
        return bool(response.json()["error"]["code"] == "model_not_available")
    except (ValueError, KeyError, TypeError):
        return False


def _text(response: httpx.Response) -> str:
    if response.status_code != 200:
        raise status_error("stt", response.status_code)
    try:
        text = response.json()["text"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ProviderError("stt answered malformed JSON", provider="stt", retryable=False) from exc
    if not isinstance(text, str):
        raise ProviderError("stt text is not a string", provider="stt", retryable=False)
    return text.strip()
