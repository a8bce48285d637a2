"""Twilio voice and status webhooks: verify, then admit (``admission.py``), answer with TwiML."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from switchboard_common.audio import TELEPHONY_MULAW
from switchboard_common.body_limit import read_capped_body
from switchboard_common.contract.tenant_config import Carrier
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.admission import Admitted, AlreadyEnded, Refused
from switchboard_voice_runtime.api.forms import bad_signature, parse_form, public_url
from switchboard_voice_runtime.runtime import NumberLookup, Runtime
from switchboard_voice_runtime.telephony import twilio, twilio_account

logger = logging.getLogger(__name__)

CARRIER: Carrier = "twilio"

CALL_STATUSES = frozenset(
    {
        "queued",
        "initiated",
        "ringing",
        "in-progress",
        "answered",
        "completed",
        "busy",
        "failed",
        "no-answer",
        "canceled",
    }
)

FINAL_STATUSES = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
"""Statuses after which the carrier call is over: the first frees its lease, repeats are ignored."""

router = APIRouter(prefix="/telephony/twilio", tags=["telephony"])


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def _twiml(body: str) -> Response:
    return Response(content=body, media_type="text/xml")


async def _verified_form(
    request: Request, runtime: RuntimeDep
) -> tuple[dict[str, str], NumberLookup]:
    """The form fields and number lookup, once the owning account's token verifies the request."""
    body = await read_capped_body(
        request, runtime.settings.webhook_max_body_bytes, message="The request body is too large."
    )
    params = parse_form(body)
    if params is None:
        raise bad_signature()
    fields = dict(params)
    lookup = await runtime.lookup(fields.get("To", ""))
    account = twilio_account.account_for(runtime, lookup.tenant)
    url = public_url(runtime.settings.public_base_url, request)
    signature = request.headers.get(twilio.SIGNATURE_HEADER)
    if account is None or not twilio.verify_signature(account.auth_token, url, params, signature):
        admission.count(runtime, CARRIER, "bad_signature")
        raise bad_signature()
    return fields, lookup


VerifiedForm = Annotated[tuple[dict[str, str], NumberLookup], Depends(_verified_form)]


def _answer(runtime: Runtime, fields: dict[str, str], decision: admission.Admission) -> str:
    match decision:
        case Admitted():
            token = admission.call_token(
                runtime,
                decision,
                carrier=CARRIER,
                carrier_call_id=fields.get("CallSid", ""),
                account_ref=fields.get("AccountSid", ""),
                from_number=fields.get("From", ""),
                to_number=fields.get("To", ""),
            )
            url = runtime.settings.media_url(CARRIER)
            return twilio.connect_stream_twiml(url, {"call_token": token})
        case Refused(reject=True):
            return twilio.reject_twiml("busy")
        case Refused(message=message):
            return twilio.say_hangup_twiml(message)
        case AlreadyEnded():
            return twilio.hangup_twiml()


@router.post("/voice")
async def voice_webhook(runtime: RuntimeDep, verified: VerifiedForm) -> Response:
    fields, lookup = verified
    decision = await admission.admit(
        runtime, CARRIER, fields.get("CallSid", ""), lookup, audio_format=TELEPHONY_MULAW
    )
    return _twiml(_answer(runtime, fields, decision))


@router.post("/status", status_code=204)
async def status_callback(runtime: RuntimeDep, verified: VerifiedForm) -> Response:
    fields, _ = verified
    status = fields.get("CallStatus", "")
    status = status if status in CALL_STATUSES else "other"
    carrier_call_id = fields.get("CallSid", "")
    call = runtime.calls.by_carrier_id(carrier_call_id)
    if status in FINAL_STATUSES and not await admission.end_carrier_call(
        runtime, CARRIER, carrier_call_id, live_here=call is not None
    ):
        logger.info("carrier.status_repeated", extra={"fields": {"status": status}})
        return Response(status_code=204)
    runtime.metrics.carrier_status.labels(CARRIER, status).inc()
    if call is not None:
        call.carrier_status = status
    logger.info(
        "carrier.status",
        extra={
            "fields": {
                "carrier": CARRIER,
                "status": status,
                "live": call is not None,
                "call_id": call.call_id if call else None,
            }
        },
    )
    return Response(status_code=204)
