"""Post-call analysis: through litellm against a local OpenAI-compatible server (summary,
extraction validated against the tenant's schema, success evaluation), the built-in analysis
for an agent without an LLM, bounded retries, and ``call.analyzed`` after ``call.ended``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import serving
from switchboard_common.contract import CallEnded, CallStarted, TranscriptEntry
from switchboard_common.litellm_loader import load_litellm
from switchboard_control_plane.settings import AnalysisSettings, Settings
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness, start_harness, truncate_all
from tests.integration.fake_openai import FakeOpenAI, parts_asked
from tests.integration.test_calls import T0, call_events, publish
from tests.integration.test_webhooks import fast_settings
from tests.integration.webhook_receiver import Receiver, serve

pytestmark = pytest.mark.integration
KEY = "sk-tenant-analysis-key"
SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "day": {"type": "string"}},
    "required": ["name", "day"],
}
ANALYSIS = {
    "summary": {"enabled": True, "prompt": "Summarise the call for the front desk."},
    "extraction": {"json_schema": SCHEMA},
    "success": {"rubric": "An appointment was booked."},
}
SAID = (
    TranscriptEntry(role="agent", text="Acme Dental, how can I help?", at_ms=0.0),
    TranscriptEntry(
        role="caller",
        text="Hi, my name is Jane Doe. Can I come in on Tuesday at 3 pm? My number is "
        "415 555 0134.",
        at_ms=900.0,
    ),
    TranscriptEntry(role="agent", text="Booked.", at_ms=2000.0),
)


def analysis_settings(database_url: str) -> Settings:
    settings = fast_settings(database_url)
    fast = AnalysisSettings(poll_s=0.05, retry_s=0.1, max_attempts=3, timeout_s=10)
    return settings.model_copy(update={"analysis": fast})


@pytest.fixture
async def ah(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await load_litellm()  # its first import takes seconds (more on a loaded machine): not here
    await truncate_all(migrated_database)
    h, lifespan = await start_harness(analysis_settings(migrated_database), redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def agent_version(h: Harness, tenant_id: str, **config: Any) -> str:
    agent = await ok(h.client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "desk"}), 201)
    body = {"greeting": "Hello", **config}
    url = f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions"
    await ok(h.client.post(url, json=body), 201)
    return str(agent["id"])


async def llm_agent(h: Harness, tenant_id: str, base_url: str) -> str:
    secret = {"value": KEY, "kind": "llm_api_key", "allowed_host": "127.0.0.1"}
    await ok(h.client.put(f"/v1/tenants/{tenant_id}/secrets/llm-key", json=secret))
    llm = {
        "model": "openai/fake-model",
        "api_base": f"{base_url}/v1",
        "api_key_secret_name": "llm-key",
    }
    return await agent_version(h, tenant_id, llm=llm, analysis=ANALYSIS)


async def place_call(h: Harness, tenant_id: str, agent_id: str, call_id: str) -> None:
    started, *_turns, ended = call_events(tenant_id, call_id, turns=0)
    assert isinstance(started, CallStarted) and isinstance(ended, CallEnded)
    await publish(
        h.redis,
        [
            started.model_copy(update={"agent_id": agent_id}),
            ended.model_copy(update={"transcript": SAID, "turns": 1, "reason": "caller_hangup"}),
        ],
    )


async def analysed(h: Harness, tenant_id: str, call_id: str) -> dict[str, Any]:
    """The call once its analysis is done, skipped or failed."""
    async with asyncio.timeout(60):
        while True:
            response = await h.client.get(f"/v1/tenants/{tenant_id}/calls/{call_id}")
            if response.status_code == 200 and response.json()["analysis_status"] in (
                "done",
                "failed",
                "skipped",
            ):
                return dict(response.json())
            await asyncio.sleep(0.05)


async def test_llm_analysis_is_stored_and_sent_after_call_ended(ah: Harness) -> None:
    fake = FakeOpenAI()
    receiver = Receiver()
    served = await serve(receiver)
    try:
        async with serving(fake.app()) as base_url:
            tenant_id = await tenant(ah.client)
            agent_id = await llm_agent(ah, tenant_id, base_url)
            hook = {"url": served.url, "event_types": ["call.ended", "call.analyzed"]}
            created = await ok(ah.client.post(f"/v1/tenants/{tenant_id}/webhooks", json=hook), 201)
            await place_call(ah, tenant_id, agent_id, "call-llm")
            call = await analysed(ah, tenant_id, "call-llm")
        assert call["analysis_status"] == "done" and call["analysis_error"] is None
        analysis = call["analysis"]
        assert analysis["source"] == "llm" and analysis["model"] == "openai/fake-model"
        assert analysis["summary"] == fake.summary
        assert analysis["extracted"] == {"name": "Jane Doe", "day": "Tuesday"}
        assert analysis["success"] == {"passed": True, "reason": "An appointment was booked."}
        assert sorted(parts_asked(fake)) == ["extraction", "success", "summary"]
        assert {r["authorization"] for r in fake.requests} == {f"Bearer {KEY}"}
        said = fake.requests[0]["body"]["messages"][1]["content"]
        assert "Caller: Hi, my name is Jane Doe." in said
        got = await receiver.wait_for(2)
        events = [item.verified(created["secret"]) for item in got.values()]
        assert [e["type"] for e in events] == ["call.ended", "call.analyzed"]
        assert events[1]["data"]["analysis"] == analysis
        assert events[1]["data"]["call_id"] == "call-llm"
    finally:
        await served.stop()


async def test_a_failing_llm_is_retried_and_an_invalid_extraction_recorded(ah: Harness) -> None:
    fake = FakeOpenAI(failures=1)
    async with serving(fake.app()) as base_url:
        tenant_id = await tenant(ah.client)
        agent_id = await llm_agent(ah, tenant_id, base_url)
        await place_call(ah, tenant_id, agent_id, "call-retry")
        retried = await analysed(ah, tenant_id, "call-retry")
        assert retried["analysis_status"] == "done" and retried["analysis_attempts"] == 2
        fake.extraction = '{"name": 5}'
        await place_call(ah, tenant_id, agent_id, "call-bad")
        bad = await analysed(ah, tenant_id, "call-bad")
    assert bad["analysis_status"] == "failed" and bad["analysis_attempts"] == 3
    assert bad["analysis_error"].startswith("extraction_invalid")
    assert bad["analysis"] is None
    assert bad["outcome"] == "answered" and bad["transcript"][1]["role"] == "caller"


async def test_an_agent_without_llm_gets_the_builtin_analysis(ah: Harness) -> None:
    tenant_id = await tenant(ah.client)
    agent_id = await agent_version(ah, tenant_id)
    await place_call(ah, tenant_id, agent_id, "call-builtin")
    call = await analysed(ah, tenant_id, "call-builtin")
    analysis = call["analysis"]
    assert call["analysis_status"] == "done" and analysis["source"] == "builtin"
    assert analysis["caller_questions"] == ["Can I come in on Tuesday at 3 pm?"]
    assert analysis["ended_how"] == "The caller hung up."
    assert analysis["extracted"] == {
        "phone_numbers": ["+14155550134"],
        "dates_times": ["Tuesday", "3 pm"],
        "names": ["Jane Doe"],
    }
    assert T0.isoformat()[:10] in call["started_at"]


async def test_the_extraction_schema_is_checked_when_saved(ah: Harness) -> None:
    tenant_id = await tenant(ah.client)
    agent = await ok(ah.client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "desk"}), 201)
    url = f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions"
    for schema, message in (
        ({"type": "object", "properties": {"x": {"type": "nope"}}}, "not a valid JSON Schema"),
        ({"type": "string"}, "must describe an object"),
    ):
        body = {"greeting": "Hi", "analysis": {"extraction": {"json_schema": schema}}}
        response = await ah.client.post(url, json=body)
        assert response.status_code == 422, response.text
        assert message in response.text
