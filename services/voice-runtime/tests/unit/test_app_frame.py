"""The voice-runtime app answers the shared health and metrics routes."""

from __future__ import annotations

import httpx

from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.settings import Settings


async def test_app_answers_healthz_and_metrics() -> None:
    transport = httpx.ASGITransport(app=create_app(Settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        assert "http_requests_total" in (await client.get("/metrics")).text
