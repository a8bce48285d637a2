"""Client audio becomes 16 kHz float32, and bad audio a clear error."""

from __future__ import annotations

import io
import tracemalloc

import av
import numpy as np
import numpy.typing as npt
import pytest

from switchboard_common.audio import AudioEncoding, mulaw_encode, resample, wav_bytes
from switchboard_common.errors import UnsupportedSampleRateError
from switchboard_stt.audio_input import decode_file, decode_raw, parse_encoding
from switchboard_stt.errors import (
    AudioTooLongError,
    EmptyAudioError,
    InvalidAudioError,
    UnsupportedEncodingError,
)

MAX_AUDIO_S = 120.0


@pytest.mark.parametrize(
    ("name", "expected"),
    [("pcm16", AudioEncoding.PCM16), ("PCM", AudioEncoding.PCM16), ("ulaw", AudioEncoding.MULAW)],
)
def test_encoding_names_and_aliases_are_understood(name: str, expected: AudioEncoding) -> None:
    assert parse_encoding(name) is expected


@pytest.mark.parametrize("name", ["alaw", "opus", ""])
def test_other_encodings_are_unsupported(name: str) -> None:
    with pytest.raises(UnsupportedEncodingError):
        parse_encoding(name)


def test_8_khz_mulaw_is_decoded_and_upsampled(clip_pcm16: npt.NDArray[np.int16]) -> None:
    telephone = mulaw_encode(resample(clip_pcm16, 16_000, 8_000))
    samples = decode_raw(telephone, AudioEncoding.MULAW, 8_000, max_audio_s=MAX_AUDIO_S)
    assert samples.dtype == np.float32
    assert abs(samples.size - clip_pcm16.size) <= 2
    assert 0.05 < float(np.abs(samples).max()) <= 1.0


def test_raw_pcm16_must_hold_whole_samples() -> None:
    with pytest.raises(InvalidAudioError):
        decode_raw(b"\x00\x01\x02", AudioEncoding.PCM16, 16_000, max_audio_s=MAX_AUDIO_S)


def test_raw_audio_at_an_odd_rate_is_refused() -> None:
    with pytest.raises(UnsupportedSampleRateError):
        decode_raw(b"\x00\x00" * 100, AudioEncoding.PCM16, 12_345, max_audio_s=MAX_AUDIO_S)


def test_no_bytes_is_empty_audio() -> None:
    with pytest.raises(EmptyAudioError):
        decode_raw(b"", AudioEncoding.MULAW, 8_000, max_audio_s=MAX_AUDIO_S)
    with pytest.raises(EmptyAudioError):
        decode_file(b"", max_audio_s=MAX_AUDIO_S)


def test_stereo_44_1_khz_wav_is_mixed_down_and_resampled(clip_pcm16: npt.NDArray[np.int16]) -> None:
    at_44k = resample(clip_pcm16, 16_000, 44_100)
    stereo = np.stack([at_44k, at_44k], axis=1).reshape(-1)
    samples = decode_file(wav_bytes(stereo, 44_100, channels=2), max_audio_s=MAX_AUDIO_S)
    assert abs(samples.size - clip_pcm16.size) <= 2


def test_compressed_files_are_decoded_through_pyav(clip_pcm16: npt.NDArray[np.int16]) -> None:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="flac") as container:
        stream = container.add_stream("flac", rate=16_000, layout="mono")
        frame = av.AudioFrame.from_ndarray(clip_pcm16.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = 16_000
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    samples = decode_file(buffer.getvalue(), max_audio_s=MAX_AUDIO_S)
    assert abs(samples.size - clip_pcm16.size) <= 16


def test_a_file_that_is_not_audio_is_invalid() -> None:
    with pytest.raises(InvalidAudioError):
        decode_file(b"This is a text file, not a recording." * 20, max_audio_s=MAX_AUDIO_S)


def test_a_wav_header_without_samples_is_empty() -> None:
    with pytest.raises(EmptyAudioError):
        decode_file(wav_bytes(np.zeros(0, dtype=np.int16), 16_000), max_audio_s=MAX_AUDIO_S)


class _WriteOnly:
    """A sink PyAV cannot seek back into: the FLAC header then declares no duration."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, chunk: bytes) -> int:
        self.data += bytes(chunk)
        return len(chunk)


def silent_flac(duration_s: int, *, declare_duration: bool) -> bytes:
    """FLAC of digital silence at 8 kHz: a few hundred bytes per minute."""
    target: io.BytesIO | _WriteOnly = io.BytesIO() if declare_duration else _WriteOnly()
    with av.open(target, "w", format="flac") as container:
        stream = container.add_stream("flac", rate=8_000, layout="mono")
        ten_s = np.zeros((1, 80_000), dtype=np.int16)
        for _ in range(duration_s // 10):
            frame = av.AudioFrame.from_ndarray(ten_s, format="s16", layout="mono")
            frame.sample_rate = 8_000
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return target.getvalue() if isinstance(target, io.BytesIO) else bytes(target.data)


def test_a_small_flac_of_long_audio_is_refused_before_it_is_all_decoded() -> None:
    twenty_minutes = silent_flac(1200, declare_duration=False)
    assert len(twenty_minutes) < 300_000
    tracemalloc.start()
    try:
        with pytest.raises(AudioTooLongError) as refused:
            decode_file(twenty_minutes, max_audio_s=60.0)
        _, peak_bytes = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.details == {"max_audio_s": 60.0}
    # All of it at 16 kHz would take 38 MB as PCM16 and 77 MB as float32; 60 s takes 1.9 MB.
    assert peak_bytes < 8 * 1024 * 1024


def test_a_file_declaring_a_duration_over_the_cap_is_refused_at_once() -> None:
    with pytest.raises(AudioTooLongError):
        decode_file(silent_flac(200, declare_duration=True), max_audio_s=120.0)


def test_compressed_audio_within_the_cap_is_decoded_whole() -> None:
    samples = decode_file(silent_flac(60, declare_duration=False), max_audio_s=MAX_AUDIO_S)
    assert samples.size == 60 * 16_000


def test_raw_audio_over_the_cap_is_refused_from_its_length() -> None:
    two_minutes_and_a_bit = b"\xff" * (8_000 * 121)
    with pytest.raises(AudioTooLongError):
        decode_raw(two_minutes_and_a_bit, AudioEncoding.MULAW, 8_000, max_audio_s=120.0)
    assert decode_raw(b"\xff" * 8_000 * 119, AudioEncoding.MULAW, 8_000, max_audio_s=120.0).size


def test_a_wav_over_the_cap_is_refused() -> None:
    three_s = wav_bytes(np.zeros(3 * 16_000, dtype=np.int16), 16_000)
    with pytest.raises(AudioTooLongError):
        decode_file(three_s, max_audio_s=2.0)
