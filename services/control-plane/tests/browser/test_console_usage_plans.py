"""Plans (platform admins) and a tenant's usage page: a plan is created (its 422 shown at the
field), assigned to a tenant, refused deletion while in use; the tenant's metered call shows in
the usage totals, chart and table; a viewer sees the usage and the plan but no plan control."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from playwright.async_api import Page, expect
from redis.asyncio import Redis

from tests.browser.conftest import ADMIN_KEY, REDIS_URL, Console, open_section, shot, sign_in
from tests.integration.builders import api_key, tenant
from tests.integration.test_calls import call_events, publish

pytestmark = [pytest.mark.browser, pytest.mark.integration]


async def _tenant_with_a_metered_call(console: Console) -> tuple[str, str]:
    """A tenant with one ended call of 90 s (2 billable minutes), and a viewer key of it."""
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=console.url, headers=headers) as client:
        tenant_id = await tenant(client, "Usage Dental")
        viewer = await api_key(client, tenant_id, "viewer")
        redis = Redis.from_url(REDIS_URL)
        try:
            await publish(redis, call_events(tenant_id, "call-usage"))
        finally:
            await redis.aclose()
        path = f"/v1/tenants/{tenant_id}/calls/call-usage"
        async with asyncio.timeout(10):  # the control plane's consumer stores and meters it
            while not (await client.get(path)).json().get("ended_at"):  # noqa: ASYNC110 - in Postgres
                await asyncio.sleep(0.05)
    return tenant_id, viewer


async def test_plans_are_managed_and_a_tenant_sees_its_usage_and_plan(
    page: Page, console: Console
) -> None:
    tenant_id, viewer = await _tenant_with_a_metered_call(console)
    await sign_in(page, console, ADMIN_KEY)

    await page.get_by_role("navigation", name="Platform").get_by_role("link", name="Plans").click()
    await expect(page.get_by_role("heading", level=1, name="Plans")).to_be_visible()
    await expect(page.get_by_text("No plans yet.")).to_be_visible()
    await page.get_by_role("button", name="New plan").click()
    form = page.get_by_role("form", name="New plan")
    await form.get_by_label("Name", exact=True).fill("Starter")
    await form.get_by_label("Included minutes").fill("500")
    await form.get_by_label("Threshold percent").fill("0")
    await form.get_by_role("button", name="Create plan").click()
    await expect(form.locator('[data-field="threshold_percent"]')).to_be_visible()
    await shot(page, "plans-validation-error")
    await form.get_by_label("Threshold percent").fill("80")
    await form.get_by_role("button", name="Create plan").click()
    row = page.get_by_role("row").filter(has_text="Starter")
    await expect(row).to_contain_text("500")
    await shot(page, "plans")

    await page.goto(f"{console.admin}/t/{tenant_id}")
    await open_section(page, "Usage")
    await page.get_by_label("Period").select_option(label="Last 12 months")
    await page.get_by_label("Per", exact=True).select_option(label="Month")
    totals = page.get_by_test_id("usage-totals")
    await expect(totals.locator('[data-key="calls"]')).to_have_text("1")
    await expect(totals.locator('[data-key="billable_minutes"]')).to_have_text("2")
    await expect(page.get_by_role("img", name="Billable minutes per month")).to_be_visible()
    await expect(page.get_by_text("No plan: the tenant's own limits apply.")).to_be_visible()
    assign = page.get_by_role("form", name="Assign a plan")
    await assign.get_by_label("Plan", exact=True).select_option(label="Starter")
    await page.get_by_role("button", name="Save plan").click()
    limits = page.get_by_test_id("plan-limits")
    await expect(limits).to_contain_text("500")
    await shot(page, "usage")

    await page.get_by_role("navigation", name="Platform").get_by_role("link", name="Plans").click()
    page.once("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
    await (
        page.get_by_role("row")
        .filter(has_text="Starter")
        .get_by_role("button", name="Delete")
        .click()
    )
    await expect(page.get_by_role("alert")).to_contain_text("plan_in_use")

    await page.get_by_role("button", name="Sign out").click()
    await sign_in(page, console, viewer)
    await page.goto(f"{console.admin}/t/{tenant_id}/usage")
    await expect(page.get_by_test_id("plan-limits")).to_contain_text("500")
    await expect(page.get_by_role("heading", level=1, name="Usage")).to_be_visible()
    await expect(page.get_by_role("button", name="Save plan")).to_have_count(0)
    await expect(page.get_by_role("navigation", name="Platform")).to_have_count(0)
    await page.set_viewport_size({"width": 390, "height": 844})
    await shot(page, "usage-390px")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
