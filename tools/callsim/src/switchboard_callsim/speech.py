"""Clients of the speech services: the caller's voice (TTS) and hearing the agent (STT)."""

from __future__ import annotations

import httpx
from pydantic import SecretStr

from switchboard_common.service_token import bearer_headers

DEFAULT_CALLER_VOICE = "piper:en_US-joe-medium"


class SpeechServiceError(RuntimeError):
    """A speech service failed or answered something unusable."""


def _bearer(token: str | None) -> dict[str, str]:
    return bearer_headers(SecretStr(token) if token else None)


class SpeechClient:
    """Synthesizes caller utterances as 8 kHz mu-law and transcribes agent audio; the tokens are
    the services' own (their STT_SERVICE_TOKEN, TTS_SERVICE_TOKEN) when they require one."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        tts_url: str | None,
        stt_url: str | None,
        voice: str = DEFAULT_CALLER_VOICE,
        tts_token: str | None = None,
        stt_token: str | None = None,
    ) -> None:
        self._http = http
        self._tts_headers = _bearer(tts_token)
        self._stt_headers = _bearer(stt_token)
        self._tts_url = tts_url.rstrip("/") if tts_url else None
        self._stt_url = stt_url.rstrip("/") if stt_url else None
        self._voice = voice

    @property
    def can_transcribe(self) -> bool:
        return self._stt_url is not None

    async def synthesize(self, text: str) -> bytes:
        """Raw 8 kHz mu-law for ``text``, read from the streamed response."""
        if self._tts_url is None:
            raise SpeechServiceError("a 'say' step needs a TTS service (tts_url)")
        body = {
            "model": "piper",
            "input": text,
            "voice": self._voice,
            "response_format": "mulaw",
            "sample_rate_hz": 8000,
        }
        audio = bytearray()
        try:
            async with self._http.stream(
                "POST", f"{self._tts_url}/v1/audio/speech", json=body, headers=self._tts_headers
            ) as r:
                if r.status_code != 200:
                    detail = (await r.aread()).decode(errors="replace")[:300]
                    raise SpeechServiceError(f"TTS answered {r.status_code}: {detail}")
                async for chunk in r.aiter_bytes():
                    audio.extend(chunk)
        except httpx.HTTPError as exc:
            raise SpeechServiceError(f"TTS request failed: {exc!r}") from exc
        if not audio:
            raise SpeechServiceError("TTS returned no audio")
        return bytes(audio)

    async def transcribe(self, mulaw: bytes) -> str:
        """The STT service's transcript of 8 kHz mu-law audio ('' for no audio)."""
        if self._stt_url is None:
            raise SpeechServiceError("transcription needs an STT service (stt_url)")
        if not mulaw:
            return ""
        try:
            response = await self._http.post(
                f"{self._stt_url}/v1/audio/transcriptions",
                params={"encoding": "mulaw", "sample_rate_hz": "8000"},
                content=mulaw,
                headers={"Content-Type": "application/octet-stream", **self._stt_headers},
            )
        except httpx.HTTPError as exc:
            raise SpeechServiceError(f"STT request failed: {exc!r}") from exc
        if response.status_code != 200:
            raise SpeechServiceError(f"STT answered {response.status_code}: {response.text[:300]}")
        text = response.json().get("text")
        if not isinstance(text, str):
            raise SpeechServiceError("STT answer has no 'text' string")
        return text.strip()
