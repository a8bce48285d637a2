"""Twilio voice and status webhooks: verify, route, admit, answer with TwiML."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from redis.exceptions import RedisError

from switchboard_common.body_limit import read_capped_body
from switchboard_common.contract import AgentConfig, DidRoute
from switchboard_common.errors import ServiceError
from switchboard_voice_runtime.api.forms import parse_form, public_url
from switchboard_voice_runtime.call_token import CallClaims
from switchboard_voice_runtime.capacity import CapacityExceededError, Lease
from switchboard_voice_runtime.carrier_calls import CarrierCall
from switchboard_voice_runtime.runtime import NumberLookup, Runtime
from switchboard_voice_runtime.telephony import twilio

logger = logging.getLogger(__name__)

UNKNOWN_NUMBER_MESSAGE = "Sorry, the number you have called is not in service. Goodbye."
UNAVAILABLE_MESSAGE = "Sorry, we cannot take your call right now. Please try again later. Goodbye."
USAGE_REFUSALS = frozenset({"minutes_cap", "usage_unknown"})
"""Refusals for the tenant's monthly minutes (used up, or unknown while Redis recovers)."""
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

FINAL_STATUSES = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
"""Statuses after which the carrier call is over: the first frees its lease, repeats are ignored."""

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


def _refusal_twiml(outcome: str, message: str, agent: AgentConfig | None) -> str:
    if (
        agent is not None
        and agent.reject_when_busy
        and outcome in ("busy", "draining", "suspended")
    ):
        return twilio.reject_twiml("busy")
    return twilio.say_hangup_twiml(message)


def _refuse(runtime: Runtime, outcome: str, message: str, agent: AgentConfig | None) -> Response:
    runtime.metrics.webhook_outcomes.labels("twilio", outcome).inc()
    logger.info("webhook.refused", extra={"fields": {"carrier": "twilio", "outcome": outcome}})
    return _twiml(_refusal_twiml(outcome, message, agent))


def _connect(
    runtime: Runtime,
    fields: dict[str, str],
    route: DidRoute,
    admission: CarrierCall,
    agent: AgentConfig,
) -> Response:
    """``<Connect><Stream>`` with the call's token; the same token for every answer to one
    CallSid, since it is issued with the admission's call id and issue time."""
    claims = CallClaims(
        call_id=admission.call_id,
        tenant_id=admission.tenant_id,
        agent_id=agent.agent_id,
        number_id=route.number_id,
        carrier_call_id=fields.get("CallSid", ""),
        account_sid=fields.get("AccountSid", ""),
        from_number=fields.get("From", ""),
        to_number=fields.get("To", ""),
    )
    token = runtime.tokens.issue(claims, now_s=admission.issued_at_s)
    return _twiml(
        twilio.connect_stream_twiml(runtime.settings.media_stream_url, {"call_token": token})
    )


def _answer_replay(
    runtime: Runtime, fields: dict[str, str], lookup: NumberLookup, earlier: CarrierCall
) -> Response:
    """A webhook for a CallSid already answered gets that answer again and takes no lease: the
    same stream and token while admitted, the same refusal, or a hang-up once it ended."""
    runtime.metrics.webhook_outcomes.labels("twilio", "replayed").inc()
    logger.info(
        "webhook.replayed",
        extra={"fields": {"call_id": earlier.call_id, "state": earlier.state}},
    )
    agent, route = lookup.agent, lookup.route
    if earlier.state == "admitted" and agent is not None and route is not None:
        return _connect(runtime, fields, route, earlier, agent)
    if earlier.state == "refused":
        message = BUSY_MESSAGE
        if earlier.outcome in USAGE_REFUSALS:
            message = (agent.unavailable_message if agent else None) or UNAVAILABLE_MESSAGE
        return _twiml(_refusal_twiml(earlier.outcome, message, agent))
    return _twiml(twilio.hangup_twiml())


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
    carrier_call_id = fields.get("CallSid", "")
    admission = CarrierCall(uuid.uuid4().hex, tenant.tenant_id, int(time.time()), "admitted")
    try:
        earlier = await runtime.carrier_calls.open("twilio", carrier_call_id, admission)
    except ValueError:
        return _refuse(runtime, "bad_call_sid", UNAVAILABLE_MESSAGE, None)
    except RedisError:
        return _refuse(runtime, "admission_unavailable", UNAVAILABLE_MESSAGE, None)
    if earlier is not None:
        return _answer_replay(runtime, fields, lookup, earlier)
    try:
        await runtime.capacity.acquire(
            tenant.tenant_id,
            admission.call_id,
            max_concurrent_calls=tenant.limits.max_concurrent_calls,
            calls_per_minute=tenant.limits.calls_per_minute,
            ttl_s=runtime.settings.pending_lease_ttl_s,
            monthly_minutes_cap=tenant.limits.monthly_minutes_cap,
        )
    except CapacityExceededError as exc:
        logger.info("webhook.over_capacity", extra={"fields": {"reason": exc.reason}})
        if exc.reason in USAGE_REFUSALS:
            await _record_refusal(runtime, carrier_call_id, exc.reason)
            message = agent.unavailable_message or UNAVAILABLE_MESSAGE
            return _refuse(runtime, exc.reason, message, agent)
        await _record_refusal(runtime, carrier_call_id, "busy")
        return _refuse(runtime, "busy", BUSY_MESSAGE, agent)
    call_id = admission.call_id
    runtime.spawn(runtime.services.prewarm(agent), name=f"prewarm-{call_id}")
    runtime.metrics.webhook_outcomes.labels("twilio", "accepted").inc()
    logger.info(
        "webhook.accepted",
        extra={"fields": {"call_id": call_id, "tenant_id": tenant.tenant_id}},
    )
    return _connect(runtime, fields, route, admission, agent)


async def _record_refusal(runtime: Runtime, carrier_call_id: str, outcome: str) -> None:
    try:
        await runtime.carrier_calls.refuse("twilio", carrier_call_id, outcome)
    except RedisError:
        logger.warning("webhook.refusal_unrecorded", extra={"fields": {"outcome": outcome}})


async def _end_admission(runtime: Runtime, carrier_call_id: str, *, live_here: bool) -> bool:
    """Marks the carrier call ended; False when an earlier status callback already did.

    The first end frees the call's lease unless the call runs in this process (its media call
    frees it): a call whose socket never came, or that ran on another replica, which then
    restores its lease at its next heartbeat if its socket outlives the carrier's call.
    """
    try:
        record = await runtime.carrier_calls.end("twilio", carrier_call_id)
    except ValueError:
        return True
    except RedisError:
        logger.warning("carrier.status_unrecorded")
        return True
    if record is None:
        return True
    if record.state == "ended":
        return False
    if record.state == "admitted" and not live_here:
        await runtime.capacity.release(Lease(record.tenant_id, record.call_id))
        logger.info("carrier.lease_released", extra={"fields": {"call_id": record.call_id}})
    return True


@router.post("/status", status_code=204)
async def status_callback(runtime: RuntimeDep, verified: VerifiedForm) -> Response:
    fields, _ = verified
    status = fields.get("CallStatus", "")
    status = status if status in CALL_STATUSES else "other"
    carrier_call_id = fields.get("CallSid", "")
    call = runtime.calls.by_carrier_id(carrier_call_id)
    if status in FINAL_STATUSES and not await _end_admission(
        runtime, carrier_call_id, live_here=call is not None
    ):
        logger.info("carrier.status_repeated", extra={"fields": {"status": status}})
        return Response(status_code=204)
    runtime.metrics.carrier_status.labels("twilio", status).inc()
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
