"""Output encodings: WAV headers, mu-law at 8 kHz, resampling, format names."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest

from switchboard_common.audio import mulaw_decode
from switchboard_common.errors import UnsupportedSampleRateError
from switchboard_tts.audio_output import (
    OutputFormat,
    StreamEncoder,
    complete_body,
    output_rate,
    parse_format,
    wav_header,
)
from switchboard_tts.errors import UnsupportedFormatError


def _tone(rate_hz: int, duration_ms: int) -> np.ndarray[tuple[int], np.dtype[np.int16]]:
    t = np.arange(rate_hz * duration_ms // 1000) / rate_hz
    return (np.sin(2 * np.pi * 440 * t) * 10000).astype(np.int16)


def test_format_names_and_aliases() -> None:
    assert parse_format("PCM16") is OutputFormat.PCM
    assert parse_format("ulaw") is OutputFormat.MULAW
    with pytest.raises(UnsupportedFormatError):
        parse_format("mp3")


def test_mulaw_is_always_8_khz_and_pcm_defaults_to_the_voice_rate() -> None:
    assert output_rate(OutputFormat.MULAW, None, 22050) == 8000
    assert output_rate(OutputFormat.PCM, None, 22050) == 22050
    assert output_rate(OutputFormat.WAV, 16000, 22050) == 16000
    with pytest.raises(UnsupportedSampleRateError):
        output_rate(OutputFormat.MULAW, 16000, 22050)
    with pytest.raises(UnsupportedSampleRateError):
        output_rate(OutputFormat.PCM, 12345, 22050)


def test_streamed_mulaw_is_resampled_chunk_by_chunk_without_losing_samples() -> None:
    encoder = StreamEncoder(OutputFormat.MULAW, 22050, 8000)
    tone = _tone(22050, 1000)
    out = b"".join(encoder.encode(chunk) for chunk in np.array_split(tone, 7)) + encoder.flush()
    assert abs(len(out) - 8000) <= 2
    decoded = mulaw_decode(out)
    assert 8000 < int(np.abs(decoded).max()) < 12000


def test_a_streaming_wav_is_readable_by_the_wave_module() -> None:
    encoder = StreamEncoder(OutputFormat.WAV, 22050, 16000)
    body = encoder.header() + encoder.encode(_tone(22050, 500)) + encoder.flush()
    with wave.open(io.BytesIO(body)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        assert abs(len(wav.readframes(10**9)) // 2 - 8000) <= 2


def test_a_complete_wav_has_exact_sizes() -> None:
    payload = _tone(8000, 100).tobytes()
    body = complete_body(OutputFormat.WAV, 8000, payload)
    with wave.open(io.BytesIO(body)) as wav:
        assert wav.getnframes() == 800
    assert len(wav_header(8000)) == 44
    assert complete_body(OutputFormat.PCM, 8000, payload) == payload
