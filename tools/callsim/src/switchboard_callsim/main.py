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
from fastapi import FastAPI

from switchboard_callsim.carrier import FakeTwilioRest
from switchboard_callsim.events import SimEvent, describe
from switchboard_callsim.report import CallReport
from switchboard_callsim.runner import run_call
from switchboard_callsim.scenario import ScenarioError, load_scenario
from switchboard_callsim.speech import SpeechServiceError
from switchboard_callsim.telnyx_rest import FakeTelnyxRest
from switchboard_callsim.telnyx_runner import run_telnyx_call
from switchboard_callsim.telnyx_signature import TelnyxSigner
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
        help="serve a fake carrier REST API here (point VOICE_RUNTIME_TWILIO__API_BASE, or "
        "VOICE_RUNTIME_TELNYX__API_BASE with --carrier telnyx, at it)",
    )
    parser.add_argument("--no-live-transcripts", action="store_true")
    telnyx = parser.add_argument_group("Telnyx (--carrier telnyx)")
    telnyx.add_argument("--carrier", choices=("twilio", "telnyx"), default="twilio")
    telnyx.add_argument("--telnyx-mode", choices=("texml", "call-control"), default="texml")
    telnyx.add_argument(
        "--telnyx-signing-key",
        default=env("CALLSIM_TELNYX_SIGNING_KEY"),
        help="base64 Ed25519 private key (32-byte seed) the webhooks are signed with; the "
        "runtime's VOICE_RUNTIME_TELNYX__PUBLIC_KEY is its public key "
        "(default: $CALLSIM_TELNYX_SIGNING_KEY)",
    )
    telnyx.add_argument(
        "--telnyx-api-key",
        default=env("VOICE_RUNTIME_TELNYX__API_KEY"),
        help="the API key the fake Telnyx REST API accepts (default: "
        "$VOICE_RUNTIME_TELNYX__API_KEY); serve it with --fake-carrier-port",
    )
    telnyx.add_argument(
        "--print-telnyx-public-key",
        action="store_true",
        help="print the public key of --telnyx-signing-key (for the runtime) and exit",
    )
    telnyx.add_argument("--texml-method", choices=("GET", "POST"), default="GET")
    telnyx.add_argument("--stream-token", help="stream auth token sent on a TeXML media socket")
    telnyx.add_argument(
        "--disorder-every", type=int, default=0, help="re-order and repeat every n-th media frame"
    )
    return parser


@contextlib.asynccontextmanager
async def _serving(app: FastAPI, port: int) -> AsyncIterator[None]:
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        yield
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


async def _run_telnyx(args: argparse.Namespace) -> CallReport:
    carrier = FakeTelnyxRest(args.telnyx_api_key or "") if args.fake_carrier_port else None
    async with contextlib.AsyncExitStack() as stack:
        if carrier is not None:
            await stack.enter_async_context(_serving(carrier.app(), args.fake_carrier_port))
        return await run_telnyx_call(
            load_scenario(args.scenario),
            runtime_url=args.runtime_url,
            signer=TelnyxSigner.from_private_key(args.telnyx_signing_key),
            mode="texml" if args.telnyx_mode == "texml" else "call_control",
            carrier=carrier,
            texml_method=args.texml_method,
            stream_auth_token=args.stream_token,
            disorder_every=args.disorder_every,
            tts_url=args.tts_url,
            stt_url=args.stt_url,
            tts_token=args.tts_token,
            stt_token=args.stt_token,
            out_dir=args.out_dir,
            on_event=_print,
            live_transcripts=not args.no_live_transcripts,
        )


async def _run(args: argparse.Namespace) -> CallReport:
    if args.carrier == "telnyx":
        return await _run_telnyx(args)
    account_sid = args.account_sid or new_sid("AC")
    carrier = None
    async with contextlib.AsyncExitStack() as stack:
        if args.fake_carrier_port is not None:
            carrier = FakeTwilioRest(account_sid, args.auth_token)
            await stack.enter_async_context(_serving(carrier.app(), args.fake_carrier_port))
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


def _missing_credentials(args: argparse.Namespace) -> str | None:
    if args.carrier == "twilio" and not args.print_telnyx_public_key:
        if not args.auth_token:
            return "--auth-token (or VOICE_RUNTIME_TWILIO__AUTH_TOKEN) is required"
        return None
    if not args.telnyx_signing_key:
        return "--telnyx-signing-key (or CALLSIM_TELNYX_SIGNING_KEY) is required"
    try:
        TelnyxSigner.from_private_key(args.telnyx_signing_key)
    except ValueError as exc:
        return f"--telnyx-signing-key: {exc}"
    if args.print_telnyx_public_key:
        return None
    if args.telnyx_mode == "call-control" and args.fake_carrier_port is None:
        return "--telnyx-mode call-control needs --fake-carrier-port (the runtime answers there)"
    if args.fake_carrier_port is not None and not args.telnyx_api_key:
        return "--fake-carrier-port needs --telnyx-api-key (or VOICE_RUNTIME_TELNYX__API_KEY)"
    return None


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 every expectation held, 1 one failed, 2 the call could not be placed."""
    args = _parser().parse_args(argv)
    if (problem := _missing_credentials(args)) is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.print_telnyx_public_key:
        print(TelnyxSigner.from_private_key(args.telnyx_signing_key).public_key)
        return 0
    try:
        report = asyncio.run(_run(args))
    except (ScenarioError, SpeechServiceError, WebhookError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
