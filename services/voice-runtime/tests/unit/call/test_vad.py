"""Caller audio framing and voicing: speech ends where the voice ends, not where WebRTC's VAD
lets go of it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from switchboard_common.audio import mulaw_encode
from switchboard_voice_runtime.call.vad import FRAME_MS, CallerAudio

FIXTURES = Path(__file__).with_name("fixtures")
SILENCE_MULAW = b"\xff" * 160


def _last_voiced_ms(audio: CallerAudio, payload: bytes) -> float:
    frames = []
    for start in range(0, len(payload), 160):
        frames.extend(audio.feed(payload[start : start + 160]))
    voiced = [index for index, (_, is_voiced) in enumerate(frames) if is_voiced]
    assert voiced, "the fixture must contain speech"
    return (voiced[-1] + 1) * FRAME_MS


def test_frames_are_20_ms_of_16_khz_pcm16() -> None:
    audio = CallerAudio()
    frames = [frame for _ in range(10) for frame in audio.feed(SILENCE_MULAW)]
    assert len(frames) >= 9, "the resampler may hold back samples, never frames of audio"
    assert all(len(pcm) == 640 and not voiced for pcm, voiced in frames)


def test_speech_ends_with_the_voice_not_with_the_vads_overhang() -> None:
    speech = (FIXTURES / "caller_hours.ulaw").read_bytes()
    speech = speech[: len(speech) - len(speech) % 160]
    payload = speech + SILENCE_MULAW * 25
    speech_end_ms = len(speech) / 8
    gated = _last_voiced_ms(CallerAudio(), payload)
    ungated = _last_voiced_ms(CallerAudio(floor_rms=0.0), payload)
    assert speech_end_ms - 200 <= gated <= speech_end_ms
    assert ungated - gated >= 80, "WebRTC's VAD alone holds speech ~100 ms past its end"


class Always:
    def is_speech(self, frame: bytes) -> bool:
        return True


def test_every_20_ms_payload_yields_its_frame_at_once() -> None:
    tone = (6000 * np.sin(2 * np.pi * 300 * np.arange(160) / 8000)).astype(np.int16)
    payload = mulaw_encode(tone)
    audio = CallerAudio(Always())
    counts = [len(audio.feed(payload)) for _ in range(25)]
    assert sum(counts) >= 24, f"frames held back: {counts}"
    assert max(counts) <= 2, f"frames released in bursts: {counts}"
