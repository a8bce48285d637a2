"""``run_call``: one scripted call through the runtime, from the webhook to the report."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake, InvalidStatus

from switchboard_callsim.caller import ScenarioDriver
from switchboard_callsim.carrier import CarrierObserver
from switchboard_callsim.energy import DEFAULT_VOICED_RMS, trim_silence
from switchboard_callsim.events import AgentReplied, CallAnswered, CallFinished, OnEvent
from switchboard_callsim.expectations import evaluate
from switchboard_callsim.recording import write_recording
from switchboard_callsim.report import CallReport, TurnRecord
from switchboard_callsim.scenario import Scenario, load_scenario
from switchboard_callsim.signature import SIGNATURE_HEADER, twilio_signature
from switchboard_callsim.speech import SpeechClient, SpeechServiceError
from switchboard_callsim.stream import MediaStream
from switchboard_callsim.utterances import prepare_utterances
from switchboard_callsim.webhook import (
    VOICE_PATH,
    CallIdentity,
    media_connect_url,
    new_sid,
    post_voice_webhook,
)

_END_REASONS = {"hangup": "agent_hangup", "transfer": "transferred", "redirect": "redirected"}


class CallRun:
    """One call's moving parts, whichever carrier placed it (``run_call``, ``run_telnyx_call``)."""

    def __init__(self, scenario: Scenario, speech: SpeechClient, report: CallReport,
                 on_event: OnEvent | None, live_transcripts: bool) -> None:  # fmt: skip
        self.scenario = scenario
        self.speech = speech
        self.report = report
        self.on_event = on_event
        self.live = live_transcripts and speech.can_transcribe
        self._transcriptions: asyncio.TaskGroup | None = None
        self.media: MediaStream | None = None

    def emit(self, event: CallAnswered | AgentReplied | CallFinished) -> None:
        if self.on_event is not None:
            self.on_event(event)

    async def transcribe(self, turn: TurnRecord, audio: bytes) -> None:
        if not self.speech.can_transcribe or len(audio) == turn.transcribed_bytes:
            return
        turn.transcribed_bytes = len(audio)
        try:
            turn.agent_text = await self.speech.transcribe(trim_silence(audio))
        except SpeechServiceError as exc:
            self.report.errors.append(f"turn {turn.index}: {exc}")
            return
        self.emit(AgentReplied(turn.index, turn.agent_text, turn.latency_ms))

    async def stream(self, stream: MediaStream, utterances: dict[int, bytes],
                     carrier: CarrierObserver | None) -> None:  # fmt: skip
        def turn_done(turn: TurnRecord) -> None:
            if self.live and self._transcriptions is not None:
                audio = stream.timeline.playout.audio_for(turn.index)
                self._transcriptions.create_task(self.transcribe(turn, audio))

        driver = ScenarioDriver(
            self.scenario, stream, utterances, on_event=self.on_event, on_turn_done=turn_done
        )
        async with asyncio.TaskGroup() as transcriptions:
            self._transcriptions = transcriptions
            async with asyncio.TaskGroup() as call:
                driving = call.create_task(self._drive(driver, stream))
                watching = call.create_task(self._watch(carrier, stream)) if carrier else None
                await stream.run()
                driving.cancel()
                if watching is not None:
                    watching.cancel()
            self._transcriptions = None
        for turn in stream.timeline.turns:
            await self.transcribe(turn, stream.timeline.playout.audio_for(turn.index))
        self.report.turns = stream.timeline.turns
        self.media = stream
        self.report.ended_by = stream.ended_by
        if self.report.end_reason == "unknown":
            self.report.end_reason = "caller_hangup" if driver.hung_up else "runtime_closed"

    async def _drive(self, driver: ScenarioDriver, stream: MediaStream) -> None:
        try:
            async with asyncio.timeout(self.scenario.max_duration_s):
                await driver.run()
        except TimeoutError:
            self.report.end_reason = "max_duration"
            await stream.hang_up("caller")

    async def _watch(self, carrier: CarrierObserver, stream: MediaStream) -> None:
        """Like Twilio: a REST hang-up or redirect of the call ends its media stream."""
        action = await carrier.next_action(self.report.call_sid)
        self.report.carrier_actions.append(action.to_dict())
        if not stream.ended.is_set():
            self.report.end_reason = _END_REASONS[action.kind]
            await stream.hang_up("runtime")


async def run_media_socket(
    call: CallRun,
    connect_url: str,
    headers: dict[str, str],
    make_stream: Callable[[ClientConnection], MediaStream],
    utterances: dict[int, bytes],
    carrier: CarrierObserver | None,
) -> float:
    """Opens the media socket (as the carrier would, with ``headers``), runs the call on the
    stream ``make_stream`` builds over it, and returns its duration in ms (0 when refused)."""
    report = call.report
    try:
        async with connect(connect_url, additional_headers=headers, max_size=2**20) as ws:
            stream = make_stream(ws)
            await call.stream(stream, utterances, carrier)
            return stream.now_ms()
    except InvalidStatus as exc:
        report.ended_by, report.end_reason = "runtime", "media_rejected"
        report.errors.append(f"media upgrade refused: HTTP {exc.response.status_code}")
    except (InvalidHandshake, OSError) as exc:
        report.ended_by, report.end_reason = "runtime", "media_failed"
        report.errors.append(f"media socket failed: {exc!r}")
    return 0.0


