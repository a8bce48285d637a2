"""The app frame answers health and metrics before the engines load, and wants its token."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr, ValidationError

from switchboard_common.app_testing import serving
from switchboard_common.service_token import bearer_headers
from switchboard_tts.app import create_app
from switchboard_tts.settings import Settings


async def test_app_answers_healthz_and_metrics() -> None:
    transport = httpx.ASGITransport(app=create_app(Settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        metrics = (await client.get("/metrics")).text
        assert "http_requests_total" in metrics
        assert "tts_queue_depth" in metrics


async def test_every_route_but_health_needs_the_service_token() -> None:
    token = SecretStr("tts-token-0123456789abcdef")
    app = create_app(Settings(service_token=token, warmup=False))
    async with serving(app, lifespan="off") as url, httpx.AsyncClient(base_url=url) as client:
        body = {"input": "Hello there.", "response_format": "mulaw"}
        anonymous = await client.post("/v1/audio/speech", json=body)
        assert anonymous.status_code == 401
        assert anonymous.json()["error"]["code"] == "unauthorized"
        assert (await client.get("/v1/voices")).status_code == 401
        assert (await client.get("/readyz")).status_code == 503  # open, and not ready yet
        signed = await client.post("/v1/audio/speech", json=body, headers=bearer_headers(token))
        assert signed.json()["error"]["code"] == "not_ready"  # past the token check


def test_production_refuses_to_start_without_a_service_token() -> None:
    with pytest.raises(ValidationError, match="service_token"):
        Settings(environment="production")
