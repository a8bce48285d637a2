"""The call page lists the HTTP tool calls the runtime reported in its ``call.turn`` events."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from playwright.async_api import Page, expect
from redis.asyncio import Redis

from tests.browser.conftest import ADMIN_KEY, REDIS_URL, Console, shot, sign_in
from tests.integration.builders import tenant
from tests.integration.test_calls import call_events, publish

pytestmark = [pytest.mark.browser, pytest.mark.integration]


async def test_the_call_page_shows_each_tool_call_and_its_outcome(
    page: Page, console: Console
) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=console.url, headers=headers) as client:
        tenant_id = await tenant(client)
        redis = Redis.from_url(REDIS_URL)
        try:
            await publish(redis, call_events(tenant_id, "call-tools"))
        finally:
            await redis.aclose()
        path = f"/v1/tenants/{tenant_id}/calls/call-tools"
        async with asyncio.timeout(10):  # the control plane's consumer stores the events
            while not (await client.get(path)).json().get("ended_at"):  # noqa: ASYNC110 - in Postgres
                await asyncio.sleep(0.05)

    await sign_in(page, console, ADMIN_KEY)
    await page.goto(f"{console.admin}/t/{tenant_id}/calls/call-tools")
    await expect(page.get_by_test_id("tool-summary")).to_have_text("1 (1 failed)")
    table = page.get_by_test_id("tool-calls")
    row = table.get_by_role("row").nth(1)
    await expect(row).to_contain_text("find_slot")
    await expect(row).to_contain_text("failed")
    await expect(row).to_contain_text("503")
    await expect(row).to_contain_text("120.5 ms")
    await shot(page, "call-tool-calls")
