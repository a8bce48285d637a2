"""Telnyx TeXML instruction fetch (``GET``, or ``POST`` form): verify the signature with the key
of the account owning the number, admit (``admission.py``), answer with TeXML."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request, Response

from switchboard_common.body_limit import read_capped_body
from switchboard_common.contract.tenant_config import Carrier
from switchboard_common.errors import ServiceError
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.admission import Admitted, AlreadyEnded, Refused
from switchboard_voice_runtime.api.forms import bad_signature, parse_form
from switchboard_voice_runtime.runtime import NumberLookup, Runtime
from switchboard_voice_runtime.telephony import telnyx_account, telnyx_media, telnyx_texml
from switchboard_voice_runtime.telephony.telnyx_signature import verify_webhook

CARRIER: Carrier = "telnyx"
TEXML_ACCOUNT_PREFIX = "texml:"
"""The call token's ``account_ref`` for TeXML calls (their media sockets carry no stream token)."""

router = APIRouter(prefix="/telephony/telnyx", tags=["telephony"])


def telnyx_number(lookup: NumberLookup) -> NumberLookup:
    """The lookup of a number routed to Telnyx; a number of another carrier is not ours to
    answer here (admission then refuses it as unknown)."""
    if lookup.route is not None and lookup.route.carrier != CARRIER:
        return NumberLookup()
    return lookup


def _answer(runtime: Runtime, call: telnyx_texml.TexmlCall, decision: admission.Admission) -> str:
    settings = runtime.settings.telnyx
    match decision:
        case Admitted():
            token = admission.call_token(
                runtime,
                decision,
                carrier=CARRIER,
                carrier_call_id=call.call_sid,
                account_ref=TEXML_ACCOUNT_PREFIX + call.account_sid,
                from_number=call.from_number,
                to_number=call.to_number,
            )
            rate = settings.sample_rate_hz if settings.codec == "L16" else None
            return telnyx_texml.connect_stream_texml(
                runtime.settings.media_url(CARRIER),
                {"call_token": token},
                codec=settings.codec,
                sample_rate_hz=rate,
            )
        case Refused(reject=True):
            return telnyx_texml.reject_texml("busy")
        case Refused(message=message):
            return telnyx_texml.say_hangup_texml(message)
        case AlreadyEnded():
            return telnyx_texml.hangup_texml()


@router.api_route("/texml", methods=["GET", "POST"])
async def texml(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    body = await read_capped_body(
        request, runtime.settings.webhook_max_body_bytes, message="The request body is too large."
    )
    if request.method == "GET":
        fields = dict(request.query_params)
    else:
        params = parse_form(body)
        if params is None:
            raise bad_signature()
        fields = dict(params)
    lookup = telnyx_number(await runtime.lookup(fields.get("To", "")))
    account = telnyx_account.account_for(runtime, lookup.tenant)
    keys = [account.public_key] if account is not None else []
    if not verify_webhook(request.headers, body, keys, now_s=time.time()).ok:
        admission.count(runtime, CARRIER, "bad_signature")
        raise bad_signature()
    try:
        call = telnyx_texml.parse_texml_request(fields)
    except telnyx_texml.TexmlRequestError as exc:
        raise ServiceError(
            f"The TeXML fetch lacks {exc.field}.", code="bad_request", status_code=400
        ) from exc
    decision = await admission.admit(
        runtime,
        CARRIER,
        call.call_sid,
        lookup,
        audio_format=telnyx_media.send_format(runtime.settings.telnyx.codec),
    )
    return Response(_answer(runtime, call, decision), media_type="text/xml")
