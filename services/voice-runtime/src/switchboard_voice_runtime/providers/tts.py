"""Text to speech: the port, its streaming HTTP adapter, and the cache of repeated phrases."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Protocol

import httpx
from pydantic import SecretStr

from switchboard_common.service_token import bearer_headers
from switchboard_voice_runtime.providers.errors import ProviderError

SpeechKey = tuple[str, float, str]
"""(voice_id, speed, text)."""


class TextToSpeech(Protocol):
    def stream(self, text: str, *, voice_id: str, speed: float) -> AsyncIterator[bytes]:
        """Raw 8 kHz mu-law audio in chunks of any size as it is synthesized; raises
        ProviderError (also mid-stream). Closing the iterator abandons the request."""


class HttpTextToSpeech:
    """Switchboard's TTS service: ``POST /v1/audio/speech`` with ``response_format=mulaw``, with
    the service token when one is set."""

    def __init__(
        self,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        timeout_s: float = 3.0,
        token: SecretStr | None = None,
    ) -> None:
        self._url = base_url.rstrip("/") + "/v1/audio/speech"
        self._http = http
        self._timeout_s = timeout_s
        self._headers = bearer_headers(token)

    async def stream(self, text: str, *, voice_id: str, speed: float) -> AsyncIterator[bytes]:
        body = {
            "model": voice_id.split(":", 1)[0],
            "input": text,
            "voice": voice_id,
            "response_format": "mulaw",
            "speed": speed,
            "sample_rate_hz": 8000,
        }
        try:
            async with self._http.stream(
                "POST", self._url, json=body, headers=self._headers, timeout=self._timeout_s
            ) as response:
                if response.status_code != 200:
                    raise ProviderError(
                        f"tts answered {response.status_code}",
                        provider="tts",
                        retryable=response.status_code >= 500 or response.status_code == 429,
                    )
                async for chunk in response.aiter_bytes():
                    if chunk:
                        yield chunk
        except httpx.TimeoutException as exc:
            raise ProviderError("tts timed out", provider="tts", retryable=True) from exc
        except httpx.HTTPError as exc:
            raise ProviderError(f"tts failed: {exc}", provider="tts", retryable=True) from exc


async def synthesize(tts: TextToSpeech, text: str, *, voice_id: str, speed: float) -> bytes:
    """The whole utterance at once."""
    audio = bytearray()
    async for chunk in tts.stream(text, voice_id=voice_id, speed=speed):
        audio.extend(chunk)
    return bytes(audio)


class SpeechCache:
    """Bounded LRU of synthesized phrases (greetings, apologies); in-flight syntheses are
    shared, so a call that starts while its greeting is being pre-warmed waits for it."""

    def __init__(self, max_entries: int = 512) -> None:
        self._max_entries = max_entries
        self._audio: OrderedDict[SpeechKey, bytes] = OrderedDict()
        self._pending: dict[SpeechKey, asyncio.Future[bytes | None]] = {}

    def get(self, key: SpeechKey) -> bytes | None:
        audio = self._audio.get(key)
        if audio is not None:
            self._audio.move_to_end(key)
        return audio

    def put(self, key: SpeechKey, audio: bytes) -> None:
        self._audio[key] = audio
        self._audio.move_to_end(key)
        while len(self._audio) > self._max_entries:
            self._audio.popitem(last=False)

    async def wait(self, key: SpeechKey) -> bytes | None:
        """The cached audio, or the result of a synthesis in flight, or None."""
        audio = self.get(key)
        if audio is not None:
            return audio
        pending = self._pending.get(key)
        return None if pending is None else await asyncio.shield(pending)

    async def fill(self, tts: TextToSpeech, key: SpeechKey) -> bytes | None:
        """Synthesizes the phrase unless cached or in flight; None when synthesis failed."""
        if key in self._audio or key in self._pending:
            return await self.wait(key)
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        voice_id, speed, text = key
        audio: bytes | None = None
        try:
            audio = await synthesize(tts, text, voice_id=voice_id, speed=speed) or None
        except ProviderError:
            audio = None
        finally:
            del self._pending[key]
            if audio is not None:
                self.put(key, audio)
            future.set_result(audio)
        return audio
