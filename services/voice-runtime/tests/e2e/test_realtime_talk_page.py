"""The talk page in a real headless Chromium (Debian's chromium, driven by Playwright; never
Playwright's own browser download) with a fake microphone playing a recorded question: the
agent's answer shows in the page's transcript and its audio arrives."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import numpy as np
import pytest
from playwright.async_api import async_playwright, expect

from switchboard_common.audio import wav_bytes
from switchboard_common.realtime_token import DEVELOPMENT_SIGNING_KEY, RealtimeSigner

from .stack import TTS_TOKEN, E2EStack
from .tenants import AGENT_ID, Tenants, tenant_id_for

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

CHROMIUM = Path(os.environ.get("SWITCHBOARD_CHROMIUM", "/usr/bin/chromium"))
RATE_HZ = 48_000


async def _question_wav(stack: E2EStack, path: Path) -> Path:
    """The question spoken by TTS after 3 s of silence (the greeting plays meanwhile), then 8 s
    of silence: Chromium loops the file, and the answer comes in the pause."""
    body = {"model": "piper", "input": "When are you open?", "voice": "piper:en_US-joe-medium",
            "response_format": "pcm", "sample_rate_hz": RATE_HZ}  # fmt: skip
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(
            f"{stack.tts.url}/v1/audio/speech",
            json=body,
            headers={"Authorization": f"Bearer {TTS_TOKEN}"},
        )
    response.raise_for_status()
    speech = np.frombuffer(response.content, dtype="<i2")
    silence = np.zeros(RATE_HZ, dtype=np.int16)
    pcm = np.concatenate([silence, silence, silence, speech, *([silence] * 8)])
    await asyncio.to_thread(path.write_bytes, wav_bytes(pcm, RATE_HZ))
    return path


async def test_the_talk_page_shows_the_answer_and_plays_its_audio(
    stack: E2EStack, tenants: Tenants, tmp_path: Path
) -> None:
    number = "+15557770005"
    await tenants.publish(number)
    secret, _ = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY).mint(
        tenant_id_for(number), AGENT_ID, 1, ttl_s=120
    )
    wav = await _question_wav(stack, tmp_path / "question.wav")
    args = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
        "--autoplay-policy=no-user-gesture-required",
        "--no-sandbox",
    ]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            page = await browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(
                f"{stack.runtime.url}/v1/realtime/talk#client_secret={secret}&autostart=1"
            )
            assistant = page.locator('#transcript li[data-role="assistant"][data-final="true"]')
            await expect(assistant.first).to_contain_text("Acme Dental", timeout=30_000)
            await expect(assistant.filter(has_text="nine")).to_have_count(1, timeout=60_000)
            user = page.locator('#transcript li[data-role="user"][data-final="true"]')
            await expect(user.filter(has_text="open")).not_to_have_count(0, timeout=5_000)
            audio_ms = await page.evaluate("window.talkState.audioMsReceived")
            assert page.url.endswith("/v1/realtime/talk"), "the secret left the address bar"
        finally:
            await browser.close()
    assert audio_ms > 2_000, audio_ms
    assert errors == []
