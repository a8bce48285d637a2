"""Benchmark: CPU cost of concurrent call sessions with fake speech, on the real clock.

Usage: uv run python tools/bench/call_core.py [calls] [seconds]
Each call gets a caller who asks a question every few seconds; STT/TTS are in-process fakes, so
the figure is the runtime's own cost. Prints CPU seconds per second of wall time and per call.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from switchboard_common.contract import CallTurn
from switchboard_voice_runtime.call.ports import SystemClock
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent

FIXTURE = (
    Path(__file__).resolve().parents[2]
    / "services/voice-runtime/tests/unit/call/fixtures/caller_hours.ulaw"
)


def _runtime_share_ms(turn: CallTurn) -> float:
    """Time between the stages the runtime owns: turn decided/transcript -> brain -> TTS
    request, and first TTS audio -> first frame out."""
    stages = turn.stages
    ready_ms = max(stages.end_of_turn_ms or 0.0, stages.transcript_final_ms or 0.0)
    brain_ms = (stages.llm_first_token_ms or ready_ms) - ready_ms
    out_ms = (stages.first_frame_out_ms or 0.0) - (stages.tts_first_audio_ms or 0.0)
    return brain_ms + out_ms


async def main(calls: int, seconds: float) -> None:
    speech = FIXTURE.read_bytes()
    harnesses: list[CallHarness] = []
    for index in range(calls):
        caller = ScriptedCaller(until_s=seconds + 5)
        for at_s in range(1 + index % 3, int(seconds), 6):
            caller.say(float(at_s), speech, "what are your opening hours")
        harnesses.append(build_call(sample_agent(), caller, clock=SystemClock()))
    loop = asyncio.get_running_loop()
    for harness in harnesses:
        loop.call_later(seconds, harness.session.hang_up)
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    await asyncio.gather(*(harness.run() for harness in harnesses))
    cpu_s, wall_s = time.process_time() - cpu_start, time.perf_counter() - wall_start
    turns = [t for h in harnesses for t in h.events.turns()]
    v2v = sorted(t.stages.voice_to_voice_ms or 0.0 for t in turns)
    own = sorted(_runtime_share_ms(turn) for turn in turns)
    print(f"calls={calls} wall_s={wall_s:.1f} cpu_s={cpu_s:.2f} cpu_share={cpu_s / wall_s:.2%}")
    print(f"cpu_ms_per_call_second={cpu_s / wall_s / calls * 1000:.2f} turns={len(turns)}")
    if v2v:
        print(f"voice_to_voice_ms p50={v2v[len(v2v) // 2]:.0f} p95={v2v[int(len(v2v) * 0.95)]:.0f}")
    if own:
        print(f"runtime_share_ms p50={own[len(own) // 2]:.1f} p95={own[int(len(own) * 0.95)]:.1f}")


if __name__ == "__main__":
    asyncio.run(
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 200,
            float(sys.argv[2]) if len(sys.argv) > 2 else 20,
        )
    )
