"""The stereo recording."""

from pathlib import Path

import numpy as np

from switchboard_callsim.playout import PlayedSegment
from switchboard_callsim.recording import stereo_pcm, write_recording
from switchboard_common.audio import mulaw_encode, read_wav


def test_caller_is_left_and_agent_is_right_at_its_playout_time(tmp_path: Path) -> None:
    loud = mulaw_encode(np.full(160, 4000, dtype=np.int16))
    caller = loud + bytes([0xFF]) * 320  # 60 ms, voiced in the first 20
    agent = [PlayedSegment(start_ms=40.0, audio=bytearray(loud), tag=0)]  # 40-60 ms
    stereo = stereo_pcm(caller, agent).reshape(-1, 2)
    assert stereo.shape == (480, 2)
    assert np.all(stereo[:160, 0] > 3000)
    assert np.all(stereo[:320, 1] == 0)
    assert np.all(stereo[320:, 1] > 3000)
    path = tmp_path / "calls" / "c.wav"
    write_recording(path, caller, agent)
    samples, rate_hz, channels = read_wav(path)
    assert (rate_hz, channels, samples.size) == (8000, 2, 960)
