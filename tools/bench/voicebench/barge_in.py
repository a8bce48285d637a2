"""Part A2: how fast the runtime stops talking when the caller talks over it (real STT/TTS)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from switchboard_callsim import CallReport, parse_scenario
from voicebench.figures import summary
from voicebench.stack import Service, call_runtime
from voicebench.tenant import BARGE_IN_MIN_SPEECH_MS, BENCH_NUMBER

GOAL_MS = 250.0
"""Issue 16's goal: the agent's audio is cleared (p95) within 250 ms of the caller's first voiced
frame over it."""
TALK_OVER_AT_MS = 900
"""Into the greeting (it lasts about 2.5 s), so the caller always speaks over the agent."""
INTERRUPTION = "Excuse me, do you take new patients?"
"""Opens with a long stretch of voice: the measure is the runtime's reaction, not a short word
falling under the agent's barge-in rule."""


def barge_in_scenario(work_dir: Path) -> Any:
    return parse_scenario(
        {
            "name": "bench-barge-in",
            "to_number": BENCH_NUMBER,
            "max_duration_s": 30,
            "defaults": {"reply_timeout_ms": 15000},
            "steps": [
                {"say": INTERRUPTION, "at_ms": TALK_OVER_AT_MS},
                {"wait_ms": 1500},
                {"hangup": True},
            ],
            "expect": {"twiml": "stream", "ended_by": "caller"},
        },
        base_dir=work_dir,
    )


def clear_after_ms(report: CallReport) -> float | None:
    """From the first voiced frame the caller sent over the agent to the ``clear`` received."""
    over = next((turn for turn in report.turns if turn.step == 0), None)
    if over is None or over.caller_voiced_ms is None or not report.clears:
        return None
    return report.clears[0].at_ms - over.caller_voiced_ms


async def run_barge_in(
    runtime: Service, *, calls: int, tts_url: str, work_dir: Path
) -> dict[str, Any]:
    """``calls`` calls one after another, each talking over the greeting once."""
    scenario = barge_in_scenario(work_dir)
    reactions: list[float] = []
    missed = 0
    for _ in range(calls):
        report = await call_runtime(runtime, scenario, tts_url=tts_url)
        reaction = clear_after_ms(report)
        if reaction is None:
            missed += 1
        else:
            reactions.append(reaction)
    figures = summary(reactions)
    beyond_rule = summary([ms - BARGE_IN_MIN_SPEECH_MS for ms in reactions])
    part = {
        "method": (
            "talk over the greeting; simulator's clock, first voiced caller frame sent "
            "(RMS above -40 dBFS) -> clear received"
        ),
        "barge_in_min_speech_ms": BARGE_IN_MIN_SPEECH_MS,
        "goal_ms": GOAL_MS,
        "clear_after_ms": figures,
        "beyond_rule_ms": beyond_rule,
        "missed": missed,
    }
    print(
        f"  barge-in calls={calls} clear after talk-over p50/p95={figures['p50']}/{figures['p95']}"
        f" ms (rule {BARGE_IN_MIN_SPEECH_MS} ms; beyond it p50/p95={beyond_rule['p50']}/"
        f"{beyond_rule['p95']} ms) missed={missed}",
        flush=True,
    )
    return part
