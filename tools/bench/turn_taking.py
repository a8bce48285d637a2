"""Benchmark: the turn-taking decisions against issue 16's goals, on virtual time.

Usage: uv run python tools/bench/turn_taking.py
Each scenario is a call through the real CallSession with the real end-of-turn model (Smart-Turn
v3.2) and Silero VAD gate; caller lines are synthesized by Piper (the TTS service's bundled
voice) at 8 kHz; STT and TTS are in-process fakes (300 ms, instant), so the figures are the
decisions alone: virtual time stands still while a model runs. The models' own real-time cost
is measured separately and printed last (it adds to every decision on a real call).
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable

import numpy as np
from piper import PiperVoice

from switchboard_common.audio import mulaw_decode, mulaw_encode, resample
from switchboard_tts.engines.piper import bundled_voice_files
from switchboard_voice_runtime.call.silero_vad import SileroPool
from switchboard_voice_runtime.providers.smart_turn import SmartTurnModel
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

MODEL = SmartTurnModel()
VADS = SileroPool()


class Voice:
    def __init__(self) -> None:
        files = bundled_voice_files()
        self._voice = PiperVoice.load(str(files.model_path), config_path=str(files.config_path))
        self._rate_hz = int(self._voice.config.sample_rate)

    def say(self, text: str) -> bytes:
        """Mu-law 8 kHz of ``text`` with Piper's trailing silence cut (lines end when speech
        ends, as the simulator's do)."""
        pcm = b"".join(chunk.audio_int16_bytes for chunk in self._voice.synthesize(text))
        samples = resample(np.frombuffer(pcm, dtype=np.int16), self._rate_hz, 8_000)
        loud = np.flatnonzero(np.abs(samples) > 300)
        return mulaw_encode(samples[: loud[-1] + 1] if loud.size else samples)


def _call(caller: ScriptedCaller, *, model: bool = True) -> CallHarness:
    async def main() -> CallHarness:
        call = build_call(sample_agent(), caller, turn_model=MODEL if model else None, vads=VADS)
        await call.run()
        return call

    return run_virtual(main())


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _goal(name: str, value: str, goal: str, met: bool) -> None:
    print(f"{name:58} {value:>22}   goal {goal:<16} {'MET' if met else 'MISSED'}")


def mid_sentence_pauses(voice: Voice) -> None:
    head, tail = voice.say("I'd like to book"), voice.say("a cleaning for Tuesday.")
    for model in (True, False):
        early = 0
        for index in range(10):
            pause_s = 0.6 + 0.2 * index / 9  # 600-800 ms
            resume_s = 0.5 + len(head) / 8000 + pause_s
            caller = (
                ScriptedCaller(until_s=resume_s + 5)
                .say(0.5, head, "I'd like to book")
                .say(resume_s, tail, "I'd like to book a cleaning for Tuesday.")
            )
            turns = _call(caller, model=model).events.turns()
            early += bool(turns) and turns[0].caller_text == "I'd like to book"
        rule = "Smart-Turn" if model else "before: 500 ms silence"
        _goal(
            f"mid-sentence pause 600-800 ms, not answered early ({rule})",
            f"{10 - early} of 10",
            ">= 9 of 10",
            10 - early >= 9,
        )


def end_of_turn_wait(voice: Voice) -> None:
    lines = [
        "What are your opening hours?",
        "I'd like to book a cleaning for Tuesday.",
        "How much does a haircut cost?",
        "Can I speak to someone about my bill?",
        "Yes, that works for me.",
    ]
    waits: list[float] = []
    for text in lines:
        turns = _call(ScriptedCaller(until_s=6).say(0.5, voice.say(text), text)).events.turns()
        stages = turns[0].stages
        assert stages.end_of_turn_ms is not None and stages.caller_stopped_ms is not None
        waits.append(stages.end_of_turn_ms - stages.caller_stopped_ms)
    print(
        f"{'end-of-turn wait after a complete sentence (was 500 ms)':58} "
        f"{f'p50 {statistics.median(waits):.0f} max {max(waits):.0f} ms':>22}"
    )
    for text, wait_ms in zip(lines, waits, strict=True):
        print(f"    {wait_ms:6.0f} ms  {text}")


def over_the_answer(
    voice: Voice, label: str, lines: list[tuple[bytes, str]], goal: Callable[[int], bool]
) -> None:
    question = voice.say("What are your opening hours?")
    alone = ScriptedCaller(until_s=12).say(0.5, question, "what are your opening hours")
    whole = len(_call(alone).media.heard())  # agent frames the caller hears uninterrupted
    interrupted = paused = 0
    for index, (audio, text) in enumerate(lines):
        at_s = 3.5 + 0.25 * (index % 8)  # during the ~6 s answer
        caller = (
            ScriptedCaller(until_s=12)
            .say(0.5, question, "what are your opening hours")
            .say(at_s, audio, text)
        )
        call = _call(caller)
        frames = [f.at_s for f in call.media.frames() if at_s < f.at_s < at_s + 2]
        paused += any(b - a > 0.1 for a, b in itertools.pairwise(frames))
        first = call.events.turns()[0]
        # cut off: the turn says so, or the caller heard less of the agent (a tentative
        # interruption clears the carrier but sends the cleared frames again)
        interrupted += first.interrupted or len(call.media.heard()) < whole
    _goal(
        f"{label}: interrupted the agent", f"{interrupted} of {len(lines)}", "0", goal(interrupted)
    )
    print(f"{'':4}({label}: agent paused then resumed in {paused} of {len(lines)})")


def model_costs(voice: Voice) -> None:
    pcm = mulaw_decode(voice.say("I'd like to book a cleaning for Tuesday.")).tobytes()
    MODEL.probability(pcm, 8_000)
    took = []
    for _ in range(10):
        start = time.perf_counter()
        MODEL.probability(pcm, 8_000)
        took.append((time.perf_counter() - start) * 1000)
    print(
        f"{'Smart-Turn decision, real ms (8 kHz in, resampled)':58} "
        f"{f'p50 {statistics.median(took):.0f} p95 {_pct(took, 0.95):.0f}':>22}"
    )


def main() -> None:
    VADS.fill(2)
    voice = Voice()
    mid_sentence_pauses(voice)
    end_of_turn_wait(voice)
    backchannels = [voice.say(t) for t in ("Mhm.", "Okay.", "Yeah.", "Right.", "Uh huh.")]
    texts = ["mhm", "okay", "yeah", "right", "uh huh"]
    over_the_answer(
        voice,
        "backchannels (20)",
        [(backchannels[i % 5], texts[i % 5]) for i in range(20)],
        lambda n: n == 0,
    )
    rng = np.random.default_rng(16)
    bursts = [
        mulaw_encode(rng.normal(0, 3000, 2400).astype(np.int16)) for _ in range(10)
    ]  # 300 ms of noise, no words
    over_the_answer(voice, "noise bursts (10)", [(b, "") for b in bursts], lambda n: n == 0)
    model_costs(voice)


if __name__ == "__main__":
    main()
