"""The realtime session's media path: the call's ``MediaSink`` on one side, the client's
WebSocket (through ``RealtimeChannel``) on the other, with the audio converted at the edge.

Agent audio arrives as 24 kHz PCM16 (the TTS service streams it) and leaves as
``response.output_audio.delta`` in the session's output format. A realtime client sends no
playback marks, so a mark is echoed when the audio sent before it would have finished playing at
real time (what was sent counts as heard); ``send_clear`` (barge-in) echoes the pending marks at
once and tells the client ``speech_started``. Caller audio goes the other way:
the client's format decoded and resampled to PCM16 at the call's rate, in 20 ms frames.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from switchboard_common.audio import AudioEncoding, AudioFormat, Resampler
from switchboard_common.audio.convert import decode, encode
from switchboard_voice_runtime.realtime import server_events as ev
from switchboard_voice_runtime.realtime.channel import RealtimeChannel

AGENT_FORMAT = AudioFormat(AudioEncoding.PCM16, 24_000)
CALL_FORMAT = AudioFormat(AudioEncoding.PCM16, 16_000)
"""What the call core hears: 16 kHz PCM16 (its VAD takes 8/16/32/48 kHz, Whisper 16 kHz)."""

Send = Callable[[list[ev.Event]], Awaitable[None]]


class RealtimeMedia:
    """A ``MediaSink`` for one realtime session; ``hear`` feeds caller audio to the call."""

    audio_format: AudioFormat = AGENT_FORMAT
    clears_on_pause = False  # a clear tells the client the caller spoke (speech_started)

    def __init__(self, channel: RealtimeChannel, send: Send) -> None:
        self._channel = channel
        self._send = send
        self._play_end_s = 0.0
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._mark_played: Callable[[str], None] = lambda _name: None
        self._all_played: Callable[[], None] = lambda: None
        self._out: tuple[AudioFormat, Resampler] | None = None
        self._in: tuple[AudioFormat, Resampler] | None = None
        self._frame = bytearray()
        self.heard_ms = 0.0
        self._sent_ms = 0.0
        self._cut_ms: float | None = None
        self._client_stop = False

    def on_mark_played(
        self, callback: Callable[[str], None], all_played: Callable[[], None]
    ) -> None:
        """``callback`` per echoed mark; ``all_played`` once no mark is pending."""
        self._mark_played = callback
        self._all_played = all_played

    async def send_audio(self, payload: bytes) -> None:
        events: list[ev.Event] = []
        if not self._channel.responding_now:
            events += self._channel.response_started()
            self._sent_ms, self._cut_ms = 0.0, None
        audio = self._to_client(payload)
        if audio:  # a resampler holds the first few ms back
            events += self._channel.agent_audio(audio)
        now_s = time.monotonic()
        duration_ms = AGENT_FORMAT.ms_for_bytes(len(payload))
        self._sent_ms += duration_ms
        self._play_end_s = max(now_s, self._play_end_s) + duration_ms / 1000
        await self._send(events)

    @property
    def spoken_ms(self) -> float:
        """The current response's audio the client had by now: all of it, or up to a barge-in
        (sent minus what was still to play when it came)."""
        return self._sent_ms if self._cut_ms is None else self._cut_ms

    async def send_mark(self, name: str) -> None:
        self._channel.segment_sent()
        delay_s = max(0.0, self._play_end_s - time.monotonic())
        loop = asyncio.get_running_loop()
        self._pending[name] = loop.call_later(delay_s, self._played, name)

    def client_stops(self, stops: bool = True) -> None:
        """The client itself stops the output (``response.cancel``): the next clear is its
        own, not a barge-in, so it sends no ``speech_started`` (False: it stopped nothing)."""
        self._client_stop = stops

    async def send_clear(self) -> None:
        """Barge-in: the client hears ``speech_started`` (and stops playing); the response ends
        when the session publishes the interrupted turn."""
        now_s = time.monotonic()
        unplayed_ms = max(0.0, self._play_end_s - now_s) * 1000
        self._cut_ms = max(0.0, self._sent_ms - unplayed_ms)
        self._play_end_s = now_s
        client_stop, self._client_stop = self._client_stop, False
        if not client_stop and not self._channel.caller_speaking:
            await self._send(self._channel.speech_started(round(self.heard_ms)))
        for name, handle in list(self._pending.items()):
            handle.cancel()
            self._played(name)

    def _played(self, name: str) -> None:
        self._pending.pop(name, None)
        self._mark_played(name)
        if not self._pending:
            self._all_played()

    @property
    def playing(self) -> bool:
        return bool(self._pending)

    def _to_client(self, pcm24k: bytes) -> bytes:
        target = self._channel.settings.output_audio
        if target == AGENT_FORMAT:
            return pcm24k
        if self._out is None or self._out[0] != target:
            self._out = (target, Resampler(AGENT_FORMAT.sample_rate_hz, target.sample_rate_hz))
        resampled = self._out[1].process(decode(pcm24k, AudioEncoding.PCM16))
        return encode(resampled, target.encoding)

    def hear(self, audio: bytes, audio_format: AudioFormat) -> list[bytes]:
        """Caller audio from the client as 20 ms frames of PCM16 at the call's rate."""
        self.heard_ms += audio_format.ms_for_bytes(len(audio))
        if self._in is None or self._in[0] != audio_format:
            self._in = (
                audio_format,
                Resampler(audio_format.sample_rate_hz, CALL_FORMAT.sample_rate_hz),
            )
        if audio_format.encoding is AudioEncoding.PCM16 and len(audio) % 2:
            audio = audio[:-1]
        pcm = self._in[1].process(decode(audio, audio_format.encoding))
        self._frame += encode(pcm, AudioEncoding.PCM16)
        size = CALL_FORMAT.frame_bytes
        frames = [
            bytes(self._frame[i : i + size]) for i in range(0, len(self._frame) - size + 1, size)
        ]
        del self._frame[: len(frames) * size]
        return frames
