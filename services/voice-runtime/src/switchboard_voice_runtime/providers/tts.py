"""Text to speech: the port, its streaming HTTP adapter, and the cache of repeated phrases."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Protocol

import httpx
from pydantic import SecretStr

from switchboard_common.audio import TELEPHONY_MULAW, AudioEncoding, AudioFormat
from switchboard_common.service_token import bearer_headers
from switchboard_voice_runtime.providers.errors import ProviderError, status_error

_log = logging.getLogger(__name__)

SpeechKey = tuple[str, float, str]
"""(voice_id, speed, text)."""


class TextToSpeech(Protocol):
    def stream(
        self, text: str, *, voice_id: str, speed: float, audio_format: AudioFormat = TELEPHONY_MULAW
    ) -> AsyncIterator[bytes]:
        """Raw audio in ``audio_format`` (mu-law or PCM16, at its rate) in chunks of any size
        as it is synthesized; raises ProviderError (also mid-stream). Closing the iterator
        abandons the request."""


_RESPONSE_FORMATS = {AudioEncoding.MULAW: "mulaw", AudioEncoding.PCM16: "pcm"}
"""What the TTS service streams raw; an edge whose wire wants another encoding converts."""


def response_format(audio_format: AudioFormat) -> str:
    """The TTS service's ``response_format`` for ``audio_format``; ValueError when it has none."""
    name = _RESPONSE_FORMATS.get(audio_format.encoding)
    if name is None:
        raise ValueError(f"the TTS service does not stream {audio_format.encoding}")
    return name


_VOICE_REFUSALS = frozenset({"unknown_voice", "engine_unavailable"})
"""The TTS service's error codes that mean "not this voice" (another voice may work)."""
_VOICE_RETRY_S = 300.0


class _VoiceRefusedError(Exception):
    """The TTS service refused the voice itself (not the text, not its own health)."""


class HttpTextToSpeech:
    """Switchboard's TTS service: ``POST /v1/audio/speech`` with the ``response_format`` and
    ``sample_rate_hz`` of the format asked for, with the service token when one is set.

    A voice the service refuses (unknown, or its engine failed to load) falls back to the
    service's default voice, never to silence; the refused voice is skipped for
    ``_VOICE_RETRY_S`` and logged once per refusal.
    """

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
        self._refused_at_s: dict[str, float] = {}
        self._headers = bearer_headers(token)

    async def stream(
        self, text: str, *, voice_id: str, speed: float, audio_format: AudioFormat = TELEPHONY_MULAW
    ) -> AsyncIterator[bytes]:
        voice: str | None = None if self._recently_refused(voice_id) else voice_id
        try:
            async for chunk in self._stream(text, voice, speed, audio_format):
                yield chunk
            return
        except _VoiceRefusedError:
            self._refused_at_s[voice_id] = time.monotonic()
            _log.warning(
                "tts voice refused, default voice used", extra={"fields": {"voice": voice_id}}
            )
        async for chunk in self._stream(text, None, speed, audio_format):
            yield chunk

    def _recently_refused(self, voice_id: str) -> bool:
        refused_at_s = self._refused_at_s.get(voice_id)
        return refused_at_s is not None and time.monotonic() - refused_at_s < _VOICE_RETRY_S

    async def _stream(
        self, text: str, voice_id: str | None, speed: float, audio_format: AudioFormat
    ) -> AsyncIterator[bytes]:
        """One request; ``voice_id`` None asks for the service's default voice."""
        body: dict[str, object] = {
            "input": text,
            "response_format": response_format(audio_format),
            "speed": speed,
            "sample_rate_hz": audio_format.sample_rate_hz,
        }
        if voice_id is not None:
            body |= {"model": voice_id.split(":", 1)[0], "voice": voice_id}
        try:
            async with self._http.stream(
                "POST", self._url, json=body, headers=self._headers, timeout=self._timeout_s
            ) as response:
                if response.status_code != 200:
                    if voice_id is not None and await _refuses_voice(response):
                        raise _VoiceRefusedError(voice_id)
                    raise status_error("tts", response.status_code)
                async for chunk in response.aiter_bytes():
                    if chunk:
                        yield chunk
        except httpx.TimeoutException as exc:
            raise ProviderError("tts timed out", provider="tts", retryable=True) from exc
        except httpx.HTTPError as exc:
            raise ProviderError(f"tts failed: {exc}", provider="tts", retryable=True) from exc


async def _refuses_voice(response: httpx.Response) -> bool:
    """Whether an error answer's stable code says the voice was the problem."""
    try:
        error = json.loads(await response.aread()).get("error", {})
    except (ValueError, AttributeError):
        return False
    return isinstance(error, dict) and error.get("code") in _VOICE_REFUSALS


async def synthesize(
    tts: TextToSpeech,
    text: str,
    *,
    voice_id: str,
    speed: float,
    audio_format: AudioFormat = TELEPHONY_MULAW,
) -> bytes:
    """The whole utterance at once."""
    audio = bytearray()
    async for chunk in tts.stream(text, voice_id=voice_id, speed=speed, audio_format=audio_format):
        audio.extend(chunk)
    return bytes(audio)


_Entry = tuple[SpeechKey, AudioFormat]


class SpeechCache:
    """Bounded LRU of synthesized phrases (greetings, apologies) per audio format; in-flight
    syntheses are shared, so a call that starts while its greeting is being pre-warmed waits
    for it."""

    def __init__(self, max_entries: int = 512) -> None:
        self._max_entries = max_entries
        self._audio: OrderedDict[_Entry, bytes] = OrderedDict()
        self._pending: dict[_Entry, asyncio.Future[bytes | None]] = {}

    def get(self, key: SpeechKey, fmt: AudioFormat = TELEPHONY_MULAW) -> bytes | None:
        audio = self._audio.get((key, fmt))
        if audio is not None:
            self._audio.move_to_end((key, fmt))
        return audio

    def put(self, key: SpeechKey, audio: bytes, fmt: AudioFormat = TELEPHONY_MULAW) -> None:
        self._audio[(key, fmt)] = audio
        self._audio.move_to_end((key, fmt))
        while len(self._audio) > self._max_entries:
            self._audio.popitem(last=False)

    async def wait(self, key: SpeechKey, fmt: AudioFormat = TELEPHONY_MULAW) -> bytes | None:
        """The cached audio, or the result of a synthesis in flight, or None."""
        audio = self.get(key, fmt)
        if audio is not None:
            return audio
        pending = self._pending.get((key, fmt))
        return None if pending is None else await asyncio.shield(pending)

    async def fill(
        self, tts: TextToSpeech, key: SpeechKey, fmt: AudioFormat = TELEPHONY_MULAW
    ) -> bytes | None:
        """Synthesizes the phrase unless cached or in flight; None when synthesis failed."""
        entry = (key, fmt)
        if entry in self._audio or entry in self._pending:
            return await self.wait(key, fmt)
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._pending[entry] = future
        voice_id, speed, text = key
        audio: bytes | None = None
        try:
            audio = (
                await synthesize(tts, text, voice_id=voice_id, speed=speed, audio_format=fmt)
                or None
            )
        except ProviderError:
            audio = None
        finally:
            del self._pending[entry]
            if audio is not None:
                self.put(key, audio, fmt)
            future.set_result(audio)
        return audio
