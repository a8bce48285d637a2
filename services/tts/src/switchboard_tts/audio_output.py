"""Encoding synthesized audio as the client asked: raw PCM16, WAV, or 8 kHz G.711 mu-law."""

from __future__ import annotations

import struct
from enum import StrEnum

from switchboard_common.audio import Resampler, mulaw_encode
from switchboard_common.errors import UnsupportedSampleRateError
from switchboard_tts.engines.base import Pcm16
from switchboard_tts.errors import UnsupportedFormatError

MULAW_RATE_HZ = 8000
SUPPORTED_RATES_HZ = frozenset({8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000})
_STREAMING_SIZE = 0xFFFFFFFF


class OutputFormat(StrEnum):
    PCM = "pcm"
    WAV = "wav"
    MULAW = "mulaw"

    @property
    def media_type(self) -> str:
        return {
            OutputFormat.PCM: "audio/pcm",
            OutputFormat.WAV: "audio/wav",
            OutputFormat.MULAW: "audio/basic",
        }[self]


def parse_format(name: str) -> OutputFormat:
    aliases = {"pcm16": "pcm", "ulaw": "mulaw", "g711_ulaw": "mulaw"}
    value = aliases.get(name.lower(), name.lower())
    for fmt in OutputFormat:
        if fmt.value == value:
            return fmt
    raise UnsupportedFormatError(
        f"response_format {name!r} is not supported.",
        details={"supported": [f.value for f in OutputFormat]},
    )


def output_rate(fmt: OutputFormat, requested_hz: int | None, native_hz: int) -> int:
    """The rate to send: mu-law is always 8 kHz; PCM and WAV default to the voice's rate."""
    if fmt is OutputFormat.MULAW:
        if requested_hz not in (None, MULAW_RATE_HZ):
            raise UnsupportedSampleRateError("mulaw audio is always 8000 Hz.")
        return MULAW_RATE_HZ
    rate = requested_hz or native_hz
    if rate not in SUPPORTED_RATES_HZ and rate != native_hz:
        raise UnsupportedSampleRateError(
            f"Sample rate {rate} Hz is not supported.",
            details={"supported": sorted(SUPPORTED_RATES_HZ)},
        )
    return rate


def wav_header(sample_rate_hz: int, data_bytes: int | None = None) -> bytes:
    """A 44-byte PCM16 mono WAV header; without `data_bytes`, the streaming form whose sizes are
    0xFFFFFFFF (readers take the data to run to the end of the stream)."""
    data_size = _STREAMING_SIZE if data_bytes is None else data_bytes
    riff_size = _STREAMING_SIZE if data_bytes is None else 36 + data_bytes
    return (
        struct.pack("<4sI4s", b"RIFF", riff_size, b"WAVE")
        + struct.pack("<4sIHHIIHH", b"fmt ", 16, 1, 1, sample_rate_hz, sample_rate_hz * 2, 2, 16)
        + struct.pack("<4sI", b"data", data_size)
    )


class StreamEncoder:
    """Resamples and encodes one response's audio chunk by chunk (keeps filter state).

    `payload` bytes exclude the WAV header, so a cache can store them and rebuild an exact
    header on a hit.
    """

    def __init__(self, fmt: OutputFormat, native_rate_hz: int, out_rate_hz: int) -> None:
        self.format = fmt
        self.out_rate_hz = out_rate_hz
        self._resampler = Resampler(native_rate_hz, out_rate_hz)

    def header(self) -> bytes:
        return wav_header(self.out_rate_hz) if self.format is OutputFormat.WAV else b""

    def encode(self, pcm: Pcm16) -> bytes:
        return self._encode(self._resampler.process(pcm))

    def flush(self) -> bytes:
        return self._encode(self._resampler.flush())

    def _encode(self, pcm: Pcm16) -> bytes:
        if pcm.size == 0:
            return b""
        if self.format is OutputFormat.MULAW:
            return mulaw_encode(pcm)
        return pcm.astype("<i2", copy=False).tobytes()


def complete_body(fmt: OutputFormat, out_rate_hz: int, payload: bytes) -> bytes:
    """The whole response body for a cached payload (exact WAV sizes)."""
    if fmt is OutputFormat.WAV:
        return wav_header(out_rate_hz, len(payload)) + payload
    return payload
