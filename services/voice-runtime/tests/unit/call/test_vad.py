"""Caller audio framing and voicing: speech ends where the voice ends, not where WebRTC's VAD
lets go of it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from switchboard_common.audio import mulaw_decode
from switchboard_voice_runtime.call.vad import FRAME_MS, CallerAudio, to_stt_rate

FIXTURES = Path(__file__).with_name("fixtures")
SILENCE_PCM = b"\x00\x00" * 160
"""20 ms of 8 kHz PCM16 silence (the edge decodes the carrier's mu-law before the core)."""


def _last_voiced_ms(audio: CallerAudio, payload: bytes) -> float:
    frames = []
    for start in range(0, len(payload), 320):
        frames.extend(audio.feed(payload[start : start + 320]))
    voiced = [index for index, (_, is_voiced) in enumerate(frames) if is_voiced]
    assert voiced, "the fixture must contain speech"
    return (voiced[-1] + 1) * FRAME_MS


def test_frames_are_20_ms_of_8_khz_pcm16_one_per_payload() -> None:
    audio = CallerAudio()
    frames = [frame for _ in range(10) for frame in audio.feed(SILENCE_PCM)]
    assert len(frames) == 10
    assert all(len(pcm) == 320 and not voiced for pcm, voiced in frames)


def test_odd_sized_payloads_are_framed_without_losing_samples() -> None:
    audio = CallerAudio(Always())
    frames = [frame for _ in range(4) for frame in audio.feed(b"\x10" * 200)]
    assert [len(pcm) for pcm, _ in frames] == [320, 320]  # 400 samples: two frames, 80 pending
    assert len(audio.feed(b"\x10" * 160)) == 1


def test_an_utterance_is_resampled_once_to_16_khz_for_stt() -> None:
    tone = (6000 * np.sin(2 * np.pi * 440 * np.arange(8000) / 8000)).astype(np.int16)
    upsampled = np.frombuffer(to_stt_rate(tone.tobytes()), dtype=np.int16)
    assert upsampled.size == 16000
    spectrum = np.abs(np.fft.rfft(upsampled.astype(np.float64)))
    assert abs(int(np.argmax(spectrum)) - 440) <= 1  # 1 Hz bins: the tone is still at 440 Hz


def test_speech_ends_with_the_voice_not_with_the_vads_overhang() -> None:
    speech = (FIXTURES / "caller_hours.ulaw").read_bytes()
    speech = mulaw_decode(speech[: len(speech) - len(speech) % 160]).tobytes()
    payload = speech + SILENCE_PCM * 25
    speech_end_ms = len(speech) / 16
    gated = _last_voiced_ms(CallerAudio(), payload)
    ungated = _last_voiced_ms(CallerAudio(floor_rms=0.0), payload)
    assert speech_end_ms - 200 <= gated <= speech_end_ms
    assert ungated - gated >= 80, "WebRTC's VAD alone holds speech ~100 ms past its end"


class Always:
    def is_speech(self, frame: bytes) -> bool:
        return True


def test_every_20_ms_payload_yields_its_frame_at_once() -> None:
    tone = (6000 * np.sin(2 * np.pi * 300 * np.arange(160) / 8000)).astype(np.int16)
    payload = tone.tobytes()
    audio = CallerAudio(Always())
    counts = [len(audio.feed(payload)) for _ in range(25)]
    assert sum(counts) >= 24, f"frames held back: {counts}"
    assert max(counts) <= 2, f"frames released in bursts: {counts}"


def test_16_khz_audio_is_framed_at_16_khz_and_goes_to_stt_as_it_is() -> None:
    audio = CallerAudio(Always(), sample_rate_hz=16_000)
    frames = audio.feed(b"\x00\x00" * 640)
    assert [len(pcm) for pcm, _ in frames] == [640, 640]
    assert to_stt_rate(b"\x01\x00" * 8, 16_000) == b"\x01\x00" * 8


def test_a_rate_webrtc_lacks_is_voiced_through_a_16_khz_copy() -> None:
    tone = (8000 * np.sin(2 * np.pi * 300 * np.arange(24_000) / 24_000)).astype(np.int16)
    audio = CallerAudio(sample_rate_hz=24_000)
    frames = [
        frame
        for start in range(0, 24_000, 480)
        for frame in audio.feed(tone[start : start + 480].tobytes())
    ]
    assert len(frames) == 50 and all(len(pcm) == 960 for pcm, _ in frames)
    silent = CallerAudio(sample_rate_hz=24_000).feed(b"\x00\x00" * 4800)
    assert not any(voiced for _, voiced in silent)
