"""One simulated call's run, whichever carrier places it: the speech it needs prepared, the
report opened once the runtime has taken the call, the media socket driven by the scenario, and
the checks, files and events that close it (``run_call``, ``run_telnyx_call``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake, InvalidStatus

from switchboard_callsim.caller import ScenarioDriver
from switchboard_callsim.carrier import CarrierObserver
from switchboard_callsim.energy import trim_silence
from switchboard_callsim.events import AgentReplied, CallAnswered, CallFinished, OnEvent
from switchboard_callsim.expectations import evaluate
from switchboard_callsim.recording import write_recording
from switchboard_callsim.report import CallReport, TurnRecord
from switchboard_callsim.scenario import Scenario, load_scenario
from switchboard_callsim.speech import SpeechClient, SpeechServiceError
from switchboard_callsim.stream import MediaStream
from switchboard_callsim.utterances import prepare_utterances
from switchboard_callsim.webhook import CallIdentity

_END_REASONS = {"hangup": "agent_hangup", "transfer": "transferred", "redirect": "redirected"}


@dataclass(frozen=True, slots=True)
class PreparedCall:
    """What a call needs before the carrier places it: the scenario, the HTTP client the
    placement uses, the speech client, the caller's synthesized utterances by turn."""

    scenario: Scenario
    http: httpx.AsyncClient
    speech: SpeechClient
    utterances: dict[int, bytes]
    started_at: str
    """When the call was placed (ISO 8601, UTC): after its utterances were synthesized."""


@asynccontextmanager
async def prepared_call(
    scenario: Scenario | Path | str,
    *,
    tts_url: str | None,
    stt_url: str | None,
    tts_token: str | None,
    stt_token: str | None,
) -> AsyncIterator[PreparedCall]:
    """Loads the scenario (unless given one) and synthesizes its utterances; the HTTP client
    is closed when the block ends. Raises ``ScenarioError`` or ``SpeechServiceError``."""
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0)) as http:
        speech = SpeechClient(
            http, tts_url=tts_url, stt_url=stt_url, tts_token=tts_token, stt_token=stt_token
        )
        utterances = await prepare_utterances(scenario, speech)
        started_at = datetime.now(UTC).isoformat()
        yield PreparedCall(scenario, http, speech, utterances, started_at)


class CallRun:
    """One call's moving parts, whichever carrier placed it (``run_call``, ``run_telnyx_call``)."""

    @classmethod
    def answered(cls, prepared: PreparedCall, identity: CallIdentity, *, kind: str,
                 said: Sequence[str], on_event: OnEvent | None,
                 live_transcripts: bool) -> CallRun:  # fmt: skip
        """The run of a call the runtime took as ``kind`` (the TwiML or TeXML verb that
        answered it, or how Call Control did), having said ``said``; tells ``on_event``."""
        report = CallReport(
            scenario=prepared.scenario.name, call_sid=identity.call_sid,
            account_sid=identity.account_sid, stream_sid=identity.stream_sid, twiml=kind,
            twiml_said=list(said), started_at=prepared.started_at,
        )  # fmt: skip
        call = cls(prepared.scenario, prepared.speech, report, on_event, live_transcripts)
        call.emit(CallAnswered(identity.call_sid, kind))
        return call

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

    def refused(self, reason: str) -> None:
        """The runtime took the call without a media stream (a refusal, a message, a hang-up)."""
        self.report.ended_by, self.report.end_reason = "runtime", reason

    def finish(self, *, carrier_observed: bool, out_dir: Path | str | None) -> CallReport:
        """Checks the report against the scenario, writes the report and the recording to
        ``out_dir`` when given, tells ``on_event`` and returns the report."""
        report = self.report
        report.checks = evaluate(report, self.scenario, carrier_observed=carrier_observed)
        if out_dir is not None:
            write_outputs(report, self.media, Path(out_dir))
        self.emit(
            CallFinished(report.ended_by, report.end_reason, report.duration_ms, report.passed)
        )
        return report

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


def write_outputs(report: CallReport, media: MediaStream | None, out_dir: Path) -> None:
    stem = f"{report.scenario}-{report.call_sid}"
    if media is not None:
        path = out_dir / f"{stem}.wav"
        write_recording(path, bytes(media.timeline.caller_audio), media.timeline.playout.segments)
        report.recording_path = str(path)
    report.write(out_dir / f"{stem}.json")
