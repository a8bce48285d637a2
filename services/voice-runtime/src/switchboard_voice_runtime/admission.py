"""Carrier-neutral call admission: a dialed number becomes an admitted call (tenant, agent,
lease, call id) or a typed refusal that the carrier's edge turns into its own polite answer.

Every carrier's webhook route calls ``admit`` once it has verified the request; replays of a
carrier call id answer as the first webhook did, across replicas (``carrier_calls.py``).
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from redis.exceptions import RedisError

from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig, DidRoute, TenantRuntimeConfig
from switchboard_common.contract.tenant_config import Carrier
from switchboard_voice_runtime.call_token import CallClaims
from switchboard_voice_runtime.capacity import CapacityExceededError, Lease
from switchboard_voice_runtime.carrier_calls import CarrierCall
from switchboard_voice_runtime.runtime import NumberLookup, Runtime

logger = logging.getLogger(__name__)

UNKNOWN_NUMBER_MESSAGE = "Sorry, the number you have called is not in service. Goodbye."
UNAVAILABLE_MESSAGE = "Sorry, we cannot take your call right now. Please try again later. Goodbye."
BUSY_MESSAGE = "Sorry, all of our lines are busy right now. Please call back in a few minutes."

_MAY_REJECT = frozenset({"busy", "draining", "suspended"})
USAGE_REFUSALS = frozenset({"minutes_cap", "usage_unknown"})
"""Refusals for the tenant's monthly minutes (used up, or unknown while Redis recovers)."""


@dataclass(frozen=True, slots=True)
class Admitted:
    """The call may connect: answer with a media stream carrying ``call_token``.

    ``replayed``: a webhook for a carrier call id already admitted (no new lease was taken;
    the token is the same as the first answer's)."""

    call_id: str
    tenant: TenantRuntimeConfig
    agent: AgentConfig
    route: DidRoute
    issued_at_s: int
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class Refused:
    """The call is not taken. ``outcome`` is the stable metric label (``draining``,
    ``config_unavailable``, ``unknown_number``, ``suspended``, ``busy``, ``minutes_cap``,
    ``usage_unknown``, ``bad_call_id``, ``admission_unavailable``); ``message`` is what the
    caller hears before the hang-up, unless ``reject`` (the agent prefers a busy signal and the
    refusal allows one)."""

    outcome: str
    message: str
    reject: bool = False
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class AlreadyEnded:
    """A webhook for a carrier call that already ended: hang up, nothing else."""


Admission = Admitted | Refused | AlreadyEnded


def _refused(outcome: str, message: str, agent: AgentConfig | None) -> Refused:
    reject = agent is not None and agent.reject_when_busy and outcome in _MAY_REJECT
    return Refused(outcome, message, reject)


def _message(outcome: str, agent: AgentConfig | None) -> str:
    """What a caller refused for capacity hears: at the minutes cap, the agent's own
    unavailable message or the platform's; otherwise the busy message."""
    if outcome not in USAGE_REFUSALS:
        return BUSY_MESSAGE
    return (agent.unavailable_message if agent else None) or UNAVAILABLE_MESSAGE


def count(runtime: Runtime, carrier: Carrier, outcome: str) -> None:
    """Counts a webhook's outcome (``voice_runtime_webhook_outcomes_total{carrier, outcome}``)."""
    runtime.metrics.webhook_outcomes.labels(carrier, outcome).inc()


async def admit(
    runtime: Runtime,
    carrier: Carrier,
    carrier_call_id: str,
    lookup: NumberLookup,
    *,
    audio_format: AudioFormat,
) -> Admission:
    """Drain, config, number (known, and routed to ``carrier``: a number of the other carrier
    is refused as unknown), tenant status, replay, then capacity (a pending lease of
    ``pending_lease_ttl_s`` that the media connection adopts). Counts and logs the outcome;
    ``audio_format`` is what the media connection will take (its phrases are pre-warmed)."""
    admission = await _decide(runtime, carrier, carrier_call_id, lookup)
    match admission:
        case Refused(replayed=True) | Admitted(replayed=True) | AlreadyEnded():
            count(runtime, carrier, "replayed")
        case Refused(outcome=outcome):
            count(runtime, carrier, outcome)
            logger.info(
                "webhook.refused", extra={"fields": {"carrier": carrier, "outcome": outcome}}
            )
        case Admitted(call_id=call_id, tenant=tenant, agent=agent):
            runtime.spawn(runtime.services.prewarm(agent, audio_format), name=f"prewarm-{call_id}")
            count(runtime, carrier, "accepted")
            logger.info(
                "webhook.accepted",
                extra={"fields": {"call_id": call_id, "tenant_id": tenant.tenant_id}},
            )
    return admission


