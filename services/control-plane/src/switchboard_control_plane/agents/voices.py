"""The TTS service's voices: an agent version's ``engine:voice`` is checked against them at write
time (422 with the voices on offer), so a typo cannot silence a tenant's calls.

When the TTS service cannot be reached the last list fetched still decides; with none fetched
yet the version is accepted with a warning in the answer rather than refused: a speech outage
must not block fixing an agent, and the runtime speaks the service's default voice when a
voice fails, so an unchecked voice never means a silent call.
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
import wave
from collections.abc import Callable

import httpx
from pydantic import BaseModel, ValidationError

from switchboard_common.contract.tenant_config import TtsConfig
from switchboard_control_plane.errors import ControlPlaneError

_log = logging.getLogger(__name__)

VOICES_TIMEOUT_S = 2.0
VOICES_CACHE_S = 60.0
PREVIEW_TIMEOUT_S = 15.0


class ConfigWarning(BaseModel):
    """Something about an accepted version that could not be confirmed."""

    field: str
    code: str
    message: str


class UnknownVoiceError(ControlPlaneError):
    status_code = 422
    code = "validation_error"

    def __init__(self, voice_id: str, available: list[str]) -> None:
        detail = {
            "field": "tts.voice",
            "message": f"the TTS service has no voice {voice_id!r}",
            "type": "unknown_voice",
            "available": available,
        }
        super().__init__("The request is not valid.", details=[detail])


class VoicePreviewUnavailableError(ControlPlaneError):
    status_code = 503
    code = "tts_unavailable"

    def __init__(self) -> None:
        super().__init__(
            "The TTS service cannot be reached for a preview.", headers={"Retry-After": "5"}
        )


class VoicePreviewNotConfiguredError(ControlPlaneError):
    status_code = 404
    code = "voice_preview_not_configured"

    def __init__(self) -> None:
        super().__init__("This control plane has no TTS service (CONTROL_PLANE_TTS_URL).")


class _Voice(BaseModel):
    id: str


class _Engine(BaseModel):
    voices: list[_Voice]


class _VoicesAnswer(BaseModel):
    engines: list[_Engine]


class VoiceCatalog:
    """``GET {tts_url}/v1/voices``, cached for ``cache_s``; ``tts_url`` None checks nothing."""

    def __init__(
        self,
        tts_url: str | None,
        http: httpx.AsyncClient,
        *,
        token: str | None = None,
        timeout_s: float = VOICES_TIMEOUT_S,
        cache_s: float = VOICES_CACHE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = None if not tts_url else tts_url.rstrip("/") + "/v1/voices"
        self._http = http
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._timeout_s = timeout_s
        self._cache_s = cache_s
        self._clock = clock
        self._voices: list[str] | None = None
        self._fetched_at_s = 0.0
        self._lock = asyncio.Lock()

    async def check(self, tts: TtsConfig) -> list[ConfigWarning]:
        """Raises UnknownVoiceError for a voice the service does not offer; a warning when the
        voice could not be checked."""
        if self._url is None:
            return []
        voices = await self._current()
        if voices is None:
            message = "the TTS service could not be reached; the voice was not checked"
            return [ConfigWarning(field="tts.voice", code="voice_not_checked", message=message)]
        if tts.voice_id not in voices:
            raise UnknownVoiceError(tts.voice_id, voices)
        return []

    async def voices(self) -> list[str] | None:
        """The voices on offer (``engine:voice``); None when no list could be fetched."""
        return None if self._url is None else await self._current()

    async def preview(self, tts: TtsConfig, text: str) -> bytes:
        """``text`` spoken by the version's voice, as a WAV file (mono PCM16)."""
        if self._url is None:
            raise VoicePreviewNotConfiguredError()
        await self.check(tts)  # 422 for a voice the service does not offer
        body = {"input": text, "voice": tts.voice_id, "response_format": "pcm", "speed": tts.speed}
        try:
            response = await self._http.post(
                self._url.removesuffix("/v1/voices") + "/v1/audio/speech",
                json=body,
                headers=self._headers,
                timeout=PREVIEW_TIMEOUT_S,
            )
            response.raise_for_status()
            rate_hz = int(response.headers["X-Sample-Rate"])
        except (httpx.HTTPError, KeyError, ValueError) as error:
            _log.warning("tts preview failed", extra={"fields": {"error": type(error).__name__}})
            raise VoicePreviewUnavailableError() from error
        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(rate_hz)
            wav.writeframes(response.content)
        return out.getvalue()

    async def _current(self) -> list[str] | None:
        async with self._lock:
            fresh = self._clock() - self._fetched_at_s < self._cache_s
            if self._voices is None or not fresh:
                voices = await self._fetch()
                if voices is not None:
                    self._voices, self._fetched_at_s = voices, self._clock()
            return self._voices

    async def _fetch(self) -> list[str] | None:
        assert self._url is not None
        try:
            response = await self._http.get(
                self._url, headers=self._headers, timeout=self._timeout_s
            )
            response.raise_for_status()
            answer = _VoicesAnswer.model_validate_json(response.content)
        except (httpx.HTTPError, ValidationError) as error:
            _log.warning(
                "tts voices unavailable",
                extra={"fields": {"error": type(error).__name__, "url": self._url}},
            )
            return None
        return sorted(voice.id for engine in answer.engines for voice in engine.voices)
