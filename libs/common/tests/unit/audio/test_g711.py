"""G.711 codecs against the ITU-T tables: every code, every segment boundary."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

from switchboard_common.audio import alaw_decode, alaw_encode, mulaw_decode, mulaw_encode


def _tables() -> tuple[tuple[int, ...], tuple[int, ...]]:
    path = Path(__file__).with_name("itu_tables.py")
    spec = importlib.util.spec_from_file_location("itu_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("itu_tables", module)
    spec.loader.exec_module(module)
    return module.MULAW_TO_LINEAR, module.ALAW_TO_LINEAR


MULAW_TO_LINEAR, ALAW_TO_LINEAR = _tables()
ALL_CODES = np.arange(256, dtype=np.uint8)


def test_mulaw_decode_matches_every_itu_code() -> None:
    assert mulaw_decode(ALL_CODES).tolist() == list(MULAW_TO_LINEAR)


def test_alaw_decode_matches_every_itu_code() -> None:
    assert alaw_decode(ALL_CODES).tolist() == list(ALAW_TO_LINEAR)


def test_mulaw_encode_returns_each_code_for_its_own_reconstruction_level() -> None:
    encoded = np.frombuffer(mulaw_encode(np.array(MULAW_TO_LINEAR, dtype=np.int16)), np.uint8)
    expected = ALL_CODES.copy()
    expected[0x7F] = 0xFF  # both zero codes decode to 0; G.711 encodes 0 as 0xFF
    assert encoded.tolist() == expected.tolist()


def test_alaw_encode_returns_each_code_for_its_own_reconstruction_level() -> None:
    encoded = np.frombuffer(alaw_encode(np.array(ALAW_TO_LINEAR, dtype=np.int16)), np.uint8)
    assert encoded.tolist() == ALL_CODES.tolist()


def _decision_points(table: tuple[int, ...]) -> list[tuple[int, int]]:
    """Pairs of adjacent reconstruction levels (low, high) on the positive side."""
    levels = sorted({v for v in table if v >= 0})
    return list(itertools.pairwise(levels))


@pytest.mark.parametrize(
    ("encode", "decode", "table"),
    [(mulaw_encode, mulaw_decode, MULAW_TO_LINEAR), (alaw_encode, alaw_decode, ALAW_TO_LINEAR)],
    ids=["mulaw", "alaw"],
)
def test_encoding_is_monotonic_and_stays_between_neighbouring_levels(
    encode: object, decode: object, table: tuple[int, ...]
) -> None:
    assert callable(encode) and callable(decode)
    pcm = np.arange(-32768, 32768, dtype=np.int32).astype(np.int16)
    decoded = decode(encode(pcm)).astype(np.int32)
    assert np.all(np.diff(decoded) >= 0), "quantizer must be monotonic"
    for low, high in _decision_points(table):
        inside = (pcm.astype(np.int32) >= low) & (pcm.astype(np.int32) <= high)
        assert set(np.unique(decoded[inside]).tolist()) <= {low, high}


# Where each segment starts (16-bit input), its first level, and the previous segment's last.
MULAW_SEGMENTS = [
    (124, 132, 120),
    (380, 396, 372),
    (892, 924, 876),
    (1916, 1980, 1884),
    (3964, 4092, 3900),
    (8060, 8316, 7932),
    (16252, 16764, 15996),
]
ALAW_SEGMENTS = [
    (256, 264, 248),
    (512, 528, 504),
    (1024, 1056, 1008),
    (2048, 2112, 2016),
    (4096, 4224, 4032),
    (8192, 8448, 8064),
    (16384, 16896, 16128),
]


@pytest.mark.parametrize(
    ("encode", "decode", "segments", "full_scale"),
    [
        (mulaw_encode, mulaw_decode, MULAW_SEGMENTS, 32124),
        (alaw_encode, alaw_decode, ALAW_SEGMENTS, 32256),
    ],
    ids=["mulaw", "alaw"],
)
def test_segment_boundaries_quantize_to_the_itu_levels(
    encode: object, decode: object, segments: list[tuple[int, int, int]], full_scale: int
) -> None:
    assert callable(encode) and callable(decode)
    for start, first_level, previous_last_level in segments:
        pcm = np.array([start, start - 1, -start, -(start - 1)], dtype=np.int16)
        got = decode(encode(pcm)).tolist()
        assert got[:2] == [first_level, previous_last_level], start
        assert got[2] in (-first_level, -previous_last_level)
    extremes = decode(encode(np.array([32767, -32768], dtype=np.int16))).tolist()
    assert extremes == [full_scale, -full_scale]


def test_codecs_accept_little_endian_bytes() -> None:
    pcm = np.array([1000, -1000, 0, 32000], dtype="<i2")
    assert mulaw_encode(pcm.tobytes()) == mulaw_encode(pcm)
    assert alaw_encode(pcm.tobytes()) == alaw_encode(pcm)
    assert (
        mulaw_decode(mulaw_encode(pcm)).tolist()
        == mulaw_decode(np.frombuffer(mulaw_encode(pcm), np.uint8)).tolist()
    )