async def _open_media(
    call: CallRun,
    identity: CallIdentity,
    *,
    stream_url: str,
    connect_url: str,
    auth_token: str,
    parameters: dict[str, str],
    utterances: dict[int, bytes],
    carrier: CarrierObserver | None,
    voiced_rms: float,
) -> float:
    """Opens the signed media socket and runs the call on it; returns its duration in ms."""
    headers = {SIGNATURE_HEADER: twilio_signature(auth_token, stream_url)}

    def make_stream(ws: ClientConnection) -> MediaStream:
        return MediaStream(
            ws, identity, parameters, call.report, on_event=call.on_event, voiced_rms=voiced_rms
        )

    return await run_media_socket(call, connect_url, headers, make_stream, utterances, carrier)


def write_outputs(report: CallReport, media: MediaStream | None, out_dir: Path) -> None:
    stem = f"{report.scenario}-{report.call_sid}"
    if media is not None:
        path = out_dir / f"{stem}.wav"
        write_recording(path, bytes(media.timeline.caller_audio), media.timeline.playout.segments)
        report.recording_path = str(path)
    report.write(out_dir / f"{stem}.json")


async def run_call(
    scenario: Scenario | Path | str,
    *,
    runtime_url: str,
    public_base_url: str,
    auth_token: str,
    tts_url: str | None = None,
    stt_url: str | None = None,
    tts_token: str | None = None,
    stt_token: str | None = None,
    out_dir: Path | str | None = None,
    on_event: OnEvent | None = None,
    account_sid: str | None = None,
    carrier: CarrierObserver | None = None,
    media_url: str | None = None,
    voice_path: str = VOICE_PATH,
    live_transcripts: bool = True,
    voiced_rms: float = DEFAULT_VOICED_RMS,
) -> CallReport:
    """Places one call exactly as Twilio would and returns what happened.

    ``runtime_url`` is where the runtime listens (http://127.0.0.1:8081); ``public_base_url`` is
    the URL it believes it serves (the webhook signature covers it). The media socket goes to
    ``media_url``, or to the Stream url's path on ``runtime_url``, and is signed over the Stream
    url itself. ``carrier`` reports the runtime's REST hang-ups/transfers (see ``carrier.py``).
    ``live_transcripts`` transcribes each reply as soon as it is complete (the STT load then
    overlaps the call; benchmarks turn it off). ``tts_token`` and ``stt_token`` are the speech
    services' own tokens, when they require them. Raises ``ScenarioError``, ``SpeechServiceError``
    (caller audio) or ``WebhookError``.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    identity = CallIdentity(
        call_sid=new_sid("CA"),
        account_sid=account_sid or new_sid("AC"),
        stream_sid=new_sid("MZ"),
        from_number=scenario.from_number,
        to_number=scenario.to_number,
    )
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0)) as http:
        speech = SpeechClient(
            http, tts_url=tts_url, stt_url=stt_url, tts_token=tts_token, stt_token=stt_token
        )
        utterances = await prepare_utterances(scenario, speech)
        started_at = datetime.now(UTC).isoformat()
        twiml = await post_voice_webhook(
            http, identity, runtime_url=runtime_url, public_base_url=public_base_url,
            auth_token=auth_token, path=voice_path,
        )  # fmt: skip
        report = CallReport(
            scenario=scenario.name, call_sid=identity.call_sid, account_sid=identity.account_sid,
            stream_sid=identity.stream_sid, twiml=twiml.kind, twiml_said=list(twiml.said),
            started_at=started_at,
        )  # fmt: skip
        call = CallRun(scenario, speech, report, on_event, live_transcripts)
        call.emit(CallAnswered(identity.call_sid, twiml.kind))
        if twiml.stream_url is None:
            report.ended_by, report.end_reason = "runtime", twiml.reason or twiml.kind
        else:
            report.duration_ms = await _open_media(
                call, identity, stream_url=twiml.stream_url,
                connect_url=media_url or media_connect_url(twiml.stream_url, runtime_url),
                auth_token=auth_token, parameters=twiml.parameters, utterances=utterances,
                carrier=carrier, voiced_rms=voiced_rms,
            )  # fmt: skip
    report.checks = evaluate(report, scenario, carrier_observed=carrier is not None)
    if out_dir is not None:
        write_outputs(report, call.media, Path(out_dir))
    call.emit(CallFinished(report.ended_by, report.end_reason, report.duration_ms, report.passed))
    return report
