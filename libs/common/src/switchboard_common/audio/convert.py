"""Decoding any AudioFormat's bytes to PCM16 samples, encoding them back, and transcoding."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from switchboard_common.audio.formats import AudioEncoding, AudioFormat
from switchboard_common.audio.g711 import alaw_decode, alaw_encode, mulaw_decode, mulaw_encode
from switchboard_common.audio.resample import resample

Pcm16 = npt.NDArray[np.int16]


def decode(data: bytes, encoding: AudioEncoding) -> Pcm16:
    """Bytes of ``encoding`` to PCM16 samples (a view, no copy, for little-endian PCM16)."""
    match encoding:
        case AudioEncoding.PCM16:
            return np.frombuffer(data, dtype="<i2")
        case AudioEncoding.L16:
            return np.frombuffer(data, dtype=">i2").astype(np.int16)
        case AudioEncoding.MULAW:
            return mulaw_decode(data)
        case AudioEncoding.ALAW:
            return alaw_decode(data)


def encode(pcm: Pcm16 | bytes, encoding: AudioEncoding) -> bytes:
    """PCM16 samples (array or little-endian bytes) to bytes of ``encoding``."""
    match encoding:
        case AudioEncoding.PCM16:
            return pcm if isinstance(pcm, bytes) else pcm.astype("<i2", copy=False).tobytes()
        case AudioEncoding.L16:
            samples = np.frombuffer(pcm, dtype="<i2") if isinstance(pcm, bytes) else pcm
            return samples.astype(">i2").tobytes()
        case AudioEncoding.MULAW:
            return mulaw_encode(pcm)
        case AudioEncoding.ALAW:
            return alaw_encode(pcm)


def transcode(data: bytes, source: AudioFormat, target: AudioFormat) -> bytes:
    """Whole clip from one format to another (decode, resample once, encode)."""
    if (source.encoding, source.sample_rate_hz) == (target.encoding, target.sample_rate_hz):
        return data
    pcm = resample(decode(data, source.encoding), source.sample_rate_hz, target.sample_rate_hz)
    return encode(pcm, target.encoding)
