"""Tenant isolation matrix: every tenant route, called with another tenant's credential."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.builders import api_key, live_agent, number, ok, tenant
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration

WRITE_METHODS = {"post", "put", "patch", "delete"}


async def _tenant_a(harness: Harness) -> dict[str, str]:
    client = harness.client
    tenant_id = await tenant(client, "Alpha Secret Dental")
    agent_id = await live_agent(client, tenant_id, greeting="alpha-greeting-marker")
    number_id = await number(client, tenant_id, "+14155550199", agent_id)
    secret = {"value": "v", "kind": "tool_credential"}
    await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/alpha-key", json=secret))
    keys = await ok(
        client.post(f"/v1/tenants/{tenant_id}/api-keys", json={"name": "alpha", "role": "viewer"}),
        201,
    )
    await ok(client.put(f"/v1/tenants/{tenant_id}/members/alpha-user", json={"role": "viewer"}))
    hook = {"url": "https://example.com/alpha-hook", "event_types": ["call.ended"]}
    endpoint = await ok(client.post(f"/v1/tenants/{tenant_id}/webhooks", json=hook), 201)
    return {
        "tenant_id": tenant_id,
        "agent_id": agent_id,
        "number_id": number_id,
        "name": "alpha-key",
        "key_id": keys["id"],
        "subject": "alpha-user",
        "call_id": "call-alpha",
        "version": "1",
        "endpoint_id": endpoint["id"],
        "delivery_id": "whd_alpha",
    }


def _tenant_operations(harness: Harness) -> list[tuple[str, str]]:
    paths: dict[str, dict[str, Any]] = harness.app.openapi()["paths"]
    return [
        (method, path)
        for path, operations in paths.items()
        if path.startswith("/v1/tenants/{tenant_id}")
        for method in operations
    ]


async def test_another_tenants_credential_gets_404_on_every_tenant_route(
    harness: Harness,
) -> None:
    alpha = await _tenant_a(harness)
    beta = await tenant(harness.client, "Beta")
    beta_owner = harness.as_(await api_key(harness.client, beta, "owner"))
    operations = _tenant_operations(harness)
    assert len(operations) >= 30
    for method, template in operations:
        url = template.format(**alpha)
        response = await harness.client.request(method, url, headers=beta_owner, json={})
        assert response.status_code == 404, (method, template, response.text)
        assert response.json()["error"]["code"] == "tenant_not_found"
        for marker in ("Alpha", "alpha-greeting-marker", "+14155550199", alpha["agent_id"]):
            assert marker not in response.text


async def test_a_viewer_gets_403_on_every_write_of_its_own_tenant(harness: Harness) -> None:
    alpha = await _tenant_a(harness)
    viewer = harness.as_(await api_key(harness.client, alpha["tenant_id"], "viewer"))
    for method, template in _tenant_operations(harness):
        if method not in WRITE_METHODS:
            continue
        response = await harness.client.request(
            method, template.format(**alpha), headers=viewer, json={}
        )
        assert response.status_code == 403, (method, template, response.text)
        assert response.json()["error"]["code"] == "forbidden"


async def test_listing_tenants_shows_only_memberships(harness: Harness) -> None:
    alpha = await _tenant_a(harness)
    beta = await tenant(harness.client, "Beta")
    beta_owner = harness.as_(await api_key(harness.client, beta, "owner"))
    listed = await ok(harness.client.get("/v1/tenants", headers=beta_owner))
    assert [t["id"] for t in listed["items"]] == [beta]
    narrowed = await harness.client.get(
        "/v1/tenants", headers={**beta_owner, "X-Tenant-ID": alpha["tenant_id"]}
    )
    assert narrowed.status_code == 404
    admin_view = await ok(
        harness.client.get("/v1/tenants", headers={"X-Tenant-ID": alpha["tenant_id"]})
    )
    assert [t["id"] for t in admin_view["items"]] == [alpha["tenant_id"]]
