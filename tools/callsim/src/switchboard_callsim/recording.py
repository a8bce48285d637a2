"""The stereo call recording: caller left, agent right, 8 kHz, on the call timeline."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np

from switchboard_callsim.playout import BYTES_PER_MS, PlayedSegment
from switchboard_common.audio import mulaw_decode, write_wav

SAMPLE_RATE_HZ = 8000


def stereo_pcm(caller_mulaw: bytes, agent_segments: Iterable[PlayedSegment]) -> np.ndarray:
    """Interleaved PCM16 (left caller, right agent), as long as the longer track."""
    placed = [(int(seg.start_ms * BYTES_PER_MS), bytes(seg.audio)) for seg in agent_segments]
    agent_len = max((start + len(audio) for start, audio in placed), default=0)
    length = max(len(caller_mulaw), agent_len)
    left = np.zeros(length, dtype=np.int16)
    right = np.zeros(length, dtype=np.int16)
    left[: len(caller_mulaw)] = mulaw_decode(caller_mulaw)
    for start, audio in placed:
        right[start : start + len(audio)] = mulaw_decode(audio)
    stereo = np.empty(length * 2, dtype=np.int16)
    stereo[0::2] = left
    stereo[1::2] = right
    return stereo


def write_recording(
    path: Path, caller_mulaw: bytes, agent_segments: Iterable[PlayedSegment]
) -> None:
    """Writes the stereo WAV; parent folders are created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_wav(path, stereo_pcm(caller_mulaw, agent_segments), SAMPLE_RATE_HZ, channels=2)
