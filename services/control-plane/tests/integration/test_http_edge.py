"""The HTTP edge: body cap, no Host-built redirects, text and integers Postgres cannot store."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.integration.builders import live_agent, ok, tenant
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration
MiB = 1_048_576


async def test_a_body_over_the_cap_gets_413_before_authentication(harness: Harness) -> None:
    client = harness.client
    anonymous = {"Authorization": ""}
    declared = await client.post(
        "/v1/tenants", content=b"{" + b" " * (2 * MiB) + b"}", headers=anonymous
    )
    assert declared.status_code == 413
    assert declared.json()["error"]["code"] == "payload_too_large"

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        for _ in range(40):
            yield b"x" * 65_536
        yield b'"}'

    chunked = await client.post(
        "/v1/tenants",
        content=chunks(),
        headers={**anonymous, "Content-Type": "application/json"},
    )
    assert chunked.status_code == 413
    assert chunked.json()["error"]["details"] == {"max_bytes": MiB}


async def test_a_body_under_the_cap_still_reaches_the_route(harness: Harness) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": '
        yield b'"Chunked Dental"}'

    created = await harness.client.post(
        "/v1/tenants", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert created.status_code == 201 and created.json()["name"] == "Chunked Dental"


async def test_a_trailing_slash_is_not_redirected_to_the_request_host(harness: Harness) -> None:
    response = await harness.client.get("/v1/tenants/", headers={"Host": "evil.example"})
    assert response.status_code == 404
    assert "evil.example" not in response.headers.get("Location", "")
    assert "location" not in response.headers


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "\\u0000Acme"}',
        '{"name": "Acme \\ud800"}',
        '{"name": "Acme \\udc00 Dental"}',
        '{"name": "\\ud83d\\u0041"}',
    ],
)
async def test_unstorable_characters_in_a_body_get_422(harness: Harness, body: str) -> None:
    response = await harness.client.post(
        "/v1/tenants", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_characters"
    assert response.json()["error"]["details"] == {"location": "body"}


async def test_escaped_backslashes_and_surrogate_pairs_are_stored(harness: Harness) -> None:
    body = '{"name": "C:\\\\u0000 \\ud83d\\ude00"}'
    created = await harness.client.post(
        "/v1/tenants", content=body, headers={"Content-Type": "application/json"}
    )
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "C:\\u0000 \U0001f600"


async def test_nul_in_a_path_or_query_gets_422(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    in_path = await harness.client.get(f"/v1/tenants/{tenant_id}/agents/agt%00x")
    assert in_path.status_code == 422
    assert in_path.json()["error"]["details"] == {"location": "path"}
    in_query = await harness.client.get(f"/v1/tenants/{tenant_id}/calls?cursor=a%00b")
    assert in_query.status_code == 422
    assert in_query.json()["error"]["details"] == {"location": "query"}


async def test_integers_past_32_bits_get_422(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    base = f"/v1/tenants/{tenant_id}/agents/{agent_id}"
    in_path = await client.get(f"{base}/versions/{2**31}")
    assert in_path.status_code == 422
    assert in_path.json()["error"]["details"][0]["field"] == "path.version"
    in_body = await client.post(f"{base}/publish", json={"version": 2**40})
    assert in_body.status_code == 422
    await ok(client.get(f"{base}/versions/1"))
    cursor = await client.get(f"/v1/tenants/{tenant_id}/audit", params={"cursor": "9" * 30})
    assert cursor.status_code == 422
    assert cursor.json()["error"]["details"][0]["field"] == "cursor"


async def test_times_outside_what_postgres_stores_in_utc_get_422(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    body = {"name": "far", "expires_at": "9999-12-31T23:59:59-23:59"}
    key = await client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body)
    assert key.status_code == 422, key.text
    assert key.json()["error"]["details"][0]["field"] == "body.expires_at"
    since = await client.get(
        f"/v1/tenants/{tenant_id}/calls", params={"since": "0001-01-01T00:00:00+23:59"}
    )
    assert since.status_code == 422, since.text
