"""Imports every model so the metadata (Alembic, tests) sees all tables."""

from __future__ import annotations

from switchboard_control_plane.access.models import ApiKey, Membership
from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.audit.models import AuditEntry, AuditHead
from switchboard_control_plane.calls.models import Call, CallTurnRecord, ProcessedEvent
from switchboard_control_plane.credentials.models import StoredSecret
from switchboard_control_plane.db.base import Base
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.publishing.models import OutboxEntry
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.usage.models import CallUsageRecord, Plan, UsageNotice
from switchboard_control_plane.webhooks.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "Agent",
    "AgentVersion",
    "ApiKey",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Call",
    "CallTurnRecord",
    "CallUsageRecord",
    "Membership",
    "OutboxEntry",
    "PhoneNumber",
    "Plan",
    "ProcessedEvent",
    "StoredSecret",
    "Tenant",
    "UsageNotice",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
