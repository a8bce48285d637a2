"""Browser fixtures: the control plane served on a loopback port (real Postgres and Redis) and
Debian's chromium driven by Playwright (never Playwright's own browser download)."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect
from redis.asyncio import Redis

from switchboard_common.app_testing import ServedApp, start_serving
from switchboard_common.test_endpoints import database_name, database_url, redis_url
from switchboard_control_plane.app import create_app
from switchboard_control_plane.db.migrate import upgrade
from switchboard_control_plane.settings import DEV_BOOTSTRAP_ADMIN_KEY
from tests.integration.conftest import ensure_database, make_settings, truncate_all

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[4]
SCREENSHOTS = ROOT / ".run" / "screenshots"
CHROMIUM = Path(os.environ.get("SWITCHBOARD_CHROMIUM", "/usr/bin/chromium"))
REDIS_URL = redis_url(15)
DB_NAME = database_name("switchboard_cp_browser")
ADMIN_KEY = DEV_BOOTSTRAP_ADMIN_KEY


@dataclass
class Console:
    """The served control plane and where its console lives."""

    served: ServedApp

    @property
    def url(self) -> str:
        return self.served.url

    @property
    def admin(self) -> str:
        return self.served.url + "/admin"


@pytest.fixture(scope="session")
def browser_database() -> str:
    asyncio.run(ensure_database(DB_NAME, fresh=True))
    url = database_url("switchboard_cp_browser")
    upgrade(url)
    return url


async def serve_control_plane(database: str, **overrides: object) -> ServedApp:
    await truncate_all(database)
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await redis.aclose()
    overrides.setdefault("tts_url", "")  # no TTS unless a test serves one
    settings = make_settings(database, redis_url=REDIS_URL, **overrides)
    return await start_serving(create_app(settings))


@pytest.fixture
async def console(browser_database: str) -> AsyncIterator[Console]:
    served = await serve_control_plane(browser_database)
    try:
        yield Console(served)
    finally:
        await served.stop()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run tools/dev/ensure-chromium.sh"
    return CHROMIUM


@pytest.fixture
async def browser(chromium_path: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(chromium_path),
            args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
        )
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        await context.close()
    assert errors == [], f"script errors in the console: {errors}"


async def shot(page: Page, name: str) -> None:
    """A full-page screenshot under .run/screenshots (a test artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def sign_in(page: Page, console: Console, key: str) -> None:
    await page.goto(console.admin)
    await page.get_by_label("API key", exact=True).fill(key)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()


async def open_section(page: Page, name: str) -> None:
    link = page.get_by_role("navigation", name="Tenant").get_by_role("link", name=name, exact=True)
    await link.click()
    await expect(link).to_have_attribute("aria-current", "page")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page.get_by_text(re.compile("^Loading"))).to_have_count(0)
