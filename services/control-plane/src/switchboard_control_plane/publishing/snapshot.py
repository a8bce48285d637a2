"""Builds a tenant's runtime snapshot from Postgres, sealing the secrets the runtime needs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract import AgentConfig, DidRoute, EncryptedSecret, Keyring
from switchboard_common.contract.tenant_config import (
    LlmConfig,
    RealtimeKey,
    TelephonyConfig,
    TelnyxAccount,
    TenantRuntimeConfig,
    TwilioAccount,
)
from switchboard_control_plane.access.models import ApiKey
from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.agents.schemas import AgentVersionCreate
from switchboard_control_plane.credentials.store import SecretStore
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.publishing.plan import PublishPlan
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.tenants.telephony import carrier_account
from switchboard_control_plane.usage.limits import effective_limits


class SnapshotBuilder:
    """Reads one tenant (in a session scoped to it) into a ``PublishPlan``."""

    def __init__(self, secrets: SecretStore, runtime_keys: Keyring) -> None:
        self._secrets = secrets
        self._runtime_keys = runtime_keys

    async def plan(
        self, session: AsyncSession, tenant: Tenant, removed: tuple[str, ...] = ()
    ) -> PublishPlan:
        numbers = (await session.execute(select(PhoneNumber))).scalars().all()
        if tenant.deleted_at is not None:
            gone = tuple(sorted({*removed, *(n.e164 for n in numbers)}))
            return PublishPlan(
                tenant_id=tenant.id,
                revision=tenant.revision,
                snapshot=None,
                dids={},
                removed_dids=gone,
            )
        agents = await self._agents(session, tenant.id)
        dids = {
            n.e164: DidRoute(
                tenant_id=tenant.id,
                agent_id=n.agent_id,
                number_id=n.id,
                carrier="telnyx" if n.carrier == "telnyx" else "twilio",
            )
            for n in numbers
            if n.agent_id is not None and n.agent_id in agents
        }
        unroutable = {n.e164 for n in numbers if n.e164 not in dids}
        snapshot = TenantRuntimeConfig(
            tenant_id=tenant.id,
            revision=tenant.revision,
            published_at=datetime.now(UTC),
            status="suspended" if tenant.status == "suspended" else "active",
            limits=await effective_limits(session, tenant),
            telephony=await self._telephony(session, tenant),
            agents=agents,
            realtime_keys=await self._realtime_keys(session),
        )
        removed_dids = tuple(sorted((set(removed) | unroutable) - set(dids)))
        return PublishPlan(
            tenant_id=tenant.id,
            revision=tenant.revision,
            snapshot=snapshot,
            dids=dids,
            removed_dids=removed_dids,
        )

    async def _agents(self, session: AsyncSession, tenant_id: str) -> dict[str, AgentConfig]:
        query = (
            select(Agent, AgentVersion)
            .join(AgentVersion, AgentVersion.agent_id == Agent.id)
            .where(AgentVersion.version == Agent.live_version)
        )
        agents: dict[str, AgentConfig] = {}
        for agent, version in (await session.execute(query)).all():
            agents[agent.id] = await self.agent_config(session, tenant_id, agent, version)
        return agents

    async def _realtime_keys(self, session: AsyncSession) -> tuple[RealtimeKey, ...]:
        """The tenant's unrevoked realtime-scoped keys (an expired one carries its expiry, which
        the runtime checks)."""
        query = (
            select(ApiKey)
            .where(ApiKey.realtime_sha256.is_not(None), ApiKey.revoked_at.is_(None))
            .order_by(ApiKey.id)
        )
        return tuple(
            RealtimeKey(key_id=key.id, sha256=key.realtime_sha256, expires_at=key.expires_at)
            for key in (await session.execute(query)).scalars()
            if key.realtime_sha256 is not None
        )

    async def agent_config(
        self, session: AsyncSession, tenant_id: str, agent: Agent, version: AgentVersion
    ) -> AgentConfig:
        body = AgentVersionCreate.model_validate(version.config)
        llm = body.llm
        sealed = await self._seal(session, tenant_id, llm.api_key_secret_name)
        fields: dict[str, Any] = body.model_dump(exclude={"llm", "note", "analysis"})
        return AgentConfig.model_validate(
            {
                **fields,
                "agent_id": agent.id,
                "version": version.version,
                "name": agent.name,
                "llm": LlmConfig(
                    model=llm.model,
                    temperature=llm.temperature,
                    max_tokens=llm.max_tokens,
                    api_key_secret=sealed,
                    api_base=llm.api_base,
                    timeout_s=llm.timeout_s,
                ),
            }
        )

    async def _seal(
        self, session: AsyncSession, tenant_id: str, name: str | None
    ) -> EncryptedSecret | None:
        """The secret sealed for the runtime with its kind (and an LLM key's allowed host): the
        runtime sends a value only where its kind allows, whatever slot it was put in."""
        if name is None:
            return None
        value = await self._secrets.get(session, tenant_id, name)
        info = await self._secrets.info(session, tenant_id, name)
        if value is None or info is None:
            return None
        return self._runtime_keys.seal(
            tenant_id, name, value, kind=info.kind, allowed_host=info.allowed_host
        )

    async def _carrier_key(
        self, session: AsyncSession, tenant_id: str, name: object
    ) -> EncryptedSecret | None:
        """The named secret sealed, when it exists and is a carrier credential."""
        sealed = await self._seal(session, tenant_id, str(name)) if name is not None else None
        return sealed if sealed is not None and sealed.kind == "carrier_credential" else None

    async def _telephony(self, session: AsyncSession, tenant: Tenant) -> TelephonyConfig:
        """The tenant's own carrier accounts; one whose secret is missing or of another kind
        is left out (its calls then fail verification, and the runtime view reports why)."""
        twilio_account = telnyx_account = None
        twilio = carrier_account(tenant.telephony, "twilio")
        if twilio is not None:
            token = await self._carrier_key(
                session, tenant.id, twilio.get("auth_token_secret_name")
            )
            if token is not None:
                sid = str(twilio.get("account_sid"))
                twilio_account = TwilioAccount(account_sid=sid, auth_token=token)
        telnyx = carrier_account(tenant.telephony, "telnyx")
        if telnyx is not None:
            api_key = await self._carrier_key(session, tenant.id, telnyx.get("api_key_secret_name"))
            if api_key is not None:
                key = str(telnyx.get("public_key"))
                telnyx_account = TelnyxAccount(public_key=key, api_key=api_key)
        return TelephonyConfig(twilio=twilio_account, telnyx=telnyx_account)
