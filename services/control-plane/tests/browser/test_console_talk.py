""" "Talk to this agent": an editor's click mints a client secret for the agent's published version
and opens the runtime's talk page (served by the runtime's own page router) with it in the URL
fragment, which the page then takes out of the address bar; a viewer is not offered the button."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from switchboard_common.app_testing import ServedApp, start_serving
from switchboard_common.realtime_token import DEVELOPMENT_PUBLIC_KEYS, RealtimeVerifier
from switchboard_voice_runtime.realtime.page import TALK_PATH, talk_page_router
from tests.browser.conftest import ADMIN_KEY, Console, serve_control_plane, shot, sign_in
from tests.integration.builders import api_key, live_agent, tenant

pytestmark = [pytest.mark.browser, pytest.mark.integration]


@pytest.fixture
async def talk_page() -> AsyncIterator[ServedApp]:
    """The voice runtime's talk page routes, on their own loopback port."""
    app = FastAPI()
    app.include_router(talk_page_router())
    served = await start_serving(app, lifespan="off")
    try:
        yield served
    finally:
        await served.stop()


@pytest.fixture
async def talk_console(browser_database: str, talk_page: ServedApp) -> AsyncIterator[Console]:
    served = await serve_control_plane(
        browser_database, voice_runtime_public_url=talk_page.url + "/"
    )
    try:
        yield Console(served)
    finally:
        await served.stop()


async def test_an_editor_opens_the_talk_page_with_a_fresh_client_secret(
    page: Page, talk_console: Console, talk_page: ServedApp
) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=talk_console.url, headers=headers) as client:
        tenant_id = await tenant(client, "Talk Dental")
        agent_id = await live_agent(client, tenant_id, "Hello from the talk page.")
        editor = await api_key(client, tenant_id, "editor")
        viewer = await api_key(client, tenant_id, "viewer")
    # what the talk page saw in its fragment, before its own script cleared it
    await page.context.add_init_script("window.__talkHash = window.location.hash;")

    await sign_in(page, talk_console, editor)
    await page.goto(f"{talk_console.admin}/t/{tenant_id}/agents/{agent_id}")
    button = page.get_by_role("button", name="Talk to this agent")
    await expect(button).to_be_enabled()
    async with page.context.expect_page() as opened:
        await button.click()
    talk = await opened.value
    await expect(talk.get_by_role("heading", name="Talk to this agent")).to_be_visible()
    await expect(talk.get_by_role("button", name="Start talking")).to_be_enabled()
    # the secret leaves the address bar once the page's module script has run (deferred: the
    # button is in the HTML before it), so wait for the address rather than read it once
    await expect(talk).to_have_url(talk_page.url + TALK_PATH)
    fragment = await talk.evaluate("window.__talkHash")
    assert fragment.startswith("#client_secret=")
    secret = fragment.removeprefix("#client_secret=")
    grant = RealtimeVerifier.from_spec(DEVELOPMENT_PUBLIC_KEYS).verify(
        secret, tenant_id=tenant_id, agent_id=agent_id
    )
    assert grant.agent_version == 1
    await expect(page.get_by_role("status")).to_contain_text("version 1")
    await shot(page, "agent-talk")
    await talk.close()

    await page.get_by_role("button", name="Sign out").click()
    await sign_in(page, talk_console, viewer)
    await page.goto(f"{talk_console.admin}/t/{tenant_id}/agents/{agent_id}")
    await expect(page.get_by_text("live: version 1")).to_be_visible()
    await expect(page.get_by_role("button", name="Talk to this agent")).to_have_count(0)
