"""Value types that name an audio stream's encoding, rate and frame length."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AudioEncoding(StrEnum):
    PCM16 = "pcm16"
    """Signed 16-bit little-endian (what the call core, VAD and STT work in)."""
    MULAW = "mulaw"
    """G.711 mu-law (PCMU)."""
    ALAW = "alaw"
    """G.711 A-law (PCMA)."""
    L16 = "l16"
    """Signed 16-bit big-endian (RFC 3551 L16, network byte order)."""

    @property
    def bytes_per_sample(self) -> int:
        return 2 if self in (AudioEncoding.PCM16, AudioEncoding.L16) else 1

    @property
    def silence_byte(self) -> int:
        """The byte that, repeated, is silence (0xFF for mu-law, 0xD5 for A-law, else 0)."""
        return {AudioEncoding.MULAW: 0xFF, AudioEncoding.ALAW: 0xD5}.get(self, 0)


@dataclass(frozen=True, slots=True)
class AudioFormat:
    """Mono audio: encoding, sample rate in Hz and the frame length it travels in."""

    encoding: AudioEncoding
    sample_rate_hz: int
    frame_ms: int = 20

    def bytes_for_ms(self, duration_ms: int) -> int:
        return self.sample_rate_hz * duration_ms // 1000 * self.encoding.bytes_per_sample

    def ms_for_bytes(self, n_bytes: int) -> float:
        return n_bytes / self.encoding.bytes_per_sample / self.sample_rate_hz * 1000.0

    @property
    def frame_bytes(self) -> int:
        """Bytes in one frame (160 for 20 ms of 8 kHz mu-law, 640 for 16 kHz PCM16)."""
        return self.bytes_for_ms(self.frame_ms)

    @property
    def frame_s(self) -> float:
        return self.frame_ms / 1000.0

    def pcm16(self) -> AudioFormat:
        """PCM16 at this rate and frame length (what this stream decodes to)."""
        return AudioFormat(AudioEncoding.PCM16, self.sample_rate_hz, self.frame_ms)


TELEPHONY_MULAW = AudioFormat(AudioEncoding.MULAW, 8000)
TELEPHONY_PCM16 = AudioFormat(AudioEncoding.PCM16, 8000)
