"""The admin console in a real Chromium against the real control plane: sign in with a key,
build a tenant (agent with a validation error shown at its field, version, publish, number,
key, secret), every page renders; a viewer is offered no write control; a 401 returns to
sign-in; sign-out forgets the key."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import ADMIN_KEY, Console, open_section, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.integration]
SECRET_VALUE = "sk-console-test-value-never-shown"


async def build_tenant(page: Page, console: Console) -> str:
    """Signs in as the platform admin (keyboard only) and builds a tenant; its id."""
    await page.goto(console.admin)
    await page.get_by_label("API key", exact=True).fill("sb_wrong_key")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.locator('[data-field="api_key"]')).to_contain_text("not valid")
    await shot(page, "signin")
    await page.get_by_label("API key", exact=True).fill("")
    await page.keyboard.press("Shift+Tab")  # away and back: the field is reached by Tab
    await page.keyboard.press("Tab")
    await expect(page.get_by_label("API key", exact=True)).to_be_focused()
    await page.keyboard.type(ADMIN_KEY)
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    await expect(page.get_by_role("heading", name="Tenants")).to_be_visible()
    await page.get_by_label("New tenant name").fill("Console Dental")
    await page.get_by_role("button", name="Create tenant").click()
    await expect(page.get_by_role("heading", level=2, name="Runtime")).to_be_visible()
    tenant_id = page.url.rsplit("/t/", 1)[1].split("/")[0]

    await open_section(page, "Agents")
    await page.get_by_label("New agent name").fill("Front desk")
    await page.get_by_role("button", name="Create agent").click()
    await expect(page.get_by_role("heading", level=1, name="Front desk")).to_be_visible()
    await page.get_by_label("Greeting").fill("Thanks for calling Console Dental.")
    model = page.locator('input[name="llm.model"]')
    await model.fill("nonsense")
    await page.get_by_role("button", name="Save as new version").click()
    error = page.locator('[data-field="llm.model"]')
    await expect(error).to_contain_text("provider")
    await expect(model).to_have_attribute("aria-invalid", "true")
    await shot(page, "agent-validation-error")
    await model.fill("")
    await page.get_by_role("button", name="Save as new version").click()
    await expect(page.get_by_role("status")).to_contain_text("Saved as version 1")
    await page.get_by_role("button", name="Publish 1").click()
    await expect(page.get_by_text("live: version 1")).to_be_visible()

    # A second version, the side-by-side diff, publish and roll back.
    await page.get_by_label("Greeting").fill("Console Dental, good day!")
    await page.get_by_role("button", name="Save as new version").click()
    await expect(page.get_by_role("status")).to_contain_text("Saved as version 2")
    diff = page.locator("table.diff")
    await expect(diff).to_contain_text("1 field(s) differ")
    changed = diff.locator("tr.changed")
    await expect(changed).to_have_count(1)
    await expect(changed).to_contain_text("Thanks for calling Console Dental.")
    await expect(changed).to_contain_text("Console Dental, good day!")
    await page.get_by_role("button", name="Publish 2").click()
    await expect(page.get_by_text("live: version 2")).to_be_visible()
    await shot(page, "agent")
    await page.get_by_role("button", name="Roll back to 1").click()
    await expect(page.get_by_text("live: version 1")).to_be_visible()

    await open_section(page, "Numbers")
    await page.get_by_label("Number (E.164)").fill("+1 415 555 0199")
    await page.get_by_label("Agent", exact=True).select_option(label="Front desk")
    await page.get_by_role("button", name="Add number").click()
    await expect(page.get_by_role("cell", name="+14155550199", exact=True)).to_be_visible()
    await shot(page, "numbers")

    await open_section(page, "Secrets")
    await page.get_by_label("Name", exact=True).fill("openai")
    await page.get_by_label("Value").fill(SECRET_VALUE)
    await page.get_by_role("button", name="Save secret").click()
    await expect(page.get_by_role("cell", name="openai", exact=True)).to_be_visible()
    assert SECRET_VALUE not in await page.content()
    await shot(page, "secrets")
    return tenant_id


async def test_an_admin_builds_a_tenant_and_a_viewer_only_reads(
    console: Console, page: Page
) -> None:
    tenant_id = await build_tenant(page, console)

    await open_section(page, "API keys")
    await page.get_by_label("Name", exact=True).fill("read only")
    await page.get_by_label("Role").select_option("viewer")
    await page.get_by_role("button", name="Create key").click()
    viewer_key = (await page.get_by_test_id("new-key").text_content() or "").strip()
    assert viewer_key.startswith("sb_")
    await shot(page, "api-keys")
    await page.get_by_role("button", name="I have stored it").click()
    await expect(page.get_by_test_id("new-key")).to_have_count(0)  # shown once

    await open_section(page, "Webhooks")
    await page.get_by_label("Endpoint URL").fill("https://hooks.example.com/switchboard")
    await page.get_by_label("call.analyzed").check()
    await page.get_by_role("button", name="Add endpoint").click()
    webhook_secret = (await page.get_by_test_id("new-secret").text_content() or "").strip()
    assert webhook_secret.startswith("whsec_")
    await page.get_by_role("button", name="I have stored it").click()
    await expect(page.get_by_test_id("new-secret")).to_have_count(0)
    row = page.get_by_role("row").filter(has_text="https://hooks.example.com/switchboard")
    await expect(row).to_contain_text("call.analyzed, call.ended")
    await row.get_by_role("button", name="Deliveries").click()
    await expect(page.get_by_text("No deliveries yet.")).to_be_visible()
    assert webhook_secret not in await page.content()
    await shot(page, "webhooks")

    for section in ("Members", "Calls", "Analytics"):
        await open_section(page, section)
        await shot(page, section.lower())
    await open_section(page, "Audit log")
    await page.get_by_label("Action (or prefix ending in .)").fill("agent.")
    await page.get_by_role("button", name="Filter").click()
    rows = page.locator("tbody tr")
    await expect(rows.first).to_contain_text("agent.")
    await page.wait_for_load_state("networkidle")
    for row in await rows.all():
        assert "agent." in await row.inner_text()
    await rows.first.get_by_role("button", name="Show").click()
    await expect(page.get_by_role("columnheader", name="Before")).to_be_visible()
    await shot(page, "audit")
    await open_section(page, "Home")
    settings = page.get_by_role("region", name="Tenant settings")
    await settings.get_by_label("Keep recordings (days; empty: forever)").fill("30")
    await settings.get_by_role("button", name="Save settings").click()
    await expect(settings.get_by_role("status")).to_have_text("Saved.")
    await shot(page, "home")
    await page.set_viewport_size({"width": 390, "height": 844})
    await shot(page, "home-390px")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    await page.set_viewport_size({"width": 1280, "height": 900})

    await page.get_by_role("link", name="Switchboard").click()
    await expect(page.get_by_role("cell", name="Console Dental")).to_be_visible()
    await page.get_by_role("button", name="Limits").click()
    await expect(page.locator('input[name="limits.max_concurrent_calls"]')).to_have_value("5")
    await shot(page, "tenants")

    await page.get_by_role("button", name="Sign out").click()
    await expect(page.get_by_role("heading", name="Sign in to Switchboard")).to_be_visible()
    assert await page.evaluate("sessionStorage.length") == 0
    assert await page.evaluate("localStorage.length") == 0

    # The viewer: straight to the only tenant, and no control it may not use.
    await sign_in(page, console, viewer_key)
    await expect(page.get_by_role("heading", level=2, name="Runtime")).to_be_visible()
    assert tenant_id in page.url
    nav = page.get_by_role("navigation", name="Tenant")
    await expect(nav.get_by_role("link", name="Calls")).to_be_visible()
    for hidden in ("Secrets", "Members", "API keys", "Audit log"):
        await expect(nav.get_by_role("link", name=hidden)).to_have_count(0)
    await expect(page.get_by_role("button", name="Re-publish")).to_have_count(0)
    await expect(page.get_by_role("region", name="Tenant settings")).to_have_count(0)
    await open_section(page, "Agents")
    await expect(page.get_by_role("button", name="Create agent")).to_have_count(0)
    await page.get_by_role("link", name="Front desk").click()
    await expect(page.get_by_label("Greeting")).to_be_disabled()
    await expect(page.get_by_role("button", name="Save as new version")).to_have_count(0)
    await expect(page.get_by_role("button", name=re.compile("^Add "))).to_have_count(0)
    await expect(page.get_by_role("button", name=re.compile("Publish|Roll back"))).to_have_count(0)
    await shot(page, "viewer-agent")
    await page.set_viewport_size({"width": 390, "height": 844})
    await shot(page, "viewer-agent-390px")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await page.set_viewport_size({"width": 1280, "height": 900})
    await open_section(page, "Webhooks")
    await expect(page.get_by_role("cell", name=re.compile("hooks.example.com"))).to_be_visible()
    await expect(page.get_by_role("button", name="Add endpoint")).to_have_count(0)
    await expect(
        page.get_by_role("button", name=re.compile("Rotate|Remove|Disable"))
    ).to_have_count(0)
    await open_section(page, "Numbers")
    await expect(page.get_by_role("button", name="Add number")).to_have_count(0)
    await expect(page.get_by_role("button", name="Remove")).to_have_count(0)

    # A revoked key: the next request is a 401 and the console returns to sign-in.
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=console.url, headers=headers) as api:
        keys = (await api.get(f"/v1/tenants/{tenant_id}/api-keys")).json()["items"]
        key_id = next(k["id"] for k in keys if k["name"] == "read only")
        revoked = await api.delete(f"/v1/tenants/{tenant_id}/api-keys/{key_id}")
        assert revoked.status_code == 204
        stored = (await api.get(f"/v1/tenants/{tenant_id}")).json()
        assert stored["recording_retention_days"] == 30
    await nav.get_by_role("link", name="Calls", exact=True).click()
    await expect(page.get_by_role("heading", name="Sign in to Switchboard")).to_be_visible()
    await expect(page.get_by_text("Your session ended")).to_be_visible()
    assert await page.evaluate("sessionStorage.length") == 0
