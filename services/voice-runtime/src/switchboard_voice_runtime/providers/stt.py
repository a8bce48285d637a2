"""Speech to text: the port the call session transcribes through, and its HTTP adapter."""

from __future__ import annotations

from typing import Protocol

import httpx
from pydantic import SecretStr

from switchboard_common.service_token import bearer_headers
from switchboard_voice_runtime.providers.errors import ProviderError


class SpeechToText(Protocol):
    async def transcribe(self, pcm16: bytes, *, sample_rate_hz: int, language: str) -> str:
        """Transcribes mono PCM16 little-endian audio; raises ProviderError. Cancellable: a
        cancelled call abandons the request."""


class HttpSpeechToText:
    """Switchboard's STT service, raw path: ``POST /v1/audio/transcriptions?encoding=pcm16``,
    with the service token when one is set."""

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

    async def transcribe(self, pcm16: bytes, *, sample_rate_hz: int, language: str) -> str:
        params = {
            "encoding": "pcm16",
            "sample_rate_hz": str(sample_rate_hz),
            "language": language,
            "window": "fitted",  # one caller turn, no long silence inside: fast decoding is safe
        }
        try:
            response = await self._http.post(
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
        if response.status_code != 200:
            raise ProviderError(
                f"stt answered {response.status_code}",
                provider="stt",
                retryable=response.status_code >= 500 or response.status_code == 429,
            )
        try:
            text = response.json()["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ProviderError(
                "stt answered malformed JSON", provider="stt", retryable=False
            ) from exc
        if not isinstance(text, str):
            raise ProviderError("stt text is not a string", provider="stt", retryable=False)
        return text.strip()
