"""A stream's audio is buffered per utterance, with partials due by audio time."""

from __future__ import annotations

import numpy as np
import pytest

from switchboard_common.audio import AudioEncoding, AudioFormat, mulaw_encode
from switchboard_stt.errors import InvalidAudioError
from switchboard_stt.stream_session import StreamSession

PCM_16K = AudioFormat(AudioEncoding.PCM16, 16_000)
MULAW_8K = AudioFormat(AudioEncoding.MULAW, 8_000)


def _frames(fmt: AudioFormat, duration_ms: int, frame_ms: int = 20) -> list[bytes]:
    samples = fmt.sample_rate_hz * frame_ms // 1000
    tone = (np.sin(np.arange(samples) / 3.0) * 8000).astype(np.int16)
    frame = mulaw_encode(tone) if fmt.encoding is AudioEncoding.MULAW else tone.tobytes()
    return [frame] * (duration_ms // frame_ms)


def _session(fmt: AudioFormat = PCM_16K, max_utterance_ms: int = 30_000) -> StreamSession:
    return StreamSession(fmt, partial_interval_ms=1000, max_utterance_ms=max_utterance_ms)


def test_a_partial_is_due_after_each_interval_of_new_audio() -> None:
    session = _session()
    for frame in _frames(PCM_16K, 980):
        session.push(frame)
    assert not session.partial_due()
    session.push(_frames(PCM_16K, 20)[0])
    assert session.partial_due()
    span = session.snapshot()
    assert (span.start_ms, span.end_ms) == (0, 1000)
    assert not session.partial_due()


def test_utterances_carry_their_place_in_the_stream() -> None:
    session = _session()
    for frame in _frames(PCM_16K, 1500):
        session.push(frame)
    first = session.finish_utterance()
    for frame in _frames(PCM_16K, 500):
        session.push(frame)
    second = session.finish_utterance()
    assert (first.utterance, first.start_ms, first.end_ms) == (0, 0, 1500)
    assert (second.utterance, second.start_ms, second.end_ms) == (1, 1500, 2000)
    assert abs(first.sample_count - 24_000) <= 2
    assert session.utterance == 2


def test_8_khz_mulaw_is_resampled_to_16_khz() -> None:
    session = _session(MULAW_8K)
    for frame in _frames(MULAW_8K, 1000):
        session.push(frame)
    span = session.finish_utterance()
    assert span.end_ms == 1000
    assert abs(span.sample_count - 16_000) <= 2
    assert span.samples.dtype == np.float32


def test_an_utterance_at_the_length_limit_must_be_finalized() -> None:
    session = _session(max_utterance_ms=1000)
    for frame in _frames(PCM_16K, 980):
        session.push(frame)
    assert not session.must_finalize()
    session.push(_frames(PCM_16K, 20)[0])
    assert session.must_finalize()


def test_an_odd_length_pcm16_frame_is_invalid() -> None:
    with pytest.raises(InvalidAudioError):
        _session().push(b"\x00\x01\x02")


def test_an_empty_utterance_has_no_samples() -> None:
    span = _session().finish_utterance()
    assert span.sample_count == 0


def test_an_interval_of_zero_turns_partials_off() -> None:
    session = StreamSession(PCM_16K, partial_interval_ms=0, max_utterance_ms=30_000)
    for frame in _frames(PCM_16K, 3000):
        session.push(frame)
    assert not session.partial_due()
