"""Silero gating WebRTC: speech still voiced, a noise burst no longer; the pool lends models."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from switchboard_common.audio import mulaw_decode, mulaw_encode
from switchboard_voice_runtime.call.silero_vad import SileroPool
from switchboard_voice_runtime.call.vad import CallerAudio
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

FIXTURES = Path(__file__).parent / "fixtures"
SPEECH = mulaw_decode((FIXTURES / "caller_book_cleaning.ulaw").read_bytes())
_rng = np.random.default_rng(16)
BURST = np.concatenate(  # 300 ms of loud white noise between silences, no words
    (np.zeros(4000), _rng.normal(0, 3000, 2400), np.zeros(4000))
).astype(np.int16)


def _voiced(pcm: np.ndarray[tuple[int], np.dtype[np.int16]], pool: SileroPool | None) -> int:
    gate = pool.lend(8_000) if pool is not None else None
    audio = CallerAudio(sample_rate_hz=8_000, gate=gate)
    voiced = sum(flag for _, flag in audio.feed(pcm.tobytes()))
    if pool is not None and gate is not None:
        pool.give_back(gate)
    return voiced


def test_a_noise_burst_is_speech_to_webrtc_alone_but_not_through_the_gate() -> None:
    pool = SileroPool()
    pool.fill(1)
    assert _voiced(BURST, None) >= 10
    assert _voiced(BURST, pool) == 0


def test_speech_stays_voiced_through_the_gate() -> None:
    pool = SileroPool()
    pool.fill(1)
    alone, gated = _voiced(SPEECH, None), _voiced(SPEECH, pool)
    assert gated >= 0.85 * alone and gated > 50


def test_the_pool_lends_what_it_has_and_never_blocks_when_empty() -> None:
    pool = SileroPool()
    assert pool.lend(24_000) is None  # Silero knows 8 and 16 kHz only
    pool.fill(1, 16_000)
    gate = pool.lend(16_000)
    assert gate is not None and gate.sample_rate_hz == 16_000
    pool.give_back(gate)
    again = pool.lend(16_000)
    assert again is not None and again.vad is gate.vad  # the same model, reset, lent again
    pool.fill(1, 16_000)  # what the background load after an empty lend does
    assert pool.lend(16_000) is not None


def test_a_call_does_not_take_a_noise_burst_for_a_turn() -> None:
    pool = SileroPool()
    pool.fill(1)

    async def main() -> CallHarness:
        caller = ScriptedCaller(until_s=4).say(1.0, mulaw_encode(BURST), "")
        call = build_call(sample_agent(), caller, vads=pool)
        await call.run()
        return call

    call = run_virtual(main())
    assert call.stt.requests == 0 and call.events.turns() == []
