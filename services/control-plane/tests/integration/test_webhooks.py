"""Customer webhooks end to end: endpoints API, signed deliveries from stored call events to a
real receiver on loopback that fails, is slow or refuses connections; restarts and two
instances."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import loopback_socket
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.settings import Settings, WebhookSettings
from switchboard_control_plane.webhooks.outbox import emit
from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all
from tests.integration.test_calls import call_events, publish
from tests.integration.webhook_receiver import SLOW, Receiver, serve

pytestmark = pytest.mark.integration
FAST = WebhookSettings(
    retry_schedule_s=(0.1, 0.1, 0.1, 0.1, 0.1, 0.1),
    attempt_timeout_s=2.0,  # generous: a loaded machine must not turn answers into timeouts
    poll_s=0.05,
    concurrency=4,
)


def fast_settings(database_url: str, **webhooks: Any) -> Settings:
    return make_settings(
        database_url,
        allow_private_addresses=True,
        webhooks=FAST.model_copy(update=webhooks),
        lost_calls_sweep_s=3600,
    )


@pytest.fixture
async def wh(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    h, lifespan = await start_harness(fast_settings(migrated_database), redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def endpoint(
    h: Harness, tenant_id: str, url: str, types: list[str] | None = None
) -> dict[str, Any]:
    body = {"url": url, "event_types": types or ["call.started", "call.ended"]}
    return await ok(h.client.post(f"/v1/tenants/{tenant_id}/webhooks", json=body), 201)


async def deliveries(h: Harness, tenant_id: str, endpoint_id: str) -> list[dict[str, Any]]:
    url = f"/v1/tenants/{tenant_id}/webhooks/{endpoint_id}/deliveries"
    return list((await ok(h.client.get(url)))["items"])


async def settled(h: Harness, tenant_id: str, endpoint_id: str, count: int) -> list[Any]:
    """Waits until ``count`` deliveries exist and none is pending."""
    async with asyncio.timeout(20):
        while True:
            items = await deliveries(h, tenant_id, endpoint_id)
            if len(items) >= count and all(d["status"] != "pending" for d in items):
                return items
            await asyncio.sleep(0.05)


async def emit_events(h: Harness, tenant_id: str, count: int, key: str | None = None) -> None:
    async with h.app.state.resources.sessions() as session:
        scope_session(session, tenant_id)
        for index in range(count):
            data = {
                "endpoint_id": f"whe_{index}",
                "url": "https://example.com",
                "reason": "test",
                "consecutive_failures": index,
                "disabled_at": "2026-03-02T15:00:00Z",
            }
            await emit(session, tenant_id, "webhook.endpoint_disabled", data, ordering_key=key)
        await session.commit()


async def test_endpoints_api_secret_once_roles_and_address_guard(
    wh: Harness, migrated_database: str, redis: Redis
) -> None:
    tenant_id = await tenant(wh.client)
    created = await endpoint(wh, tenant_id, "https://example.com/hook")
    assert created["secret"].startswith("whsec_") and created["enabled"] is True
    base = f"/v1/tenants/{tenant_id}/webhooks"
    listed = await ok(wh.client.get(base))
    assert [e["id"] for e in listed["items"]] == [created["id"]]
    assert "secret" not in listed["items"][0]
    assert "secret" not in await ok(wh.client.get(f"{base}/{created['id']}"))
    viewer = wh.as_(await api_key(wh.client, tenant_id, "viewer"))
    assert (await wh.client.get(base, headers=viewer)).status_code == 200
    refused = await wh.client.post(
        base, json={"url": "https://x.io", "event_types": ["call.ended"]}, headers=viewer
    )
    assert refused.status_code == 403
    bad_type = await wh.client.post(base, json={"url": "https://x.io", "event_types": ["nope"]})
    assert bad_type.status_code == 422
    changed = await ok(wh.client.patch(f"{base}/{created['id']}", json={"enabled": False}))
    assert changed["enabled"] is False
    rotated = await ok(wh.client.post(f"{base}/{created['id']}/rotate-secret", json={}))
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != created["secret"]
    other = await tenant(wh.client, "Other")
    missing = await wh.client.get(f"/v1/tenants/{other}/webhooks/{created['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "webhook_endpoint_not_found"
    audit = await ok(wh.client.get(f"/v1/tenants/{tenant_id}/audit"))
    actions = {entry["action"] for entry in audit["items"]}
    assert {"webhook_endpoint.created", "webhook_endpoint.secret_rotated"} <= actions
    assert created["secret"] not in str(audit) and rotated["secret"] not in str(audit)
    assert (await wh.client.delete(f"{base}/{created['id']}")).status_code == 204
    # The outbound guard, without the development allowance: loopback is refused at creation.
    guarded, lifespan = await start_harness(make_settings(migrated_database), redis)
    try:
        body = {"url": "http://127.0.0.1:9/hook", "event_types": ["call.ended"]}
        response = await guarded.client.post(base, json=body)
        assert response.status_code == 422
        assert response.json()["error"]["details"][0]["type"] == "address_not_allowed"
    finally:
        await guarded.client.aclose()
        await lifespan.__aexit__(None, None, None)


async def test_call_events_arrive_signed_in_order_through_503s(wh: Harness) -> None:
    receiver = Receiver(script=deque([503, 503]))
    served = await serve(receiver)
    try:
        tenant_id = await tenant(wh.client)
        hook = await endpoint(wh, tenant_id, served.url)
        await publish(wh.redis, call_events(tenant_id, "call-a") + call_events(tenant_id, "call-b"))
        got = await receiver.wait_for(4)
        events = [item.verified(hook["secret"]) for item in receiver.received]
        for call_id in ("call-a", "call-b"):
            types = [e["type"] for e in events if e["data"]["call_id"] == call_id]
            # retries repeat an event, never reorder a call's events
            assert [t for i, t in enumerate(types) if t not in types[:i]] == [
                "call.started",
                "call.ended",
            ]
        assert len(got) == 4
        ended = next(e for e in events if e["type"] == "call.ended")
        assert ended["data"]["duration_s"] == 90.0 and ended["data"]["outcome"] == "answered"
        assert ended["timestamp"].endswith("Z")
        log = await settled(wh, tenant_id, hook["id"], 4)
        assert {d["status"] for d in log} == {"succeeded"}
        codes: list[int] = []
        for delivery in log:
            url = f"/v1/tenants/{tenant_id}/webhooks/{hook['id']}/deliveries/{delivery['id']}"
            attempts = (await ok(wh.client.get(url)))["attempt_log"]
            assert attempts[-1]["status_code"] == 200 and len(attempts) == delivery["attempts"]
            assert all(a["latency_ms"] > 0 for a in attempts)
            codes += [a["status_code"] for a in attempts]
        # the two 503s went to whichever deliveries came first; each was retried
        assert sorted(codes) == [200, 200, 200, 200, 503, 503]
    finally:
        await served.stop()


async def test_slow_receiver_times_out_and_the_retry_lands(wh: Harness) -> None:
    receiver = Receiver(script=deque([SLOW]), slow_s=5.0)
    served = await serve(receiver)
    try:
        tenant_id = await tenant(wh.client)
        hook = await endpoint(wh, tenant_id, served.url, ["webhook.endpoint_disabled"])
        await emit_events(wh, tenant_id, 1)
        [delivery] = await settled(wh, tenant_id, hook["id"], 1)
        assert delivery["status"] == "succeeded" and delivery["attempts"] == 2
        url = f"/v1/tenants/{tenant_id}/webhooks/{hook['id']}/deliveries/{delivery['id']}"
        attempts = (await ok(wh.client.get(url)))["attempt_log"]
        assert attempts[0]["status_code"] is None and attempts[0]["error"].startswith("timeout")
        assert len(receiver.unique()) == 1  # the same webhook-id both times
    finally:
        await served.stop()


async def test_refused_connections_are_retried_until_the_receiver_listens(wh: Harness) -> None:
    sock = loopback_socket()  # bound, not listening: connections are refused
    tenant_id = await tenant(wh.client)
    port = sock.getsockname()[1]
    hook = await endpoint(
        wh, tenant_id, f"http://127.0.0.1:{port}/hook", ["webhook.endpoint_disabled"]
    )
    await emit_events(wh, tenant_id, 3, key="k")
    async with asyncio.timeout(10):
        while not any(d["attempts"] >= 2 for d in await deliveries(wh, tenant_id, hook["id"])):  # noqa: ASYNC110 - polls the API
            await asyncio.sleep(0.05)
    log = await deliveries(wh, tenant_id, hook["id"])
    assert any((d["last_error"] or "").startswith("connection_failed") for d in log)
    receiver = Receiver()
    served = await serve(receiver, sock)
    try:
        got = await receiver.wait_for(3)
        order = [
            item.verified(hook["secret"])["data"]["consecutive_failures"] for item in got.values()
        ]
        assert order == [0, 1, 2]  # one ordering key: in emission order
    finally:
        await served.stop()


async def test_nothing_is_lost_across_a_restart(migrated_database: str, redis: Redis) -> None:
    await truncate_all(migrated_database)
    receiver = Receiver(script=deque([503] * 1000))
    served = await serve(receiver)
    first, lifespan = await start_harness(fast_settings(migrated_database), redis)
    try:
        tenant_id = await tenant(first.client)
        hook = await endpoint(first, tenant_id, served.url, ["webhook.endpoint_disabled"])
        await emit_events(first, tenant_id, 5)
        await receiver.wait_for(1)
    finally:
        await first.client.aclose()
        await lifespan.__aexit__(None, None, None)  # stops the worker mid-way
    receiver.script.clear()
    second, lifespan = await start_harness(fast_settings(migrated_database), redis)
    try:
        got = await receiver.wait_for(5)
        assert all(
            item.verified(hook["secret"])["type"] == "webhook.endpoint_disabled"
            for item in got.values()
        )
        assert {d["status"] for d in await settled(second, tenant_id, hook["id"], 5)} == {
            "succeeded"
        }
    finally:
        await second.client.aclose()
        await lifespan.__aexit__(None, None, None)
        await served.stop()


async def test_two_instances_never_send_the_same_attempt(
    migrated_database: str, redis: Redis
) -> None:
    await truncate_all(migrated_database)
    receiver = Receiver()
    served = await serve(receiver)
    settings = fast_settings(migrated_database)
    one, lifespan_one = await start_harness(settings, redis)
    two, lifespan_two = await start_harness(settings, redis)
    try:
        tenant_id = await tenant(one.client)
        hook = await endpoint(one, tenant_id, served.url, ["webhook.endpoint_disabled"])
        await emit_events(one, tenant_id, 40)
        await receiver.wait_for(40)
        log = await settled(two, tenant_id, hook["id"], 40)
        assert len(receiver.received) == 40  # every event once: no attempt was made twice
        assert {d["attempts"] for d in log} == {1}
    finally:
        for h, lifespan in ((one, lifespan_one), (two, lifespan_two)):
            await h.client.aclose()
            await lifespan.__aexit__(None, None, None)
        await served.stop()


async def test_failing_endpoint_is_disabled_with_audit_and_notice(
    migrated_database: str, redis: Redis
) -> None:
    await truncate_all(migrated_database)
    receiver = Receiver(script=deque([307] * 3))
    served = await serve(receiver)
    settings = fast_settings(migrated_database, disable_after_failures=3)
    h, lifespan = await start_harness(settings, redis)
    try:
        tenant_id = await tenant(h.client)
        failing = await endpoint(h, tenant_id, f"{served.url}/failing", ["call.started"])
        watcher = await endpoint(h, tenant_id, served.url, ["webhook.endpoint_disabled"])
        await publish(h.redis, call_events(tenant_id, "call-x")[:1])
        got = await receiver.wait_for(2)
        notice = next(
            item.verified(watcher["secret"])
            for item in got.values()
            if '"type":"webhook.endpoint_disabled"' in item.body
        )
        assert notice["data"]["endpoint_id"] == failing["id"]
        state = await ok(h.client.get(f"/v1/tenants/{tenant_id}/webhooks/{failing['id']}"))
        assert state["enabled"] is False and state["disabled_reason"] == "consecutive_failures"
        [delivery] = await deliveries(h, tenant_id, failing["id"])
        assert delivery["last_error"] == "redirect_not_followed" and delivery["status"] == "pending"
        audit = await ok(h.client.get(f"/v1/tenants/{tenant_id}/audit"))
        disabled = [e for e in audit["items"] if e["action"] == "webhook_endpoint.disabled"]
        assert disabled and disabled[0]["target"] == failing["id"]
    finally:
        await h.client.aclose()
        await lifespan.__aexit__(None, None, None)
        await served.stop()


async def test_rotation_overlap_signs_with_both_and_redeliver_resends(wh: Harness) -> None:
    receiver = Receiver()
    served = await serve(receiver)
    try:
        tenant_id = await tenant(wh.client)
        hook = await endpoint(wh, tenant_id, served.url, ["webhook.endpoint_disabled"])
        base = f"/v1/tenants/{tenant_id}/webhooks/{hook['id']}"
        rotated = await ok(wh.client.post(f"{base}/rotate-secret", json={"overlap_s": 600}))
        await emit_events(wh, tenant_id, 1)
        [item] = (await receiver.wait_for(1)).values()
        assert item.verified(hook["secret"]) == item.verified(rotated["secret"])
        assert len(item.headers["webhook-signature"].split(" ")) == 2
        [delivery] = await settled(wh, tenant_id, hook["id"], 1)
        await ok(wh.client.post(f"{base}/deliveries/{delivery['id']}/redeliver"), 202)
        async with asyncio.timeout(10):
            while len(receiver.received) < 2:  # noqa: ASYNC110 - another task appends
                await asyncio.sleep(0.05)
        assert receiver.received[1].id == item.id  # a receiver de-duplicates it
        ended = await ok(wh.client.post(f"{base}/rotate-secret", json={"overlap_s": 0}))
        await emit_events(wh, tenant_id, 1)
        await receiver.wait_for(2)
        latest = receiver.received[-1]
        assert len(latest.headers["webhook-signature"].split(" ")) == 1
        latest.verified(ended["secret"])
    finally:
        await served.stop()
