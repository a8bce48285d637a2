"""Decoding, encoding and transcoding between the AudioFormats the carriers use."""

from __future__ import annotations

import numpy as np
import pytest

from switchboard_common.audio import (
    TELEPHONY_MULAW,
    TELEPHONY_PCM16,
    AudioEncoding,
    AudioFormat,
    decode,
    encode,
    mulaw_encode,
    transcode,
)

TONE = (8000 * np.sin(2 * np.pi * 440 * np.arange(800) / 8000)).astype(np.int16)


def test_l16_is_big_endian_pcm16() -> None:
    data = encode(TONE, AudioEncoding.L16)
    assert data == TONE.astype(">i2").tobytes()
    assert np.array_equal(decode(data, AudioEncoding.L16), TONE)


@pytest.mark.parametrize("encoding", list(AudioEncoding))
def test_every_encoding_round_trips_within_its_precision(encoding: AudioEncoding) -> None:
    decoded = decode(encode(TONE, encoding), encoding).astype(np.int32)
    tolerance = 0 if encoding.bytes_per_sample == 2 else 300  # G.711 keeps 13-14 bits
    assert np.max(np.abs(decoded - TONE)) <= tolerance


def test_silence_bytes_decode_to_zero() -> None:
    for encoding in AudioEncoding:
        silence = bytes([encoding.silence_byte]) * 2
        assert int(np.max(np.abs(decode(silence, encoding)))) <= 8  # A-law's smallest step


def test_transcoding_changes_encoding_and_rate_once() -> None:
    wideband = AudioFormat(AudioEncoding.PCM16, 16_000)
    out = transcode(mulaw_encode(TONE), TELEPHONY_MULAW, wideband)
    assert len(out) == wideband.bytes_for_ms(100)
    assert transcode(b"\x01\x02", TELEPHONY_PCM16, TELEPHONY_PCM16) == b"\x01\x02"


def test_a_format_knows_its_frame() -> None:
    assert TELEPHONY_MULAW.frame_bytes == 160
    assert AudioFormat(AudioEncoding.L16, 16_000).frame_bytes == 640
    assert AudioFormat(AudioEncoding.PCM16, 24_000, frame_ms=40).frame_s == 0.04
    assert TELEPHONY_MULAW.pcm16() == TELEPHONY_PCM16
