"""The codec bridge between the simulator's 8 kHz mu-law timeline and a Telnyx stream."""

from __future__ import annotations

import numpy as np
import pytest

from switchboard_callsim.telnyx_stream import CodecBridge
from switchboard_common.audio import alaw_decode, mulaw_decode, mulaw_encode


def _tone_frames(count: int) -> list[bytes]:
    t = np.arange(count * 160) / 8000.0
    audio = mulaw_encode((6000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16))
    return [audio[i * 160 : (i + 1) * 160] for i in range(count)]


def test_g711_bridges_keep_frames_and_levels() -> None:
    frame = _tone_frames(1)[0]
    assert CodecBridge("PCMU", 8000).outbound(frame) == frame
    pcma = CodecBridge("PCMA", 8000)
    out = pcma.outbound(frame)
    assert len(out) == 160 == pcma.frame_bytes
    assert np.abs(alaw_decode(out).astype(int) - mulaw_decode(frame)).max() < 200
    assert np.abs(mulaw_decode(pcma.inbound(out)).astype(int) - mulaw_decode(frame)).max() < 400


def test_l16_frames_are_16khz_big_endian_and_come_back_at_8khz() -> None:
    bridge = CodecBridge("L16", 16000)
    frames = [bridge.outbound(f) for f in _tone_frames(50)]
    assert {len(f) for f in frames} == {640} and bridge.frame_bytes == 640
    wide = np.frombuffer(b"".join(frames), dtype=">i2").astype(np.int16)
    spectrum = np.abs(np.fft.rfft(wide[3200:]))
    assert abs(np.argmax(spectrum) * 16000 / (wide.size - 3200) - 440) < 10
    back = mulaw_decode(b"".join(bridge.inbound(f) for f in frames))
    assert back.size > 7000 and np.abs(back[2000:]).max() > 4000
    with pytest.raises(ValueError, match="odd"):
        bridge.inbound(b"\x00\x01\x02")


def test_unknown_codecs_and_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="codec"):
        CodecBridge("OPUS", 8000)
    with pytest.raises(ValueError, match="8000"):
        CodecBridge("PCMA", 16000)
