"""Part B: how many concurrent calls one runtime process holds, with instant fake speech."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from typing import Any

import httpx

from voicebench.figures import Pacing, histogram_counts, histogram_quantiles, summary
from voicebench.load_caller import LoadCall, LoadCaller
from voicebench.stack import Service, cpu_seconds, machine_busy_seconds, rss_mib
from voicebench.tenant import BENCH_NUMBER

LATENESS_METRIC = "voice_runtime_playout_lateness_seconds"
JITTER_LIMIT_MS = 20.0


async def _metrics_text(runtime: Service) -> str:
    async with httpx.AsyncClient() as http:
        return (await http.get(runtime.url + "/metrics", timeout=10.0)).text


def _caller_figures(calls: Sequence[LoadCall]) -> dict[str, Any]:
    pacing = Pacing()
    for call in calls:
        for segment in call.segments:
            pacing.add_segment(segment)
    v2v = [ms for call in calls for ms in call.v2v_ms]
    failed = [call for call in calls if call.error is not None]
    return {
        "connected": sum(1 for call in calls if call.started_at_s),
        "failed": len(failed),
        "first_error": failed[0].error if failed else None,
        "turns": len(v2v),
        "missed_replies": sum(call.missed_replies for call in calls),
        "v2v_ms": summary(v2v),
        "pacing": pacing.to_dict(),
        "call_minutes": sum(
            max(0.0, call.ended_at_s - call.started_at_s) for call in calls if call.started_at_s
        )
        / 60,
    }


def _passed(level: dict[str, Any]) -> bool:
    """Every call connected, and frame lateness p99 under the limit at the caller and (when
    the runtime exports it) inside the runtime."""
    caller_p99 = level["pacing"]["lateness_ms"]["p99"]
    runtime_p99 = level["runtime"]["playout_lateness_ms"].get("p99_le")
    return (
        level["failed"] == 0
        and level["connected"] == level["calls"]
        and caller_p99 is not None
        and caller_p99 < JITTER_LIMIT_MS
        and (runtime_p99 is None or runtime_p99 <= JITTER_LIMIT_MS)
    )


async def run_level(
    runtime: Service, calls: int, *, duration_s: float, ramp_s: float
) -> dict[str, Any]:
    """``calls`` calls at once for ``duration_s`` (after a ``ramp_s`` ramp-up)."""
    before = histogram_counts(await _metrics_text(runtime), LATENESS_METRIC)
    cpu_before, caller_cpu_before = cpu_seconds(runtime.pid), time.process_time()
    wall_before, busy_before = time.monotonic(), machine_busy_seconds()
    caller = LoadCaller(runtime.url, BENCH_NUMBER)
    results = await caller.run(calls, duration_s, ramp_s)
    wall_s = time.monotonic() - wall_before
    runtime_cpu_s = cpu_seconds(runtime.pid) - cpu_before
    caller_cpu_s = time.process_time() - caller_cpu_before
    busy_s = machine_busy_seconds() - busy_before
    after = histogram_counts(await _metrics_text(runtime), LATENESS_METRIC)
    level: dict[str, Any] = {"calls": calls, "wall_s": round(wall_s, 1)}
    level |= _caller_figures(results)
    call_minutes = level["call_minutes"]
    level["runtime"] = {
        "cpu_s": round(runtime_cpu_s, 2),
        "cpu_cores": round(runtime_cpu_s / wall_s, 3),
        "cpu_s_per_call_minute": round(runtime_cpu_s / call_minutes, 3) if call_minutes else None,
        "rss_mib": round(rss_mib(runtime.pid), 1),
        "playout_lateness_ms": histogram_quantiles(before, after, (50, 99)) if after else {},
    }
    per_call_minute = level["runtime"]["cpu_s_per_call_minute"]
    level["runtime"]["calls_per_core_estimate"] = (
        round(60 / per_call_minute) if per_call_minute else None
    )
    level["caller"] = {
        "cpu_cores": round(caller_cpu_s / wall_s, 3),
        "tick_lag_ms": summary(caller.tick_lag_ms),
    }
    level["machine"] = {
        "busy_cores": round(busy_s / wall_s, 2),
        "other_cores": round((busy_s - runtime_cpu_s - caller_cpu_s) / wall_s, 2),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    level["call_minutes"] = round(call_minutes, 2)
    level["passed"] = _passed(level)
    return level


async def run_capacity(
    runtime: Service, levels: Sequence[int], *, duration_s: float, ramp_s: float
) -> dict[str, Any]:
    """Ramps through ``levels`` until one fails; the capacity is the last level that passed."""
    results: list[dict[str, Any]] = []
    for calls in levels:
        level = await run_level(runtime, calls, duration_s=duration_s, ramp_s=ramp_s)
        results.append(level)
        print_level(level)
        if not level["passed"] or calls == levels[-1]:
            break
        await asyncio.sleep(1.0)  # let the runtime finish the calls' teardown
    passed = [level["calls"] for level in results if level["passed"]]
    return {
        "method": "lean load caller (tools/bench/voicebench/load_caller.py), fake speech",
        "jitter_limit_ms": JITTER_LIMIT_MS,
        "duration_s": duration_s,
        "ramp_s": ramp_s,
        "max_calls_within_limit": max(passed) if passed else 0,
        "levels": results,
    }


def print_level(level: dict[str, Any]) -> None:
    pacing, runtime = level["pacing"], level["runtime"]
    print(
        f"  capacity calls={level['calls']:>4} connected={level['connected']:>4} "
        f"failed={level['failed']} turns={level['turns']} "
        f"lateness p50/p99={pacing['lateness_ms']['p50']}/{pacing['lateness_ms']['p99']} ms "
        f"late_frames={pacing['late_frames']}/{pacing['frames']} "
        f"runtime_p99<={runtime['playout_lateness_ms'].get('p99_le')} ms "
        f"v2v p50={level['v2v_ms']['p50']} ms runtime_cpu={runtime['cpu_cores']} cores "
        f"caller_cpu={level['caller']['cpu_cores']} cores "
        f"other_processes={level['machine']['other_cores']} cores "
        f"{'PASS' if level['passed'] else 'FAIL'}",
        flush=True,
    )
