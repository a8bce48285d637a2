"""``run_call``: one scripted call placed exactly as Twilio places it, from the webhook to the
report."""

from __future__ import annotations

from pathlib import Path

from websockets.asyncio.client import ClientConnection

from switchboard_callsim.call_run import CallRun, prepared_call, run_media_socket
from switchboard_callsim.carrier import CarrierObserver
from switchboard_callsim.energy import DEFAULT_VOICED_RMS
from switchboard_callsim.events import OnEvent
from switchboard_callsim.report import CallReport
from switchboard_callsim.scenario import Scenario
from switchboard_callsim.signature import SIGNATURE_HEADER, twilio_signature
from switchboard_callsim.stream import MediaStream
from switchboard_callsim.webhook import (
    VOICE_PATH,
    CallIdentity,
    media_connect_url,
    new_sid,
    post_voice_webhook,
)


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
    async with prepared_call(
        scenario, tts_url=tts_url, stt_url=stt_url, tts_token=tts_token, stt_token=stt_token
    ) as prepared:
        identity = CallIdentity(
            call_sid=new_sid("CA"),
            account_sid=account_sid or new_sid("AC"),
            stream_sid=new_sid("MZ"),
            from_number=prepared.scenario.from_number,
            to_number=prepared.scenario.to_number,
        )
        twiml = await post_voice_webhook(
            prepared.http, identity, runtime_url=runtime_url, public_base_url=public_base_url,
            auth_token=auth_token, path=voice_path,
        )  # fmt: skip
        call = CallRun.answered(
            prepared, identity, kind=twiml.kind, said=twiml.said, on_event=on_event,
            live_transcripts=live_transcripts,
        )  # fmt: skip
        if twiml.stream_url is None:
            call.refused(twiml.reason or twiml.kind)
        else:
            call.report.duration_ms = await _open_media(
                call, identity, stream_url=twiml.stream_url,
                connect_url=media_url or media_connect_url(twiml.stream_url, runtime_url),
                auth_token=auth_token, parameters=twiml.parameters,
                utterances=prepared.utterances, carrier=carrier, voiced_rms=voiced_rms,
            )  # fmt: skip
    return call.finish(carrier_observed=carrier is not None, out_dir=out_dir)
