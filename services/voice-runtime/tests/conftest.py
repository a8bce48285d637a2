"""Fixtures shared by the runtime's integration and end-to-end tests (Redis DB 2, snapshots)."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from redis.asyncio import Redis

from switchboard_common.app_testing import serving
from switchboard_common.contract import (
    AgentConfig,
    DidRoute,
    Keyring,
    TenantRuntimeConfig,
)
from switchboard_common.contract.tenant_config import (
    Carrier,
    LlmConfig,
    TelephonyConfig,
    TenantLimits,
    TwilioAccount,
)
from switchboard_common.test_endpoints import redis_url
from switchboard_voice_runtime.main import WS_MAX_FRAME_BYTES
from switchboard_voice_runtime.settings import Settings, TwilioSettings
from switchboard_voice_runtime.testing.tenants import mark_published, publish_snapshot

TEST_REDIS_URL = redis_url(2)
TEST_KEYS = "k1:" + "B" * 43 + "="

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(TEST_REDIS_URL)
    await client.flushdb()
    await mark_published(client)
    try:
        yield client
    finally:
        await client.flushdb()
        await client.aclose()


@pytest.fixture
def keyring() -> Keyring:
    return Keyring.from_spec(TEST_KEYS)


def build_snapshot(
    keyring: Keyring,
    tenant_id: str = "t1",
    *,
    revision: int = 1,
    status: str = "active",
    max_concurrent_calls: int = 5,
    calls_per_minute: int = 60,
    monthly_minutes_cap: int | None = None,
    own_twilio_token: str | None = None,
    greeting: str = "Hello, thanks for calling.",
    reject_when_busy: bool = False,
    unavailable_message: str | None = None,
    llm: LlmConfig | None = None,
) -> TenantRuntimeConfig:
    telephony = TelephonyConfig()
    if own_twilio_token is not None:
        telephony = TelephonyConfig(
            twilio=TwilioAccount(
                account_sid="AC" + "9" * 32,
                auth_token=keyring.seal(
                    tenant_id, "twilio_auth_token", own_twilio_token, kind="carrier_credential"
                ),
            )
        )
    agent = AgentConfig(
        agent_id="a1",
        version=1,
        greeting=greeting,
        reject_when_busy=reject_when_busy,
        unavailable_message=unavailable_message,
        llm=llm or LlmConfig(),
    )
    return TenantRuntimeConfig.model_validate(
        {
            "tenant_id": tenant_id,
            "revision": revision,
            "published_at": datetime.now(UTC),
            "status": status,
            "limits": TenantLimits(
                max_concurrent_calls=max_concurrent_calls,
                calls_per_minute=calls_per_minute,
                monthly_minutes_cap=monthly_minutes_cap,
            ),
            "telephony": telephony,
            "agents": {"a1": agent},
        }
    )


@pytest.fixture
def publish(redis: Redis, keyring: Keyring) -> Publish:
    """Writes a tenant snapshot and routes numbers (of ``carrier``) to its agent, as the control
    plane does."""

    async def _publish(
        tenant_id: str = "t1",
        numbers: tuple[str, ...] = ("+15550001000",),
        *,
        carrier: Carrier = "twilio",
        **options: object,
    ) -> TenantRuntimeConfig:
        snapshot = build_snapshot(keyring, tenant_id, **options)  # type: ignore[arg-type]
        routes = {
            number: DidRoute(
                tenant_id=tenant_id, agent_id="a1", number_id=f"n{index}", carrier=carrier
            )
            for index, number in enumerate(numbers)
        }
        await publish_snapshot(redis, snapshot, routes)
        return snapshot

    return _publish


PLATFORM_TOKEN = "platform-auth-token"
PUBLIC_BASE_URL = "https://voice.test"


def runtime_settings(**overrides: object) -> Settings:
    """Runtime settings for tests: Redis DB 2, a public URL behind a pretend proxy, test keys."""
    values: dict[str, object] = {
        "public_base_url": PUBLIC_BASE_URL,
        "redis_url": TEST_REDIS_URL,
        "runtime_keys": TEST_KEYS,
        "call_token_secret": "test-call-token-secret-0123456789abcdef",
        "twilio": TwilioSettings(auth_token=SecretStr(PLATFORM_TOKEN)),
        "pending_lease_ttl_s": 5.0,
        "lease_ttl_s": 5.0,
        "drain_timeout_s": 5.0,
        "log_json": False,
    }
    values.update(overrides)
    return Settings.model_validate(values)


Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]


@pytest.fixture
def serve() -> Serve:
    """``async with serve(app) as base_url``: the app (lifespan on) on an ephemeral port, taking
    websocket messages up to the runtime's production limit."""
    return functools.partial(serving, ws_max_size=WS_MAX_FRAME_BYTES)


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    return runtime_settings