async def _decide(
    runtime: Runtime, carrier: Carrier, carrier_call_id: str, lookup: NumberLookup
) -> Admission:
    agent = lookup.agent
    if runtime.drain.draining:
        return _refused("draining", BUSY_MESSAGE, agent)
    if lookup.unavailable:
        return _refused("config_unavailable", UNAVAILABLE_MESSAGE, None)
    tenant, route = lookup.tenant, lookup.route
    if agent is None or tenant is None or route is None:
        return _refused("unknown_number", UNKNOWN_NUMBER_MESSAGE, None)
    if route.carrier != carrier:
        # routed to the other carrier: not this carrier's to answer, whoever signed the webhook
        logger.warning(
            "webhook.wrong_carrier",
            extra={"fields": {"carrier": carrier, "number_carrier": route.carrier}},
        )
        return _refused("unknown_number", UNKNOWN_NUMBER_MESSAGE, None)
    if tenant.status != "active":
        return _refused("suspended", UNAVAILABLE_MESSAGE, agent)
    record = CarrierCall(uuid.uuid4().hex, tenant.tenant_id, int(time.time()), "admitted")
    try:
        earlier = await runtime.carrier_calls.open(carrier, carrier_call_id, record)
    except ValueError:
        return _refused("bad_call_id", UNAVAILABLE_MESSAGE, None)
    except RedisError:
        return _refused("admission_unavailable", UNAVAILABLE_MESSAGE, None)
    if earlier is not None:
        return _replay(earlier, lookup)
    try:
        await runtime.capacity.acquire(
            tenant.tenant_id,
            record.call_id,
            max_concurrent_calls=tenant.limits.max_concurrent_calls,
            calls_per_minute=tenant.limits.calls_per_minute,
            ttl_s=runtime.settings.pending_lease_ttl_s,
            monthly_minutes_cap=tenant.limits.monthly_minutes_cap,
        )
    except CapacityExceededError as exc:
        logger.info("webhook.over_capacity", extra={"fields": {"reason": exc.reason}})
        outcome = exc.reason if exc.reason in USAGE_REFUSALS else "busy"
        await _record_refusal(runtime, carrier, carrier_call_id, outcome)
        return _refused(outcome, _message(outcome, agent), agent)
    return Admitted(record.call_id, tenant, agent, route, record.issued_at_s)


def _replay(earlier: CarrierCall, lookup: NumberLookup) -> Admission:
    """The same stream and token while admitted, the same refusal, or a hang-up once ended."""
    logger.info(
        "webhook.replayed", extra={"fields": {"call_id": earlier.call_id, "state": earlier.state}}
    )
    agent, route, tenant = lookup.agent, lookup.route, lookup.tenant
    if earlier.state == "admitted" and agent is not None and route is not None and tenant:
        return Admitted(earlier.call_id, tenant, agent, route, earlier.issued_at_s, replayed=True)
    if earlier.state == "refused":
        reject = _refused(earlier.outcome, "", agent).reject
        return Refused(earlier.outcome, _message(earlier.outcome, agent), reject, replayed=True)
    return AlreadyEnded()


async def _record_refusal(
    runtime: Runtime, carrier: Carrier, carrier_call_id: str, outcome: str
) -> None:
    try:
        await runtime.carrier_calls.refuse(carrier, carrier_call_id, outcome)
    except RedisError:
        logger.warning("webhook.refusal_unrecorded", extra={"fields": {"outcome": outcome}})


def call_token(
    runtime: Runtime,
    admitted: Admitted,
    *,
    carrier: Carrier,
    carrier_call_id: str,
    account_ref: str,
    from_number: str,
    to_number: str,
) -> str:
    """The media token for an admitted call; every answer to one carrier call id gets the same
    token, since it is issued with the admission's call id and first issue time."""
    claims = CallClaims(
        call_id=admitted.call_id,
        tenant_id=admitted.tenant.tenant_id,
        agent_id=admitted.agent.agent_id,
        number_id=admitted.route.number_id,
        carrier=carrier,
        carrier_call_id=carrier_call_id,
        account_ref=account_ref,
        from_number=from_number,
        to_number=to_number,
    )
    return runtime.tokens.issue(claims, now_s=admitted.issued_at_s)


async def end_carrier_call(
    runtime: Runtime, carrier: Carrier, carrier_call_id: str, *, live_here: bool
) -> bool:
    """Marks the carrier call ended (its final status came); False when an earlier one did.

    The first end frees the call's lease unless the call runs in this process (its runner
    frees it): a call whose media never came, or that ran on another replica, which then
    restores its lease at its next heartbeat if its connection outlives the carrier's call.
    """
    try:
        record = await runtime.carrier_calls.end(carrier, carrier_call_id)
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
