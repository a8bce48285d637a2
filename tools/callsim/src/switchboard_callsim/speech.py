"""Clients of the speech services: the caller's voice (TTS) and hearing the agent (STT)."""

from __future__ import annotations

import httpx

DEFAULT_CALLER_VOICE = "piper:en_US-joe-medium"


class SpeechServiceError(RuntimeError):
    """A speech service failed or answered something unusable."""


class SpeechClient:
    """Synthesizes caller utterances as 8 kHz mu-law and transcribes agent audio."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        tts_url: str | None,
        stt_url: str | None,
        voice: str = DEFAULT_CALLER_VOICE,
    ) -> None:
        self._http = http
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
                "POST", f"{self._tts_url}/v1/audio/speech", json=body
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
                headers={"Content-Type": "application/octet-stream"},
            )
        except httpx.HTTPError as exc:
            raise SpeechServiceError(f"STT request failed: {exc!r}") from exc
        if response.status_code != 200:
            raise SpeechServiceError(f"STT answered {response.status_code}: {response.text[:300]}")
        text = response.json().get("text")
        if not isinstance(text, str):
            raise SpeechServiceError("STT answer has no 'text' string")
        return text.strip()
