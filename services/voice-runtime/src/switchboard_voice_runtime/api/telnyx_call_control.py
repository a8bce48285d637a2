"""Telnyx Call Control webhooks: verify, act once per event id across replicas, and drive the
call through the REST API: an incoming call is admitted and answered, then its stream started
(``streaming_start``: the stream auth token, the call token, 16 kHz for L16); refusals speak and
hang up (or reject); ``call.hangup`` and ``streaming.failed`` are recorded on the call."""

from __future__ import annotations

import logging
import time

from fastapi import APIRouter, Request, Response
from redis.exceptions import RedisError

from switchboard_common.body_limit import read_capped_body
from switchboard_common.contract.tenant_config import Carrier
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.admission import Admitted, AlreadyEnded, Refused
from switchboard_voice_runtime.api.forms import bad_signature
from switchboard_voice_runtime.api.telnyx_texml import telnyx_number
from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.runtime import NumberLookup, Runtime
from switchboard_voice_runtime.telephony import telnyx_account
from switchboard_voice_runtime.telephony import telnyx_call_control as cc
from switchboard_voice_runtime.telephony.stream_token import stream_token
from switchboard_voice_runtime.telephony.telnyx_media import send_format
from switchboard_voice_runtime.telephony.telnyx_signature import verify_webhook
from switchboard_voice_runtime.webhook_replay import WebhookReplayGuard

logger = logging.getLogger(__name__)

CARRIER: Carrier = "telnyx"
CALL_CONTROL_ACCOUNT_PREFIX = "call-control:"
"""The call token's ``account_ref`` for Call Control calls: their sockets need the stream token."""

router = APIRouter(prefix="/telephony/telnyx", tags=["telephony"])


def _retry_later() -> Response:
    return Response(status_code=503, headers={"Retry-After": "1"})


VerifiedEvent = tuple[cc.CallControlEvent, NumberLookup | None]


async def _verified_event(request: Request, runtime: Runtime) -> VerifiedEvent:
    body = await read_capped_body(
        request, runtime.settings.webhook_max_body_bytes, message="The request body is too large."
    )
    try:
        event: cc.CallControlEvent | None = cc.parse_event(body)
    except cc.EventError:
        event = None
    lookup = None
    if event is not None and event.incoming and event.to_number:
        lookup = telnyx_number(await runtime.lookup(event.to_number))
        account = telnyx_account.account_for(runtime, lookup.tenant)
        keys = [account.public_key] if account is not None else []
    else:
        keys = telnyx_account.known_public_keys(runtime)
    if not verify_webhook(request.headers, body, keys, now_s=time.time()).ok or event is None:
        admission.count(runtime, CARRIER, "bad_signature")
        raise bad_signature()
    return event, lookup


@router.post("/call-control")
async def call_control(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    event, lookup = await _verified_event(request, runtime)
    guard = WebhookReplayGuard(runtime.redis)
    try:
        if not await guard.first_delivery(CARRIER, event.id):
            admission.count(runtime, CARRIER, "replayed")
            return Response(status_code=200)
    except (RedisError, ValueError):
        return _retry_later()
    try:
        await _handle(runtime, event, lookup)
    except CallControlError:
        await guard.forget(CARRIER, event.id)  # Telnyx's retry of the event acts again
        return _retry_later()
    return Response(status_code=200)


async def _handle(
    runtime: Runtime, event: cc.CallControlEvent, lookup: NumberLookup | None
) -> None:
    logger.info(
        "telnyx.event",
        extra={"fields": {"event_type": event.event_type, "attempt": event.attempt}},
    )
    match event.event_type:
        case "call.initiated" if event.incoming and lookup is not None:
            await _incoming(runtime, event, lookup)
        case "call.hangup":
            await _hung_up(runtime, event)
        case "streaming.failed":
            _record(runtime, event.call_control_id, f"streaming_failed:{event.failure_reason}")
        case "call.speak.ended" if runtime.calls.by_carrier_id(event.call_control_id) is None:
            # the refusal's account: the one owning the dialed number, when the event names it
            owner = await runtime.lookup(event.to_number) if event.to_number else None
            control = _control(runtime, owner, event)
            if control is not None:  # a refusal has been spoken
                await control.send(cc.hangup_command(command_id=f"{event.call_control_id}:bye"))
        case _:
            pass


def _control(
    runtime: Runtime, lookup: NumberLookup | None, event: cc.CallControlEvent
) -> telnyx_account.TelnyxCallControl | None:
    tenant = lookup.tenant if lookup is not None else None
    account = telnyx_account.account_for(runtime, tenant)
    if account is None:
        return None
    return telnyx_account.call_control(runtime, account, event.call_control_id)


async def _incoming(runtime: Runtime, event: cc.CallControlEvent, lookup: NumberLookup) -> None:
    settings = runtime.settings.telnyx
    decision = await admission.admit(
        runtime, CARRIER, event.call_control_id, lookup, audio_format=send_format(settings.codec)
    )
    control = _control(runtime, lookup, event)
    if control is None:
        return
    ccid = event.call_control_id
    match decision:
        case Admitted(call_id=call_id):
            token = admission.call_token(
                runtime,
                decision,
                carrier=CARRIER,
                carrier_call_id=ccid,
                account_ref=CALL_CONTROL_ACCOUNT_PREFIX + event.connection_id,
                from_number=event.from_number or "",
                to_number=event.to_number or "",
            )
            secret = runtime.settings.call_token_secret.get_secret_value().encode()
            await control.send(cc.answer_command(command_id=f"{call_id}:answer",
                                                 client_state=call_id))  # fmt: skip
            await control.send(
                cc.streaming_start_command(
                    command_id=f"{call_id}:stream",
                    stream_url=runtime.settings.media_url(CARRIER),
                    codec=settings.codec,
                    sample_rate_hz=settings.sample_rate_hz,
                    auth_token=stream_token(secret, call_id),
                    client_state=call_id,
                    custom_parameters={"call_token": token},
                )
            )
        case Refused(reject=True):
            await control.send(cc.reject_command(command_id=f"{ccid}:reject"))
        case Refused(message=message):
            await control.send(cc.answer_command(command_id=f"{ccid}:answer"))
            await control.send(cc.speak_command(command_id=f"{ccid}:speak", text=message))
        case AlreadyEnded():
            await control.send(cc.hangup_command(command_id=f"{ccid}:hangup"))


async def _hung_up(runtime: Runtime, event: cc.CallControlEvent) -> None:
    ccid = event.call_control_id
    call = runtime.calls.by_carrier_id(ccid)
    _record(runtime, ccid, f"hangup:{event.hangup_cause}:{event.hangup_source}")
    await admission.end_carrier_call(runtime, CARRIER, ccid, live_here=call is not None)
    if call is not None:  # the carrier's word, whoever hung up; the socket may close later
        call.session.hang_up("caller_hangup")


def _record(runtime: Runtime, call_control_id: str, status: str) -> None:
    """Puts the carrier's word on the live call (its ``call.ended`` carries it) and logs it."""
    call = runtime.calls.by_carrier_id(call_control_id)
    if call is not None:
        call.carrier_status = status
    runtime.metrics.carrier_status.labels(CARRIER, status.split(":", 1)[0]).inc()
    logger.info(
        "carrier.status",
        extra={"fields": {"carrier": CARRIER, "status": status, "live": call is not None}},
    )
