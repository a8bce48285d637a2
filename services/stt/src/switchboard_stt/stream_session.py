"""One /v1/stream connection's audio: decoded, resampled to 16 kHz and cut into utterances.

Pure state, no I/O: the websocket handler feeds frames in and takes utterances out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from switchboard_common.audio import AudioFormat, Resampler
from switchboard_stt.audio_input import to_pcm16
from switchboard_stt.transcriber import SAMPLE_RATE_HZ, Samples

_PCM16_SCALE = 1.0 / 32768.0


@dataclass(frozen=True, slots=True)
class AudioSpan:
    """Audio of the current utterance, with its place in the stream (ms since `start`)."""

    utterance: int
    samples: Samples
    start_ms: int
    end_ms: int

    @property
    def sample_count(self) -> int:
        return int(self.samples.size)


class StreamSession:
    """Buffers the current utterance; knows when a partial is due and when it must end."""

    def __init__(
        self, fmt: AudioFormat, *, partial_interval_ms: int, max_utterance_ms: int
    ) -> None:
        self.format = fmt
        self._partial_interval_ms = partial_interval_ms
        self._max_utterance_ms = max_utterance_ms
        self._resampler = Resampler(fmt.sample_rate_hz, SAMPLE_RATE_HZ)
        self._pcm = bytearray()
        self._input_samples = 0
        self._utterance_start_input = 0
        self._last_partial_input = 0
        self.utterance = 0

    def push(self, frame: bytes) -> None:
        """Adds one binary frame. Raises InvalidAudioError for a PCM16 frame of odd length."""
        pcm = to_pcm16(frame, self.format.encoding)
        self._input_samples += pcm.size
        self._pcm.extend(self._resampler.process(pcm).astype("<i2").tobytes())

    @property
    def utterance_ms(self) -> int:
        return self._to_ms(self._input_samples - self._utterance_start_input)

    def partial_due(self) -> bool:
        """True once `partial_interval_ms` of new audio arrived (never when the interval is 0)."""
        if self._partial_interval_ms <= 0:
            return False
        new_samples = self._input_samples - self._last_partial_input
        return self._to_ms(new_samples) >= self._partial_interval_ms

    def must_finalize(self) -> bool:
        return self.utterance_ms >= self._max_utterance_ms

    def snapshot(self) -> AudioSpan:
        """The utterance so far, for a partial; marks the partial as taken."""
        self._last_partial_input = self._input_samples
        return self._span(bytes(self._pcm))

    def finish_utterance(self) -> AudioSpan:
        """The whole utterance (resampler tail included); the next one starts empty."""
        self._pcm.extend(self._resampler.flush().astype("<i2").tobytes())
        span = self._span(bytes(self._pcm))
        self._pcm.clear()
        self._resampler = Resampler(self.format.sample_rate_hz, SAMPLE_RATE_HZ)
        self._utterance_start_input = self._input_samples
        self._last_partial_input = self._input_samples
        self.utterance += 1
        return span

    def _span(self, pcm_bytes: bytes) -> AudioSpan:
        samples = np.frombuffer(pcm_bytes, dtype="<i2").astype(np.float32) * _PCM16_SCALE
        return AudioSpan(
            utterance=self.utterance,
            samples=samples.astype(np.float32, copy=False),
            start_ms=self._to_ms(self._utterance_start_input),
            end_ms=self._to_ms(self._input_samples),
        )

    def _to_ms(self, input_samples: int) -> int:
        return input_samples * 1000 // self.format.sample_rate_hz
