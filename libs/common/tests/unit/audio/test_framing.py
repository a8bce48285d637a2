"""Framing into 20 ms frames and WAV round trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from switchboard_common.audio import (
    AudioEncoding,
    AudioFormat,
    FrameSplitter,
    frame_bytes,
    read_wav,
    wav_bytes,
    write_wav,
)
from switchboard_common.audio.formats import TELEPHONY_MULAW
from switchboard_common.audio.wav import WavFormatError


def test_frame_sizes_for_telephony_and_pcm16() -> None:
    assert frame_bytes(TELEPHONY_MULAW) == 160
    assert frame_bytes(AudioFormat(AudioEncoding.PCM16, 16000)) == 640
    assert frame_bytes(AudioFormat(AudioEncoding.PCM16, 22050)) == 882


def test_splitter_yields_whole_frames_in_order_and_keeps_the_rest() -> None:
    splitter = FrameSplitter(TELEPHONY_MULAW)
    data = bytes(range(256)) * 2  # 512 bytes
    frames = splitter.push(data[:100]) + splitter.push(data[100:])
    assert [len(f) for f in frames] == [160, 160, 160]
    assert b"".join(frames) == data[:480]
    assert splitter.pending_bytes == 32
    tail = splitter.flush(pad_byte=0xFF)
    assert tail is not None and tail[:32] == data[480:] and set(tail[32:]) == {0xFF}
    assert splitter.flush() is None


def test_wav_round_trip_in_memory_and_on_disk(tmp_path: Path) -> None:
    pcm = (np.arange(800) % 200 - 100).astype(np.int16)
    samples, rate, channels = read_wav(wav_bytes(pcm, 8000))
    assert (rate, channels) == (8000, 1) and np.array_equal(samples, pcm)
    stereo = np.stack([pcm, -pcm], axis=1).reshape(-1)
    write_wav(tmp_path / "s.wav", stereo, 16000, channels=2)
    samples, rate, channels = read_wav(tmp_path / "s.wav")
    assert (rate, channels) == (16000, 2) and np.array_equal(samples, stereo)


def test_non_wav_bytes_raise_a_format_error() -> None:
    with pytest.raises(WavFormatError):
        read_wav(b"not a wav file at all")
