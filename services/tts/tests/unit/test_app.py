"""The app frame answers health and metrics before the engines load."""

from __future__ import annotations

import httpx

from switchboard_tts.app import create_app
from switchboard_tts.settings import Settings


async def test_app_answers_healthz_and_metrics() -> None:
    transport = httpx.ASGITransport(app=create_app(Settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        metrics = (await client.get("/metrics")).text
        assert "http_requests_total" in metrics
        assert "tts_queue_depth" in metrics
