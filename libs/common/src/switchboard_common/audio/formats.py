"""Value types that name an audio stream's encoding and rate."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AudioEncoding(StrEnum):
    PCM16 = "pcm16"
    MULAW = "mulaw"
    ALAW = "alaw"

    @property
    def bytes_per_sample(self) -> int:
        return 2 if self is AudioEncoding.PCM16 else 1


@dataclass(frozen=True, slots=True)
class AudioFormat:
    """Mono audio: encoding plus sample rate in Hz."""

    encoding: AudioEncoding
    sample_rate_hz: int

    def bytes_for_ms(self, duration_ms: int) -> int:
        return self.sample_rate_hz * duration_ms // 1000 * self.encoding.bytes_per_sample

    def ms_for_bytes(self, n_bytes: int) -> float:
        return n_bytes / self.encoding.bytes_per_sample / self.sample_rate_hz * 1000.0


TELEPHONY_MULAW = AudioFormat(AudioEncoding.MULAW, 8000)
