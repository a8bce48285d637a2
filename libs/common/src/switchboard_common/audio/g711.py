"""G.711 mu-law and A-law codecs, vectorized, bit-exact with the ITU-T G.711 tables.

PCM is 16-bit signed; the codecs use its top 14 (mu-law) or 13 (A-law) bits, as G.711 does.
Encoding goes through 65,536-entry lookup tables built once at import, decoding through
256-entry tables: both are plain numpy indexing, with no per-sample Python.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Pcm16 = npt.NDArray[np.int16]
Codes = npt.NDArray[np.uint8]

_MULAW_BIAS = 0x84
_MULAW_CLIP_14BIT = 8159


def _mulaw_decode_table() -> Pcm16:
    codes = ~np.arange(256, dtype=np.int32) & 0xFF
    magnitude = (((codes & 0x0F) << 3) + _MULAW_BIAS) << ((codes & 0x70) >> 4)
    linear = np.where(codes & 0x80, _MULAW_BIAS - magnitude, magnitude - _MULAW_BIAS)
    return linear.astype(np.int16)


def _alaw_decode_table() -> Pcm16:
    codes = np.arange(256, dtype=np.int32) ^ 0x55
    mantissa = (codes & 0x0F) << 4
    segment = (codes & 0x70) >> 4
    magnitude = np.where(segment == 0, mantissa + 8, mantissa + 0x108)
    magnitude = np.where(segment > 1, magnitude << np.maximum(segment - 1, 0), magnitude)
    linear = np.where(codes & 0x80, magnitude, -magnitude)
    return linear.astype(np.int16)


def _segment(values: npt.NDArray[np.int32], segment_ends: tuple[int, ...]) -> npt.NDArray[np.int32]:
    """Index of the first segment whose upper end is >= value (len(ends) when above all)."""
    return np.searchsorted(np.asarray(segment_ends), values, side="left").astype(np.int32)


def _mulaw_encode_table() -> Codes:
    pcm = np.arange(-32768, 32768, dtype=np.int32) >> 2
    mask = np.where(pcm < 0, 0x7F, 0xFF)
    magnitude = np.minimum(np.abs(pcm), _MULAW_CLIP_14BIT) + (_MULAW_BIAS >> 2)
    segment = _segment(magnitude, (0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF))
    code = np.where(
        segment >= 8, 0x7F, (np.minimum(segment, 7) << 4) | ((magnitude >> (segment + 1)) & 0x0F)
    )
    table = (code ^ mask).astype(np.uint8)
    return np.roll(table, -32768)  # index by the int16's bit pattern read as uint16


def _alaw_encode_table() -> Codes:
    pcm = np.arange(-32768, 32768, dtype=np.int32) >> 3
    mask = np.where(pcm >= 0, 0xD5, 0x55)
    magnitude = np.where(pcm >= 0, pcm, -pcm - 1)
    segment = _segment(magnitude, (0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF))
    shift = np.where(segment < 2, 1, segment)
    code = np.where(
        segment >= 8, 0x7F, (np.minimum(segment, 7) << 4) | ((magnitude >> shift) & 0x0F)
    )
    table = (code ^ mask).astype(np.uint8)
    return np.roll(table, -32768)


_MULAW_DECODE = _mulaw_decode_table()
_ALAW_DECODE = _alaw_decode_table()
_MULAW_ENCODE = _mulaw_encode_table()
_ALAW_ENCODE = _alaw_encode_table()


def _as_pcm16(pcm: Pcm16 | bytes) -> Pcm16:
    if isinstance(pcm, bytes | bytearray | memoryview):
        return np.frombuffer(pcm, dtype="<i2")
    return pcm.astype(np.int16, copy=False)


def _as_codes(data: Codes | bytes) -> Codes:
    if isinstance(data, bytes | bytearray | memoryview):
        return np.frombuffer(data, dtype=np.uint8)
    return data.astype(np.uint8, copy=False)


def mulaw_encode(pcm: Pcm16 | bytes) -> bytes:
    """PCM16 samples (array or little-endian bytes) to mu-law bytes."""
    return _MULAW_ENCODE[_as_pcm16(pcm).view(np.uint16)].tobytes()


def mulaw_decode(data: Codes | bytes) -> Pcm16:
    """Mu-law bytes to PCM16 samples."""
    return _MULAW_DECODE[_as_codes(data)]


def alaw_encode(pcm: Pcm16 | bytes) -> bytes:
    """PCM16 samples (array or little-endian bytes) to A-law bytes."""
    return _ALAW_ENCODE[_as_pcm16(pcm).view(np.uint16)].tobytes()


def alaw_decode(data: Codes | bytes) -> Pcm16:
    """A-law bytes to PCM16 samples."""
    return _ALAW_DECODE[_as_codes(data)]
