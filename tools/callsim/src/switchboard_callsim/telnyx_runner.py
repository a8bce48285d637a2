"""``run_telnyx_call``: one scripted call placed exactly as Telnyx places it, in either mode.

TeXML: the signed instruction fetch (GET, or POST), then the media socket from ``<Stream url>``.
Call Control: a signed ``call.initiated`` to the runtime's webhook; the runtime answers through
the (fake) REST API, and the stream opens where ``answer`` or ``streaming_start`` says, with the
stream auth token it set. Lifecycle events (``call.answered``, ``streaming.started``,
``call.hangup``) follow, signed, as Telnyx would send them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Literal

import httpx
from websockets.asyncio.client import ClientConnection

from switchboard_callsim.call_run import CallRun, prepared_call, run_media_socket
from switchboard_callsim.energy import DEFAULT_VOICED_RMS
from switchboard_callsim.events import OnEvent
from switchboard_callsim.report import CallReport
from switchboard_callsim.scenario import Scenario, load_scenario
from switchboard_callsim.telnyx_rest import FakeTelnyxRest, StreamRequest, stream_request
from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_callsim.telnyx_stream import AUTH_TOKEN_HEADER, TelnyxMediaStream
from switchboard_callsim.telnyx_webhook import (
    CALL_CONTROL_PATH,
    TEXML_PATH,
    TexmlMethod,
    call_control_event,
    fetch_texml,
    initiated_event,
    new_telnyx_identity,
    post_event,
)
from switchboard_callsim.webhook import CallIdentity, WebhookError, media_connect_url, require_ok

TelnyxMode = Literal["texml", "call_control"]


class _Placement:
    """How the runtime took the call: a stream to open, or a refusal (``kind``, ``said``)."""

    def __init__(self, kind: str, stream: StreamRequest | None = None,
                 said: tuple[str, ...] = (), reason: str | None = None) -> None:  # fmt: skip
        self.kind, self.stream, self.said, self.reason = kind, stream, said, reason


async def _texml_placement(http: httpx.AsyncClient, identity: CallIdentity, *, runtime_url: str,
                           signer: TelnyxSigner, method: TexmlMethod, path: str,
                           stream_auth_token: str | None) -> _Placement:  # fmt: skip
    texml = await fetch_texml(
        http, identity, runtime_url=runtime_url, signer=signer, method=method, path=path
    )
    outcome = texml.outcome
    if outcome.stream_url is None:
        return _Placement(outcome.kind, said=outcome.said, reason=outcome.reason)
    stream = StreamRequest(
        url=outcome.stream_url, codec=texml.codec, sample_rate_hz=texml.sample_rate_hz,
        auth_token=stream_auth_token, custom_parameters=outcome.parameters,
        bidirectional_mode="rtp",
    )  # fmt: skip
    return _Placement("stream", stream, said=outcome.said)


async def _call_control_placement(http: httpx.AsyncClient, identity: CallIdentity, *,
                                  runtime_url: str, signer: TelnyxSigner, path: str,
                                  carrier: FakeTelnyxRest, timeout_s: float,
                                  lifecycle: bool) -> _Placement:  # fmt: skip
    response = await post_event(
        http, initiated_event(identity), runtime_url=runtime_url, signer=signer, path=path
    )
    require_ok(response, "call.initiated")
    said: list[str] = []
    while True:
        try:
            async with asyncio.timeout(timeout_s):
                command = await carrier.next_command(identity.call_sid)
        except TimeoutError:
            raise WebhookError(f"the runtime sent no command within {timeout_s} s") from None
        if command.action == "speak":
            said.append(str(command.body.get("payload", "")))
            if lifecycle:  # Telnyx reports the end of the speech; a refusal hangs up then
                ended = call_control_event("call.speak.ended", identity, status="completed")
                await post_event(http, ended, runtime_url=runtime_url, signer=signer, path=path)
        elif command.action == "reject":
            return _Placement("reject", said=tuple(said), reason=str(command.body.get("cause")))
        elif command.action == "hangup":
            return _Placement("say" if said else "hangup", said=tuple(said))
        elif command.action in ("answer", "streaming_start"):
            if command.action == "answer" and lifecycle:
                body = call_control_event(
                    "call.answered",
                    identity,
                    state="answered",
                    client_state=command.body.get("client_state"),
                )
                await post_event(http, body, runtime_url=runtime_url, signer=signer, path=path)
            stream = stream_request(command)
            if stream is not None:
                return _Placement("stream", stream, said=tuple(said))


async def _stream(call: CallRun, identity: CallIdentity, stream: StreamRequest, *,
                  connect_url: str, utterances: dict[int, bytes], carrier: FakeTelnyxRest | None,
                  disorder_every: int, voiced_rms: float) -> float:  # fmt: skip
    """Opens the media socket as Telnyx does and runs the call on it; its duration in ms."""
    report = call.report
    if stream.bidirectional_mode != "rtp":
        report.errors.append(f"stream bidirectional mode {stream.bidirectional_mode!r}, not rtp")
    headers = {} if stream.auth_token is None else {AUTH_TOKEN_HEADER: stream.auth_token}

    def make_stream(ws: ClientConnection) -> TelnyxMediaStream:
        return TelnyxMediaStream(
            ws, identity, stream.custom_parameters, report, codec=stream.codec,
            sample_rate_hz=stream.sample_rate_hz, auth_token=stream.auth_token,
            client_state=stream.client_state, disorder_every=disorder_every,
            on_event=call.on_event, voiced_rms=voiced_rms,
        )  # fmt: skip

    return await run_media_socket(call, connect_url, headers, make_stream, utterances, carrier)


async def run_telnyx_call(
    scenario: Scenario | Path | str,
    *,
    runtime_url: str,
    signer: TelnyxSigner,
    mode: TelnyxMode = "texml",
    carrier: FakeTelnyxRest | None = None,
    texml_method: TexmlMethod = "GET",
    stream_auth_token: str | None = None,
    disorder_every: int = 0,
    lifecycle_events: bool = True,
    command_timeout_s: float = 10.0,
    tts_url: str | None = None,
    stt_url: str | None = None,
    tts_token: str | None = None,
    stt_token: str | None = None,
    out_dir: Path | str | None = None,
    on_event: OnEvent | None = None,
    account_id: str | None = None,
    media_url: str | None = None,
    texml_path: str = TEXML_PATH,
    call_control_path: str = CALL_CONTROL_PATH,
    live_transcripts: bool = True,
    voiced_rms: float = DEFAULT_VOICED_RMS,
) -> CallReport:
    """Places one Telnyx call and returns what happened (the same report as ``run_call``).

    ``signer`` holds the account's private key (the runtime verifies with its public key).
    Call Control needs ``carrier`` (the fake REST API the runtime commands); in TeXML mode it
    observes the runtime's hang-ups and transfers when given. ``stream_auth_token`` is sent on
    a TeXML call's media socket (Call Control uses the token ``streaming_start`` set).
    ``disorder_every`` re-orders and repeats media frames (see ``TelnyxMediaStream``).
    Raises ``ScenarioError``, ``SpeechServiceError`` or ``WebhookError``.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    if mode == "call_control" and carrier is None:
        raise ValueError("Call Control needs the fake Telnyx REST API (carrier)")
    identity = new_telnyx_identity(scenario.from_number, scenario.to_number, account_id)
    async with prepared_call(
        scenario, tts_url=tts_url, stt_url=stt_url, tts_token=tts_token, stt_token=stt_token
    ) as prepared:
        http = prepared.http
        if mode == "texml":
            placement = await _texml_placement(
                http, identity, runtime_url=runtime_url, signer=signer, method=texml_method,
                path=texml_path, stream_auth_token=stream_auth_token,
            )  # fmt: skip
        else:
            assert carrier is not None
            placement = await _call_control_placement(
                http, identity, runtime_url=runtime_url, signer=signer, path=call_control_path,
                carrier=carrier, timeout_s=command_timeout_s, lifecycle=lifecycle_events,
            )  # fmt: skip
        call = CallRun.answered(
            prepared, identity, kind=placement.kind, said=placement.said, on_event=on_event,
            live_transcripts=live_transcripts,
        )  # fmt: skip
        report = call.report
        if placement.stream is None:
            call.refused(placement.reason or placement.kind)
        else:
            if mode == "call_control" and lifecycle_events:
                started = call_control_event(
                    "streaming.started", identity, stream_url=placement.stream.url
                )
                await post_event(
                    http, started, runtime_url=runtime_url, signer=signer, path=call_control_path
                )
            report.duration_ms = await _stream(
                call, identity, placement.stream,
                connect_url=media_url or media_connect_url(placement.stream.url, runtime_url),
                utterances=prepared.utterances, carrier=carrier, disorder_every=disorder_every,
                voiced_rms=voiced_rms,
            )  # fmt: skip
        if mode == "call_control" and lifecycle_events:
            source = "caller" if report.ended_by == "caller" else "callee"
            hangup = call_control_event(
                "call.hangup",
                identity,
                state="hangup",
                hangup_cause="normal_clearing",
                hangup_source=source,
            )
            await post_event(
                http, hangup, runtime_url=runtime_url, signer=signer, path=call_control_path
            )
    return call.finish(carrier_observed=carrier is not None, out_dir=out_dir)
