"""``switchboard-callsim``: place one scripted call against a running runtime and print it live."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn

from switchboard_callsim.carrier import FakeTwilioRest
from switchboard_callsim.events import SimEvent, describe
from switchboard_callsim.report import CallReport
from switchboard_callsim.runner import run_call
from switchboard_callsim.scenario import ScenarioError, load_scenario
from switchboard_callsim.speech import SpeechServiceError
from switchboard_callsim.webhook import WebhookError, new_sid

DEMO_SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "demo.yaml"


def _parser() -> argparse.ArgumentParser:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="switchboard-callsim", description=__doc__)
    parser.add_argument("scenario", nargs="?", type=Path, default=DEMO_SCENARIO)
    parser.add_argument("--runtime-url", default="http://127.0.0.1:8081")
    parser.add_argument("--public-base-url", help="URL the runtime signs (default: runtime URL)")
    parser.add_argument(
        "--auth-token",
        default=env("VOICE_RUNTIME_TWILIO__AUTH_TOKEN"),
        help="Twilio auth token (default: $VOICE_RUNTIME_TWILIO__AUTH_TOKEN)",
    )
    parser.add_argument("--account-sid", default=env("VOICE_RUNTIME_TWILIO__ACCOUNT_SID"))
    parser.add_argument("--tts-url", default="http://127.0.0.1:8083")
    parser.add_argument("--stt-url", default="http://127.0.0.1:8082")
    parser.add_argument(
        "--tts-token",
        default=env("VOICE_RUNTIME_TTS_TOKEN"),
        help="TTS service token (default: $VOICE_RUNTIME_TTS_TOKEN; none: an open service)",
    )
    parser.add_argument(
        "--stt-token",
        default=env("VOICE_RUNTIME_STT_TOKEN"),
        help="STT service token (default: $VOICE_RUNTIME_STT_TOKEN; none: an open service)",
    )
    parser.add_argument("--out-dir", type=Path, default=Path(".run/callsim"))
    parser.add_argument(
        "--fake-carrier-port",
        type=int,
        help="serve a fake Twilio REST API here (point VOICE_RUNTIME_TWILIO__API_BASE at it)",
    )
    parser.add_argument("--no-live-transcripts", action="store_true")
    return parser


@contextlib.asynccontextmanager
async def _fake_carrier(
    port: int | None, account_sid: str, token: str
) -> AsyncIterator[FakeTwilioRest | None]:
    if port is None:
        yield None
        return
    carrier = FakeTwilioRest(account_sid, token)
    config = uvicorn.Config(carrier.app(), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        yield carrier
    finally:
        server.should_exit = True
        await task


def _print(event: SimEvent) -> None:
    print(describe(event), flush=True)


def summary(report: CallReport) -> str:
    """The closing lines: latencies, failed checks, where the files are."""
    lines = []
    latencies = report.latencies_ms
    if latencies:
        p50_ms, max_ms = statistics.median(latencies), max(latencies)
        turns = len(latencies)
        lines.append(f"voice-to-voice over {turns} turns: p50 {p50_ms:.0f} ms, max {max_ms:.0f} ms")
    lines += [
        f"FAILED {c.name} (turn {c.turn}): {c.detail}" for c in report.checks if c.passed is False
    ]
    lines += [f"unverified {c.name}: {c.detail}" for c in report.checks if c.passed is None]
    lines += [f"error: {error}" for error in report.errors]
    if report.recording_path:
        lines.append(f"recording: {report.recording_path}")
    return "\n".join(lines)


async def _run(args: argparse.Namespace) -> CallReport:
    account_sid = args.account_sid or new_sid("AC")
    async with _fake_carrier(args.fake_carrier_port, account_sid, args.auth_token) as carrier:
        return await run_call(
            load_scenario(args.scenario),
            runtime_url=args.runtime_url,
            public_base_url=args.public_base_url or args.runtime_url,
            auth_token=args.auth_token,
            tts_url=args.tts_url,
            stt_url=args.stt_url,
            tts_token=args.tts_token,
            stt_token=args.stt_token,
            out_dir=args.out_dir,
            on_event=_print,
            account_sid=account_sid,
            carrier=carrier,
            live_transcripts=not args.no_live_transcripts,
        )


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 every expectation held, 1 one failed, 2 the call could not be placed."""
    args = _parser().parse_args(argv)
    if not args.auth_token:
        print(
            "error: --auth-token (or VOICE_RUNTIME_TWILIO__AUTH_TOKEN) is required", file=sys.stderr
        )
        return 2
    try:
        report = asyncio.run(_run(args))
    except (ScenarioError, SpeechServiceError, WebhookError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
