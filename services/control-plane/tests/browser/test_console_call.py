"""A call placed with the call simulator through the real runtime, STT and TTS shows up in the
console: built and published in the browser, then the call page with its transcript, the
per-turn latency waterfall and the end reason; home and analytics count it."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from switchboard_callsim import Scenario
from tests.browser.call_stack import TTS_TOKEN, CallStack, running_call_stack
from tests.browser.conftest import (
    ADMIN_KEY,
    REDIS_URL,
    Console,
    open_section,
    serve_control_plane,
    shot,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.models, pytest.mark.integration]
NUMBER = "+15005550142"
SCENARIO = Scenario.model_validate(
    {
        "name": "console",
        "description": "One question answered by a quick reply, then the caller hangs up.",
        "to_number": NUMBER,
        "max_duration_s": 60,
        "defaults": {"after_agent_silence_ms": 600, "reply_timeout_ms": 15000},
        "steps": [{"say": "When are you open?"}, {"hangup": True}],
    }
)


@pytest.fixture
async def stack(tmp_path: Path, browser_database: str) -> AsyncIterator[tuple[Console, CallStack]]:
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    async with running_call_stack(tmp_path, REDIS_URL, recordings) as calls:
        served = await serve_control_plane(
            browser_database,
            tts_url=calls.tts.url,
            tts_token=TTS_TOKEN,
            recordings={"backend": "dir", "dir": recordings},
        )
        try:
            yield Console(served), calls
        finally:
            await served.stop()


async def build_agent(page: Page) -> None:
    await page.get_by_label("New tenant name").fill("Call Dental")
    await page.get_by_role("button", name="Create tenant").click()
    await open_section(page, "Agents")
    await page.get_by_label("New agent name").fill("Front desk")
    await page.get_by_role("button", name="Create agent").click()
    await page.get_by_label("Greeting").fill("Thanks for calling Call Dental, how can I help?")
    await page.get_by_role("button", name="Add quick reply").click()
    await page.locator('textarea[name="quick_replies.0.phrases"]').fill("when are you open")
    await page.locator('[name="quick_replies.0.answer"]').fill(
        "We are open Monday to Friday, nine to five."
    )
    await page.get_by_label("Recording", exact=True).check()
    # The voice preview: the TTS service speaks the form's voice settings.
    await page.get_by_role("button", name="Preview voice").click()
    preview = page.get_by_label("Voice preview")
    await expect(preview).to_be_visible(timeout=30_000)
    await preview.evaluate(
        "a => a.readyState >= 1 ? null : new Promise(r => a.addEventListener('loadedmetadata', r))"
    )
    assert await preview.evaluate("a => a.duration") > 1.0
    await page.get_by_role("button", name="Save as new version").click()
    await expect(page.get_by_role("status")).to_contain_text("Saved as version 1")
    await page.get_by_role("button", name="Publish 1").click()
    await expect(page.get_by_text("live: version 1")).to_be_visible()
    await open_section(page, "Numbers")
    await page.get_by_label("Number (E.164)").fill(NUMBER)
    await page.get_by_label("Agent", exact=True).select_option(label="Front desk")
    await page.get_by_role("button", name="Add number").click()
    await expect(page.get_by_role("cell", name=NUMBER, exact=True)).to_be_visible()


async def wait_in_sync(console: Console, tenant_id: str) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    async with httpx.AsyncClient(base_url=console.url, headers=headers) as api:
        async with asyncio.timeout(15):
            while True:
                if (await api.get(f"/v1/tenants/{tenant_id}/runtime")).json()["in_sync"]:
                    return
                await asyncio.sleep(0.2)


async def test_a_simulated_call_appears_with_transcript_and_waterfall(
    stack: tuple[Console, CallStack], page: Page
) -> None:
    console, calls = stack
    await sign_in(page, console, ADMIN_KEY)
    await build_agent(page)
    tenant_id = page.url.rsplit("/t/", 1)[1].split("/")[0]
    await wait_in_sync(console, tenant_id)

    report = await calls.call(SCENARIO)
    assert not report.errors and report.end_reason == "caller_hangup", report.to_dict()

    await open_section(page, "Calls")
    row = page.get_by_role("row").filter(has_text=NUMBER)
    async with asyncio.timeout(30):
        while not await row.count() or "in_progress" in await row.first.inner_text():
            await asyncio.sleep(0.5)
            await page.get_by_role("button", name="Filter").click()
            await page.wait_for_load_state("networkidle")
    await shot(page, "calls-with-a-call")
    await row.first.get_by_role("link").click()
    await expect(page.get_by_test_id("end-reason")).to_have_text("caller_hangup")
    # The post-call analysis (built-in rules: the agent has no LLM), once the worker ran it.
    async with asyncio.timeout(30):
        while "builtin" not in (await page.get_by_test_id("analysis-status").inner_text()):
            await asyncio.sleep(0.5)
            await page.reload()
            await expect(page.get_by_test_id("end-reason")).to_be_visible()
    await expect(page.get_by_test_id("analysis-status")).to_contain_text("When are you open")
    transcript = page.locator("ol.transcript li")
    await expect(transcript.first).to_contain_text("Call Dental")
    await expect(transcript.filter(has_text=re.compile("Monday", re.I))).to_have_count(1)
    waterfall = page.locator("figure.waterfall")
    await expect(waterfall.first).to_contain_text("voice-to-voice")
    bars = waterfall.first.locator("rect.bar")
    assert await bars.count() >= 4  # end of turn ... first frame out
    label = await waterfall.first.get_by_role("img").get_attribute("aria-label") or ""
    assert "First frame out" in label and "Transcript final" in label
    # The stereo recording plays, and a click on a transcript line seeks to it.
    audio = page.get_by_label("Call recording (stereo: caller left, agent right)")
    await expect(audio).to_be_visible()
    await audio.evaluate(
        "a => a.readyState >= 1 ? null : new Promise(r => a.addEventListener('loadedmetadata', r))"
    )
    assert await audio.evaluate("a => a.duration") > 5.0
    answer = transcript.filter(has_text=re.compile("Monday", re.I)).get_by_role("button")
    await answer.click()
    seconds = await audio.evaluate("a => a.currentTime")
    at_s = (await answer.get_attribute("aria-label") or "").split("Play from ", 1)[1].split(":")
    assert abs(seconds - (int(at_s[0]) * 60 + int(at_s[1][:2]))) < 1.0
    await page.wait_for_function(
        "s => { const a = document.querySelector('audio');"
        " return !a.paused && a.currentTime > s; }",
        arg=seconds + 0.2,
    )
    await page.get_by_label("Caller only").check()  # the channel choice keeps it playing
    await shot(page, "call")

    await open_section(page, "Home")
    await expect(page.get_by_role("region", name="Today").locator("dd").first).to_have_text("1")
    await shot(page, "home-with-a-call")
    await open_section(page, "Analytics")
    await expect(page.get_by_role("img", name=re.compile("Calls per day"))).to_be_visible()
    await shot(page, "analytics-with-a-call")
