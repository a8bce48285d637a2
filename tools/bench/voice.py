"""Benchmark: voice-to-voice latency on the real stack, and one runtime's call capacity.

Usage: uv run --locked python tools/bench/voice.py [--calls 1,2,4,8] [--turns 3] [--quick]
       [--barge-in-calls 10] [--realtime-sessions 5]
       [--capacity-only | --v2v-only] [--capacity-levels 25,50,75,100,150,200,300,400]
       [--stt-url URL --tts-url URL] [--runtime-url URL --runtime-pid PID]
A) voice-to-voice: N simulated calls at once (the call simulator) through STT, TTS and the voice
runtime started here as subprocesses, then calls that talk over the agent (how fast it stops),
then realtime sessions (WS /v1/realtime, the openai SDK) on the client's clock.
B) capacity: concurrency ramped on a runtime whose speech services are instant fakes, until frame
pacing breaks. Results: .bench/voice.json and .md.
See docs/benchmarks.md for what each figure means.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parent))

from voicebench.barge_in import run_barge_in
from voicebench.capacity import run_capacity
from voicebench.realtime import run_realtime
from voicebench.report import write_report
from voicebench.stack import (
    REDIS_URL,
    REPO,
    Service,
    Stack,
    start_fake_speech,
    start_runtime,
    start_stt,
    start_tts,
)
from voicebench.tenant import publish_bench_tenant, remove_bench_tenant
from voicebench.v2v import run_v2v

MAX_CALLS = 2000


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--calls", type=_ints, default=None, help="concurrency levels for A")
    parser.add_argument("--turns", type=int, default=3, help="caller turns per call in A")
    parser.add_argument("--barge-in-calls", type=int, default=None, help="talk-over calls in A")
    parser.add_argument(
        "--realtime-sessions", type=int, default=None, help="WS /v1/realtime sessions in A"
    )
    parser.add_argument("--quick", action="store_true", help="fewer levels, shorter runs")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--capacity-only", action="store_true")
    only.add_argument("--v2v-only", action="store_true")
    parser.add_argument("--capacity-levels", type=_ints, default=None)
    parser.add_argument("--capacity-seconds", type=float, default=None, help="per level")
    parser.add_argument("--ramp-seconds", type=float, default=None, help="calls start over this")
    parser.add_argument("--stt-url", help="use this STT service instead of starting one")
    parser.add_argument("--tts-url", help="use this TTS service instead of starting one")
    parser.add_argument("--out-dir", type=Path, default=REPO / ".bench")
    args = parser.parse_args(argv)
    if args.calls is None:
        args.calls = [1, 2, 4] if args.quick else [1, 2, 4, 8]
    if args.quick:
        args.turns = min(args.turns, 2)
    if args.barge_in_calls is None:
        args.barge_in_calls = 4 if args.quick else 10
    if args.realtime_sessions is None:
        args.realtime_sessions = 2 if args.quick else 5
    if args.capacity_levels is None:
        args.capacity_levels = (
            [25, 50, 100] if args.quick else [25, 50, 75, 100, 150, 200, 300, 400]
        )
    if args.ramp_seconds is None:
        args.ramp_seconds = 2.0 if args.quick else 4.0
    if args.capacity_seconds is None:
        args.capacity_seconds = 8.0 if args.quick else 15.0
    return args


async def _v2v_part(args: argparse.Namespace, stack: Stack, redis: Redis) -> dict[str, Any]:
    stt = Service("stt", args.stt_url) if args.stt_url else start_stt(stack)
    tts = Service("tts", args.tts_url) if args.tts_url else start_tts(stack)
    runtime = start_runtime(stack, stt_url=stt.url, tts_url=tts.url, max_calls=MAX_CALLS)
    stack.wait_ready()
    part: dict[str, Any] = await run_v2v(
        runtime, redis, stt_url=stt.url, tts_url=tts.url, levels=args.calls, turns=args.turns,
        work_dir=args.out_dir / "voice-calls",
    )  # fmt: skip
    if args.barge_in_calls > 0:
        part["barge_in"] = await run_barge_in(
            runtime, calls=args.barge_in_calls, tts_url=tts.url, work_dir=args.out_dir
        )
    if args.realtime_sessions > 0:
        part["realtime"] = await run_realtime(
            runtime, sessions=args.realtime_sessions, tts_url=tts.url
        )
    return part


async def _capacity_part(args: argparse.Namespace, stack: Stack) -> dict[str, Any]:
    speech = start_fake_speech(stack)
    runtime = start_runtime(stack, stt_url=speech.url, tts_url=speech.url, max_calls=MAX_CALLS)
    stack.wait_ready()
    part: dict[str, Any] = await run_capacity(
        runtime, args.capacity_levels, duration_s=args.capacity_seconds, ramp_s=args.ramp_seconds
    )
    return part


async def main(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {}
    redis = Redis.from_url(REDIS_URL)
    await publish_bench_tenant(redis, max_calls=MAX_CALLS)
    try:
        if not args.capacity_only:
            stack = Stack(args.out_dir / "logs")
            try:
                print("A) voice-to-voice on the real stack", flush=True)
                report["voice_to_voice"] = await _v2v_part(args, stack, redis)
            finally:
                stack.close()
        if not args.v2v_only:
            stack = Stack(args.out_dir / "logs")
            try:
                print("B) runtime capacity with fake speech", flush=True)
                report["capacity"] = await _capacity_part(args, stack)
            finally:
                stack.close()
    finally:
        await remove_bench_tenant(redis)
        await redis.aclose()
    write_report(report, args.out_dir)
    return report


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
