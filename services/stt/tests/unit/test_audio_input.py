"""Client audio becomes 16 kHz float32, and bad audio a clear error."""

from __future__ import annotations

import io

import av
import numpy as np
import numpy.typing as npt
import pytest

from switchboard_common.audio import AudioEncoding, mulaw_encode, resample, wav_bytes
from switchboard_common.errors import UnsupportedSampleRateError
from switchboard_stt.audio_input import decode_file, decode_raw, parse_encoding
from switchboard_stt.errors import EmptyAudioError, InvalidAudioError, UnsupportedEncodingError


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
    samples = decode_raw(telephone, AudioEncoding.MULAW, 8_000)
    assert samples.dtype == np.float32
    assert abs(samples.size - clip_pcm16.size) <= 2
    assert 0.05 < float(np.abs(samples).max()) <= 1.0


def test_raw_pcm16_must_hold_whole_samples() -> None:
    with pytest.raises(InvalidAudioError):
        decode_raw(b"\x00\x01\x02", AudioEncoding.PCM16, 16_000)


def test_raw_audio_at_an_odd_rate_is_refused() -> None:
    with pytest.raises(UnsupportedSampleRateError):
        decode_raw(b"\x00\x00" * 100, AudioEncoding.PCM16, 12_345)


def test_no_bytes_is_empty_audio() -> None:
    with pytest.raises(EmptyAudioError):
        decode_raw(b"", AudioEncoding.MULAW, 8_000)
    with pytest.raises(EmptyAudioError):
        decode_file(b"")


def test_stereo_44_1_khz_wav_is_mixed_down_and_resampled(clip_pcm16: npt.NDArray[np.int16]) -> None:
    at_44k = resample(clip_pcm16, 16_000, 44_100)
    stereo = np.stack([at_44k, at_44k], axis=1).reshape(-1)
    samples = decode_file(wav_bytes(stereo, 44_100, channels=2))
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
    samples = decode_file(buffer.getvalue())
    assert abs(samples.size - clip_pcm16.size) <= 16


def test_a_file_that_is_not_audio_is_invalid() -> None:
    with pytest.raises(InvalidAudioError):
        decode_file(b"This is a text file, not a recording." * 20)


def test_a_wav_header_without_samples_is_empty() -> None:
    with pytest.raises(EmptyAudioError):
        decode_file(wav_bytes(np.zeros(0, dtype=np.int16), 16_000))
