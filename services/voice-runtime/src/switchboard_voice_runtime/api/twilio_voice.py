"""Twilio voice and status webhooks: verify, route, admit, answer with TwiML."""

from __future__ import annotations

import logging
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from switchboard_common.body_limit import read_capped_body
from switchboard_common.contract import AgentConfig
from switchboard_common.errors import ServiceError
from switchboard_voice_runtime.api.forms import parse_form, public_url
from switchboard_voice_runtime.call_token import CallClaims
from switchboard_voice_runtime.capacity import CapacityExceededError
from switchboard_voice_runtime.runtime import NumberLookup, Runtime
from switchboard_voice_runtime.telephony import twilio

logger = logging.getLogger(__name__)

UNKNOWN_NUMBER_MESSAGE = "Sorry, the number you have called is not in service. Goodbye."
UNAVAILABLE_MESSAGE = "Sorry, we cannot take your call right now. Please try again later. Goodbye."
BUSY_MESSAGE = "Sorry, all of our lines are busy right now. Please call back in a few minutes."

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

router = APIRouter(prefix="/telephony/twilio", tags=["telephony"])


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def _twiml(body: str) -> Response:
    return Response(content=body, media_type="text/xml")


def _forbidden() -> ServiceError:
    return ServiceError(
        "The request signature is not valid.", code="bad_signature", status_code=403
    )


async def _verified_form(
    request: Request, runtime: RuntimeDep
) -> tuple[dict[str, str], NumberLookup]:
    """The form fields and number lookup, once the owning account's token verifies the request."""
    body = await read_capped_body(
        request, runtime.settings.webhook_max_body_bytes, message="The request body is too large."
    )
    params = parse_form(body)
    if params is None:
        raise _forbidden()
    fields = dict(params)
    lookup = await runtime.lookup(fields.get("To", ""))
    account = runtime.twilio_account(lookup.tenant)
    url = public_url(runtime.settings.public_base_url, request)
    signature = request.headers.get(twilio.SIGNATURE_HEADER)
    if account is None or not twilio.verify_signature(account.auth_token, url, params, signature):
        runtime.metrics.webhook_outcomes.labels("twilio", "bad_signature").inc()
        raise _forbidden()
    return fields, lookup


VerifiedForm = Annotated[tuple[dict[str, str], NumberLookup], Depends(_verified_form)]


def _refuse(runtime: Runtime, outcome: str, message: str, agent: AgentConfig | None) -> Response:
    runtime.metrics.webhook_outcomes.labels("twilio", outcome).inc()
    logger.info("webhook.refused", extra={"fields": {"carrier": "twilio", "outcome": outcome}})
    if (
        agent is not None
        and agent.reject_when_busy
        and outcome in ("busy", "draining", "suspended")
    ):
        return _twiml(twilio.reject_twiml("busy"))
    return _twiml(twilio.say_hangup_twiml(message))


@router.post("/voice")
async def voice_webhook(runtime: RuntimeDep, verified: VerifiedForm) -> Response:
    fields, lookup = verified
    agent = lookup.agent
    if runtime.drain.draining:
        return _refuse(runtime, "draining", BUSY_MESSAGE, agent)
    if lookup.unavailable:
        return _refuse(runtime, "config_unavailable", UNAVAILABLE_MESSAGE, None)
    tenant, route = lookup.tenant, lookup.route
    if agent is None or tenant is None or route is None:
        return _refuse(runtime, "unknown_number", UNKNOWN_NUMBER_MESSAGE, None)
    if tenant.status != "active":
        return _refuse(runtime, "suspended", UNAVAILABLE_MESSAGE, agent)
    call_id = uuid.uuid4().hex
    try:
        await runtime.capacity.acquire(
            tenant.tenant_id,
            call_id,
            max_concurrent_calls=tenant.limits.max_concurrent_calls,
            calls_per_minute=tenant.limits.calls_per_minute,
            ttl_s=runtime.settings.pending_lease_ttl_s,
        )
    except CapacityExceededError as exc:
        logger.info("webhook.over_capacity", extra={"fields": {"reason": exc.reason}})
        return _refuse(runtime, "busy", BUSY_MESSAGE, agent)
    claims = CallClaims(
        call_id=call_id,
        tenant_id=tenant.tenant_id,
        agent_id=agent.agent_id,
        number_id=route.number_id,
        carrier_call_id=fields.get("CallSid", ""),
        account_sid=fields.get("AccountSid", ""),
        from_number=fields.get("From", ""),
        to_number=fields.get("To", ""),
    )
    runtime.spawn(runtime.services.prewarm(agent), name=f"prewarm-{call_id}")
    runtime.metrics.webhook_outcomes.labels("twilio", "accepted").inc()
    logger.info(
        "webhook.accepted",
        extra={"fields": {"call_id": call_id, "tenant_id": tenant.tenant_id}},
    )
    token = runtime.tokens.issue(claims)
    return _twiml(
        twilio.connect_stream_twiml(runtime.settings.media_stream_url, {"call_token": token})
    )


@router.post("/status", status_code=204)
async def status_callback(runtime: RuntimeDep, verified: VerifiedForm) -> Response:
    fields, _ = verified
    status = fields.get("CallStatus", "")
    status = status if status in CALL_STATUSES else "other"
    runtime.metrics.carrier_status.labels("twilio", status).inc()
    call = runtime.calls.by_carrier_id(fields.get("CallSid", ""))
    if call is not None:
        call.carrier_status = status
    logger.info(
        "carrier.status",
        extra={
            "fields": {
                "carrier": "twilio",
                "status": status,
                "live": call is not None,
                "call_id": call.call_id if call else None,
            }
        },
    )
    return Response(status_code=204)
