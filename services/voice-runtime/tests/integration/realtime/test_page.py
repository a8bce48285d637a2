"""The talk page and its scripts are served with their types and a strict CSP; nothing else
under the prefix is."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from switchboard_voice_runtime.realtime.page import TALK_PATH, talk_page_router

pytestmark = pytest.mark.integration


def _client() -> httpx.AsyncClient:
    app = FastAPI()
    app.include_router(talk_page_router())
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://rt.test")


async def test_the_page_and_its_scripts_are_served() -> None:
    async with _client() as client:
        page = await client.get(TALK_PATH)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert 'src="talk.js"' in page.text
        for script in ("talk.js", "pcm-worklet.js"):
            response = await client.get(f"/v1/realtime/{script}")
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/javascript")


async def test_responses_carry_a_strict_content_security_policy() -> None:
    async with _client() as client:
        headers = (await client.get(TALK_PATH)).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("name", ["talk.html", "../page.py", "secrets", "page.py"])
async def test_nothing_else_is_served(name: str) -> None:
    async with _client() as client:
        assert (await client.get(f"/v1/realtime/{name}")).status_code == 404
