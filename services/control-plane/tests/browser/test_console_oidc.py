"""OIDC sign-in (authorization code + PKCE) against a local stand-in provider: the console goes
to the provider, comes back to /admin/callback, trades the code with its verifier, and the
member's token works; the token lives in sessionStorage only."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from switchboard_common.app_testing import start_serving
from tests.browser.conftest import ADMIN_KEY, Console, serve_control_plane, shot
from tests.browser.oidc_issuer import CLIENT_ID, FakeIssuer
from tests.integration.oidc_provider import AUDIENCE

pytestmark = [pytest.mark.browser, pytest.mark.integration]


@pytest.fixture
async def oidc_console(browser_database: str) -> AsyncIterator[tuple[Console, FakeIssuer]]:
    issuer = FakeIssuer(subject="alice")
    idp = await start_serving(issuer.app())
    issuer.url = idp.url
    served = await serve_control_plane(
        browser_database,
        jwt={"jwks_url": idp.url + "/jwks", "issuer": idp.url + "/", "audience": AUDIENCE},
        console={"oidc_client_id": CLIENT_ID},
    )
    try:
        yield Console(served), issuer
    finally:
        await served.stop()
        await idp.stop()


async def test_a_member_signs_in_with_oidc_and_pkce(
    oidc_console: tuple[Console, FakeIssuer], page: Page
) -> None:
    console, issuer = oidc_console
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=console.url, headers=headers) as api:
        tenant = (await api.post("/v1/tenants", json={"name": "OIDC Dental"})).json()
        member = await api.put(f"/v1/tenants/{tenant['id']}/members/alice", json={"role": "editor"})
        assert member.status_code == 200, member.text
    await page.goto(console.admin)
    await shot(page, "signin-oidc")
    await page.get_by_role("button", name="Sign in with your identity provider").click()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert issuer.exchanged == ["alice"]  # the code was traded with a matching verifier
    await expect(page.locator(".top .who")).to_have_text("user:alice")
    await expect(page.get_by_role("heading", level=2, name="Runtime")).to_be_visible()  # its tenant
    await expect(page.get_by_role("navigation", name="Tenant")).to_contain_text("editor")
    assert page.url.startswith(console.admin + "/t/" + tenant["id"])
    assert await page.evaluate("localStorage.length") == 0
    assert await page.evaluate("sessionStorage.length") == 1  # the token; the verifier is gone
    await page.get_by_role("button", name="Sign out").click()
    assert await page.evaluate("sessionStorage.length") == 0
