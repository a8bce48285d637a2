"""Part A: voice-to-voice latency of simulated calls through the real STT, TTS and runtime."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from redis.asyncio import Redis

from switchboard_callsim import CallReport, parse_scenario
from switchboard_callsim.speech import SpeechClient
from switchboard_callsim.stream import MediaStream
from switchboard_common.audio import mulaw_decode, write_wav
from switchboard_common.contract import CallTurn
from voicebench.capacity import LATENESS_METRIC, _metrics_text
from voicebench.figures import (
    STAGES,
    Pacing,
    breakdown,
    histogram_counts,
    histogram_quantiles,
    percentile,
    stage_deltas_ms,
    summary,
)
from voicebench.stack import (
    Service,
    call_runtime,
    cpu_seconds,
    machine_busy_seconds,
    rss_mib,
)
from voicebench.tenant import (
    BARGE_IN_MIN_SPEECH_MS,
    BENCH_NUMBER,
    CALLER_LINES,
    END_OF_TURN_SILENCE_MS,
    read_call_events,
)

AFTER_AGENT_SILENCE_MS = 600


@contextmanager
def agent_frame_arrivals() -> Iterator[dict[str, list[float]]]:
    """Timestamps (ms on each call's stream clock) of every agent media frame the simulator
    receives, by CallSid: the simulator keeps only the audio, so its handler is wrapped here."""
    arrivals: dict[str, list[float]] = {}
    original = MediaStream._on_media

    def timed(stream: MediaStream, message: dict[str, Any]) -> None:
        arrivals.setdefault(stream.report.call_sid, []).append(stream.now_ms())
        original(stream, message)

    setattr(MediaStream, "_on_media", timed)  # noqa: B010 - a bench-only probe
    try:
        yield arrivals
    finally:
        setattr(MediaStream, "_on_media", original)  # noqa: B010


async def synthesize_caller_lines(tts_url: str, folder: Path) -> list[Path]:
    """Each caller line synthesized once through TTS and kept as a WAV for every call."""
    async with httpx.AsyncClient(timeout=60.0) as http:
        speech = SpeechClient(http, tts_url=tts_url, stt_url=None)
        audio = [await speech.synthesize(line) for line in CALLER_LINES]
    folder.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before any call
    paths = []
    for index, mulaw in enumerate(audio):
        path = folder / f"caller-{index}.wav"
        write_wav(path, mulaw_decode(mulaw), 8000)
        paths.append(path)
    return paths


def scenario_for(turns: int, wavs: Sequence[Path]) -> Any:
    steps: list[dict[str, Any]] = [{"wav": str(wavs[i % len(wavs)])} for i in range(turns)]
    return parse_scenario(
        {
            "name": "bench",
            "to_number": BENCH_NUMBER,
            "defaults": {
                "after_agent_silence_ms": AFTER_AGENT_SILENCE_MS,
                "reply_timeout_ms": 15000,
                "max_latency_ms": 10000,
            },
            "steps": steps,
            "expect": {"twiml": "stream", "ended_by": "caller"},
        },
        base_dir=wavs[0].parent,
    )


def _segments(report: CallReport, arrivals: Sequence[float]) -> list[list[float]]:
    """Frame arrivals cut at each mark (a mark closes the segment sent before it)."""
    cuts = sorted(mark.received_ms for mark in report.marks)
    cuts += [float(c.at_ms) for c in report.clears]
    segments: list[list[float]] = [[]]
    boundaries = iter(sorted(cuts))
    boundary = next(boundaries, None)
    for arrival in sorted(arrivals):
        while boundary is not None and arrival > boundary:
            segments.append([])
            boundary = next(boundaries, None)
        segments[-1].append(arrival)
    return [segment for segment in segments if segment]


MATCH_WINDOW_MS = 1000.0


def _same_turn(turns: Sequence[CallTurn], caller_stopped_ms: float | None) -> CallTurn | None:
    """The runtime's record of a simulator turn: the one whose caller stopped nearest in time
    (both clocks start with the media stream; the VAD sees the stop ~150 ms late). Matching by
    index breaks when the runtime splits or merges caller turns."""
    if caller_stopped_ms is None:
        return None
    timed = [t for t in turns if t.stages.caller_stopped_ms is not None]
    best = min(
        timed,
        key=lambda t: abs((t.stages.caller_stopped_ms or 0.0) - caller_stopped_ms),
        default=None,
    )
    if best is None or abs((best.stages.caller_stopped_ms or 0.0) - caller_stopped_ms) > (
        MATCH_WINDOW_MS
    ):
        return None
    return best


def _turn_figures(
    reports: Sequence[CallReport], events: dict[str, list[CallTurn]]
) -> dict[str, Any]:
    v2v: list[float] = []
    overhead: list[float] = []
    runtime_v2v: list[float] = []
    stages: dict[str, list[float]] = {stage: [] for stage in STAGES}
    parts: dict[str, list[float]] = {}
    for report in reports:
        runtime_turns = events.get(report.call_sid, [])
        for record in report.turns[1:]:
            if record.latency_ms is None:
                continue
            v2v.append(record.latency_ms)
            turn = _same_turn(runtime_turns, record.caller_stopped_ms)
            if turn is None:
                continue
            for stage, delta in stage_deltas_ms(turn).items():
                stages[stage].append(delta)
            if turn.stages.voice_to_voice_ms is not None:
                runtime_v2v.append(turn.stages.voice_to_voice_ms)
            split = breakdown(turn, record.latency_ms)
            if split is not None:
                overhead.append(split.overhead)
                for name in ("endpointing", "stt_exposed", "llm", "tts", "processing", "detection"):
                    parts.setdefault(name, []).append(getattr(split, name))
    return {
        "v2v_ms": summary(v2v),
        "runtime_v2v_ms": summary(runtime_v2v),
        "stages_p50_ms": {stage: percentile(values, 50) for stage, values in stages.items()},
        "overhead_ms": summary(overhead),
        "parts_p50_ms": {name: percentile(values, 50) for name, values in parts.items()},
    }


async def _place_calls(
    runtime: Service, calls: int, scenario: Any, carrier: str
) -> tuple[list[CallReport], dict[str, list[float]]]:
    with agent_frame_arrivals() as arrivals:
        reports = await asyncio.gather(
            *(call_runtime(runtime, scenario, carrier=carrier) for _ in range(calls))
        )
    return list(reports), arrivals


async def run_level(
    runtime: Service, redis: Redis, calls: int, scenario: Any, carrier: str = "twilio"
) -> dict[str, Any]:
    """``calls`` simulated calls at once over ``carrier``; the figures of all their turns."""
    before = histogram_counts(await _metrics_text(runtime), LATENESS_METRIC)
    cpu_before, wall_before = cpu_seconds(runtime.pid), time.monotonic()
    busy_before = machine_busy_seconds()
    reports, arrivals = await _place_calls(runtime, calls, scenario, carrier)
    wall_s = time.monotonic() - wall_before
    busy_cores = (machine_busy_seconds() - busy_before) / wall_s
    runtime_cpu_s = cpu_seconds(runtime.pid) - cpu_before
    after = histogram_counts(await _metrics_text(runtime), LATENESS_METRIC)
    events, end_reasons = await read_call_events(redis, {r.call_sid for r in reports})
    pacing = Pacing()
    for report in reports:
        for segment in _segments(report, arrivals.get(report.call_sid, [])):
            pacing.add_segment(segment)
    call_minutes = sum(report.duration_ms for report in reports) / 60_000
    level: dict[str, Any] = {"carrier": carrier, "calls": calls, "wall_s": round(wall_s, 1)}
    level["failed_checks"] = [
        f"{check.name}: {check.detail}"
        for r in reports
        for check in r.checks
        if check.passed is False
    ][:5]
    level |= _turn_figures(reports, events)
    level["pacing"] = pacing.to_dict()
    level["runtime"] = {
        "cpu_s": round(runtime_cpu_s, 2),
        "cpu_s_per_call_minute": round(runtime_cpu_s / call_minutes, 3) if call_minutes else None,
        "rss_mib": round(rss_mib(runtime.pid), 1),
        "playout_lateness_ms": histogram_quantiles(before, after, (50, 99)) if after else {},
    }
    level["machine_busy_cores"] = round(busy_cores, 2)
    level["sample"] = _sample_texts(events)
    level["runtime_turns"] = sum(len(turns) for turns in events.values())
    level["end_reasons"] = end_reasons
    level["valid"] = level["runtime_turns"] == level["v2v_ms"]["n"] and set(end_reasons) <= {
        "caller_hangup"
    }
    return level


def _sample_texts(events: dict[str, list[CallTurn]]) -> list[dict[str, str]]:
    turns = next(iter(events.values()), [])
    return [{"caller": t.caller_text, "agent": t.agent_text} for t in turns[:3]]


async def run_v2v(
    runtime: Service, redis: Redis, *, stt_url: str, tts_url: str, levels: Sequence[int],
    turns: int, work_dir: Path,
) -> dict[str, Any]:  # fmt: skip
    wavs = await synthesize_caller_lines(tts_url, work_dir / "caller-audio")
    scenario = scenario_for(turns, wavs)
    results = []
    for calls in levels:
        level = await run_level(runtime, redis, calls, scenario)
        results.append(level)
        print_level(level)
    telnyx = []
    for calls in levels:  # the same calls over Telnyx (TeXML, PCMU), on the same machine
        level = await run_level(runtime, redis, calls, scenario, carrier="telnyx")
        telnyx.append(level)
        print_level(level)
    return {
        "method": "call simulator (switchboard_callsim.run_call), real STT/TTS, built-in brain",
        "turns_per_call": turns,
        "end_of_turn_silence_ms": END_OF_TURN_SILENCE_MS,
        "barge_in_min_speech_ms": BARGE_IN_MIN_SPEECH_MS,
        "stt_url": stt_url,
        "tts_url": tts_url,
        "levels": results,
        "telnyx_levels": telnyx,
        "telnyx_vs_twilio_p50": _ratios(results, telnyx),
    }


def _ratios(twilio: Sequence[dict[str, Any]], telnyx: Sequence[dict[str, Any]]) -> list[Any]:
    """Telnyx's voice-to-voice p50 over Twilio's, per concurrency level (goal: within 10%)."""
    ratios = []
    for a, b in zip(twilio, telnyx, strict=True):
        p50_a, p50_b = a["v2v_ms"]["p50"], b["v2v_ms"]["p50"]
        ratios.append(round(p50_b / p50_a, 3) if p50_a and p50_b else None)
    return ratios


def print_level(level: dict[str, Any]) -> None:
    v2v, pacing = level["v2v_ms"], level["pacing"]
    print(
        f"  v2v {level.get('carrier', 'twilio')} calls={level['calls']} turns={v2v['n']} "
        f"p50/p95/p99={v2v['p50']}/{v2v['p95']}/"
        f"{v2v['p99']} ms runtime_v2v p50={level['runtime_v2v_ms']['p50']} "
        f"stages p50={level['stages_p50_ms']} overhead p50={level['overhead_ms']['p50']} ms "
        f"runtime_turns={level['runtime_turns']} end_reasons={level['end_reasons']} "
        f"cpu s/call-min={level['runtime']['cpu_s_per_call_minute']} "
        f"lateness p99={pacing['lateness_ms']['p99']} ms "
        f"late={pacing['late_frames']}/{pacing['frames']}",
        flush=True,
    )
