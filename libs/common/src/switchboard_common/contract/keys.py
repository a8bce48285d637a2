"""Redis key, channel and stream names of contract version 1 (prefix ``sb:v1:``)."""

from __future__ import annotations

from typing import Literal

SCHEMA_VERSION: Literal[1] = 1
PREFIX = "sb:v1:"

CONFIG_CHANNEL = f"{PREFIX}config"
"""Pub/sub channel: a ``ConfigChanged`` JSON message after every snapshot write or delete."""

EVENTS_STREAM = f"{PREFIX}events"
"""Redis stream of call events; each entry has one field, ``EVENT_FIELD``, holding the JSON."""

EVENT_FIELD = "event"
EVENTS_CONSUMER_GROUP = "control-plane"

EPOCH_KEY = f"{PREFIX}epoch"
"""A ``ContractEpoch`` JSON, written by the control plane once every tenant has been published
to this Redis server. Its absence means Redis lost the contract data (it restarted empty): a
missing DID or tenant key is then unknown, not unassigned, until the control plane has
republished everything and written the epoch again."""


def did_key(e164: str) -> str:
    """``sb:v1:did:+15551234567`` -> a ``DidRoute`` JSON."""
    if not e164.startswith("+") or not e164[1:].isdigit():
        raise ValueError(f"not an E.164 number: {e164!r}")
    return f"{PREFIX}did:{e164}"


def tenant_key(tenant_id: str) -> str:
    """``sb:v1:tenant:{tenant_id}`` -> the whole ``TenantRuntimeConfig`` JSON."""
    if not tenant_id or ":" in tenant_id:
        raise ValueError(f"invalid tenant id: {tenant_id!r}")
    return f"{PREFIX}tenant:{tenant_id}"


def tenant_capacity_key(tenant_id: str) -> str:
    """Sorted set of a tenant's live call leases, scored by expiry (unix ms).

    Members are call ids (the ``call_id`` of the call events); the runtime renews a live call's
    score with its heartbeat, so a member missing or expired means no runtime holds the call.
    """
    if not tenant_id or ":" in tenant_id:
        raise ValueError(f"invalid tenant id: {tenant_id!r}")
    return f"{PREFIX}capacity:tenant:{tenant_id}"


def global_capacity_key() -> str:
    """Sorted set of every live call lease on the platform, scored by expiry (unix ms)."""
    return f"{PREFIX}capacity:global"


def call_rate_key(tenant_id: str, minute: int) -> str:
    """Counter of calls started by a tenant within one wall-clock minute (unix minute)."""
    return f"{PREFIX}rate:calls:{tenant_id}:{minute}"


def _checked_id(value: str, what: str) -> str:
    if not value or len(value) > 128 or ":" in value or not value.isprintable():
        raise ValueError(f"invalid {what}: {value!r}")
    return value


def call_token_key(call_id: str) -> str:
    """Set (NX, expiring with the token) when a call's media token is first used: single use
    across every runtime replica."""
    return f"{PREFIX}call-token:{_checked_id(call_id, 'call id')}"


def carrier_call_key(carrier: str, carrier_call_id: str) -> str:
    """Hash of what the runtime decided about one carrier call (its call id, tenant, token issue
    time, state), so a replayed webhook or status callback changes nothing a second time."""
    return (
        f"{PREFIX}carrier-call:{_checked_id(carrier, 'carrier')}:"
        f"{_checked_id(carrier_call_id, 'carrier call id')}"
    )


def webhook_event_key(carrier: str, event_id: str) -> str:
    """Set (NX, expiring) by the first runtime replica to take a carrier webhook event: the
    carrier may deliver one event more than once, to any replica."""
    return (
        f"{PREFIX}webhook-event:{_checked_id(carrier, 'carrier')}:"
        f"{_checked_id(event_id, 'webhook event id')}"
    )
