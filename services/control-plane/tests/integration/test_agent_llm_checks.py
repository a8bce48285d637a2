"""Agent versions are refused at write time when the runtime could not use them: an empty model,
an unknown provider, an api_base or tool URL on the platform's own network."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from tests.integration.builders import ok, tenant
from tests.integration.conftest import (
    Harness,
    make_settings,
    start_harness,
    truncate_all,
)

pytestmark = pytest.mark.integration


async def create_version(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    tenant_id = await tenant(client)
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "a"}), 201)
    path = f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions"
    return await client.post(path, json={"greeting": "Hi", **body})


def field_error(response: httpx.Response) -> tuple[int, str, str]:
    assert response.status_code == 422, response.text
    detail = response.json()["error"]["details"][0]
    return response.status_code, detail["field"], detail["type"]


@pytest.mark.parametrize(
    "api_base",
    [
        "http://127.0.0.1:11434/v1",
        "http://localhost:8000/v1",
        "http://169.254.169.254/latest",
        "http://10.0.0.5/v1",
        "http://[::1]:8000/v1",
        "http://[::ffff:192.168.1.1]/v1",
        "http://[64:ff9b::a00:1]/v1",
    ],
)
async def test_an_api_base_on_the_platforms_own_network_is_refused(
    harness: Harness, api_base: str
) -> None:
    refused = await create_version(
        harness.client, {"llm": {"model": "openai/m", "api_base": api_base}}
    )
    assert field_error(refused) == (422, "llm.api_base", "address_not_allowed")


async def test_a_tool_url_on_the_platforms_own_network_is_refused(harness: Harness) -> None:
    tools = {
        "http_tools": [
            {"name": "ok", "description": "d", "url": "https://93.184.216.34/x"},
            {"name": "meta", "description": "d", "url": "http://169.254.169.254/x"},
        ]
    }
    refused = await create_version(harness.client, {"tools": tools})
    assert field_error(refused) == (422, "tools.http_tools[1].url", "address_not_allowed")


@pytest.fixture
async def permissive(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    settings = make_settings(migrated_database, allow_private_addresses=True)
    h, lifespan = await start_harness(settings, redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def test_the_operator_may_allow_private_addresses(permissive: Harness) -> None:
    body = {"llm": {"model": "openai/m", "api_base": "http://127.0.0.1:11434/v1"}}
    assert (await create_version(permissive.client, body)).status_code == 201


@pytest.mark.parametrize(
    ("llm", "field", "type_"),
    [
        ({"model": ""}, "llm.model", "empty_llm_model"),
        ({"model": "  "}, "llm.model", "empty_llm_model"),
        ({"model": "gpt-4o-mini"}, "llm.model", "unknown_llm_provider"),
        ({"model": "nosuchprovider/model"}, "llm.model", "unknown_llm_provider"),
        (
            {"model": "anthropic/claude-x", "api_base": "https://93.184.216.34/v1"},
            "llm.api_base",
            "api_base_not_supported",
        ),
    ],
)
async def test_llm_settings_the_runtime_cannot_use_are_refused(
    harness: Harness, llm: dict[str, Any], field: str, type_: str
) -> None:
    refused = await create_version(harness.client, {"llm": llm})
    assert field_error(refused) == (422, field, type_)


async def test_a_known_provider_is_accepted(harness: Harness) -> None:
    for model in ("openai/gpt-4o-mini", "anthropic/claude-3-5-haiku", "groq/llama-3.1-8b"):
        accepted = await create_version(harness.client, {"llm": {"model": model}})
        assert accepted.status_code == 201, accepted.text
