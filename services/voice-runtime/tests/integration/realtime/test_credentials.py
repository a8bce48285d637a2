"""The gate admits a valid client secret or realtime-scoped API key against the published
snapshot in Redis, and refuses missing, forged, expired, revoked, misdirected or stale ones."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import AgentConfig, Keyring, TenantRuntimeConfig
from switchboard_common.contract.tenant_config import RealtimeKey
from switchboard_common.realtime_token import (
    DEVELOPMENT_PUBLIC_KEYS,
    DEVELOPMENT_SIGNING_KEY,
    RealtimeSigner,
    RealtimeVerifier,
    realtime_key_digest,
)
from switchboard_voice_runtime.config_cache import ConfigCache
from switchboard_voice_runtime.realtime.credentials import (
    PresentedCredential,
    RealtimeAdmission,
    RealtimeGate,
    RealtimeRefusal,
)
from switchboard_voice_runtime.testing.tenants import publish_snapshot

pytestmark = pytest.mark.integration

SIGNER = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY)
API_KEY = "sb_" + "k" * 43
OTHER_KEY = "sb_" + "z" * 43


async def _publish(
    redis: Redis,
    tenant_id: str = "t1",
    *,
    version: int = 1,
    status: str = "active",
    keys: tuple[RealtimeKey, ...] = (),
) -> None:
    agent = AgentConfig(agent_id="a1", version=version, greeting="Hello")
    snapshot = TenantRuntimeConfig.model_validate(
        {
            "tenant_id": tenant_id,
            "revision": version,
            "published_at": datetime.now(UTC),
            "status": status,
            "agents": {"a1": agent},
            "realtime_keys": keys,
        }
    )
    await publish_snapshot(redis, snapshot, {})


def _gate(redis: Redis, keyring: Keyring) -> RealtimeGate:
    verifier = RealtimeVerifier.from_spec(DEVELOPMENT_PUBLIC_KEYS)
    return RealtimeGate(verifier, ConfigCache(redis, keyring))


def _secret(tenant_id: str = "t1", version: int = 1, ttl_s: int = 60) -> PresentedCredential:
    value, _ = SIGNER.mint(tenant_id, "a1", version, ttl_s=ttl_s)
    return PresentedCredential(value, "subprotocol")


def _key(value: str = API_KEY) -> PresentedCredential:
    return PresentedCredential(value, "authorization")


def _refused(result: RealtimeAdmission | RealtimeRefusal) -> str:
    assert isinstance(result, RealtimeRefusal), result
    return result.code


async def test_a_client_secret_opens_its_agent_version(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis)
    admission = await _gate(redis, keyring).admit(_secret(), model="gpt-realtime")
    assert isinstance(admission, RealtimeAdmission)
    assert (admission.tenant_id, admission.agent_id, admission.agent_version) == ("t1", "a1", 1)
    assert admission.credential_kind == "client_secret"
    assert admission.credential_id.startswith("rts_")


async def test_no_credential_is_refused(redis: Redis, keyring: Keyring) -> None:
    assert _refused(await _gate(redis, keyring).admit(None)) == "credential_missing"


async def test_an_expired_secret_is_refused(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis)
    later = datetime.now(UTC) + timedelta(minutes=5)
    result = await _gate(redis, keyring).admit(_secret(), now=later)
    assert _refused(result) == "credential_expired"


async def test_a_secret_signed_by_another_key_is_refused(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis)
    stranger = RealtimeSigner.from_spec("dev-rts-1:" + base64.b64encode(b"x" * 32).decode())
    value, _ = stranger.mint("t1", "a1", 1)
    result = await _gate(redis, keyring).admit(PresentedCredential(value, "authorization"))
    assert _refused(result) == "credential_invalid"


async def test_a_secret_for_another_tenant_than_asked_is_refused(
    redis: Redis, keyring: Keyring
) -> None:
    await _publish(redis)
    result = await _gate(redis, keyring).admit(_secret(), tenant_id="t2")
    assert _refused(result) == "credential_invalid"


async def test_a_republished_agent_invalidates_older_secrets(
    redis: Redis, keyring: Keyring
) -> None:
    await _publish(redis, version=2)
    result = await _gate(redis, keyring).admit(_secret(version=1))
    assert _refused(result) == "agent_version_changed"
    assert isinstance(await _gate(redis, keyring).admit(_secret(version=2)), RealtimeAdmission)


async def test_an_unpublished_tenant_or_a_suspended_one_is_refused(
    redis: Redis, keyring: Keyring
) -> None:
    assert _refused(await _gate(redis, keyring).admit(_secret("t9"))) == "agent_not_found"
    await _publish(redis, "t3", status="suspended")
    assert _refused(await _gate(redis, keyring).admit(_secret("t3"))) == "tenant_suspended"


async def test_a_realtime_key_opens_the_named_agent(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis, keys=(RealtimeKey(key_id="key_1", sha256=realtime_key_digest(API_KEY)),))
    admission = await _gate(redis, keyring).admit(_key(), tenant_id="t1", model="a1")
    assert isinstance(admission, RealtimeAdmission)
    assert admission.credential_kind == "api_key" and admission.credential_id == "key_1"
    assert admission.agent_version == 1


async def test_a_realtime_key_is_refused_in_a_subprotocol(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis, keys=(RealtimeKey(key_id="key_1", sha256=realtime_key_digest(API_KEY)),))
    in_browser = PresentedCredential(API_KEY, "subprotocol")
    result = await _gate(redis, keyring).admit(in_browser, tenant_id="t1", model="a1")
    assert _refused(result) == "credential_invalid"


async def test_a_realtime_key_needs_tenant_and_agent(redis: Redis, keyring: Keyring) -> None:
    await _publish(redis, keys=(RealtimeKey(key_id="key_1", sha256=realtime_key_digest(API_KEY)),))
    gate = _gate(redis, keyring)
    assert _refused(await gate.admit(_key(), model="a1")) == "realtime_target_required"
    assert _refused(await gate.admit(_key(), tenant_id="t1")) == "realtime_target_required"
    assert _refused(await gate.admit(_key(), tenant_id="t1", model="a9")) == "agent_not_found"


async def test_unknown_revoked_misdirected_or_expired_keys_are_refused(
    redis: Redis, keyring: Keyring
) -> None:
    past = datetime.now(UTC) - timedelta(seconds=1)
    keys = (
        RealtimeKey(key_id="key_1", sha256=realtime_key_digest(API_KEY)),
        RealtimeKey(key_id="key_2", sha256=realtime_key_digest(OTHER_KEY), expires_at=past),
    )
    await _publish(redis, keys=keys)
    await _publish(redis, "t2")
    gate = _gate(redis, keyring)
    unknown = _key("sb_" + "u" * 43)
    assert _refused(await gate.admit(unknown, tenant_id="t1", model="a1")) == "credential_invalid"
    assert _refused(await gate.admit(_key(), tenant_id="t2", model="a1")) == "credential_invalid"
    assert _refused(await gate.admit(_key(), tenant_id="t:x", model="a1")) == "credential_invalid"
    expired = await gate.admit(_key(OTHER_KEY), tenant_id="t1", model="a1")
    assert _refused(expired) == "credential_expired"
    await _publish(redis, version=2)
    revoked = await _gate(redis, keyring).admit(_key(), tenant_id="t1", model="a1")
    assert _refused(revoked) == "credential_invalid"


async def test_other_credentials_are_refused(redis: Redis, keyring: Keyring) -> None:
    result = await _gate(redis, keyring).admit(_key("not-a-credential"))
    assert _refused(result) == "credential_invalid"
