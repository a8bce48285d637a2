"""The app frame: health, metrics, readiness after the warm-up, the service token."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr, ValidationError
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from switchboard_common.app_testing import serving
from switchboard_common.service_token import bearer_headers
from switchboard_stt.app import create_app
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText

URL = "/v1/audio/transcriptions"


async def test_app_answers_healthz_and_metrics_before_start() -> None:
    transport = httpx.ASGITransport(app=create_app(Settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        metrics = (await client.get("/metrics")).text
        assert "http_requests_total" in metrics
        assert "stt_queue_depth" in metrics


async def test_readyz_is_green_only_after_the_model_warmed_up(
    whisper_tiny: WhisperSpeechToText,
) -> None:
    app = create_app(Settings(warmup=True), stt=whisper_tiny)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        before = await client.get("/readyz")
        assert before.status_code == 503
        transcribe = await client.post(
            "/v1/audio/transcriptions",
            content=b"\x00\x00" * 100,
            headers={"content-type": "application/octet-stream"},
        )
        assert transcribe.status_code == 503
        assert transcribe.json()["error"]["code"] == "not_ready"
        async with app.router.lifespan_context(app):
            assert (await client.get("/readyz")).status_code == 200
            metrics = (await client.get("/metrics")).text
            assert "stt_real_time_factor" in metrics
        assert (await client.get("/readyz")).status_code == 503


async def test_every_route_but_health_needs_the_service_token() -> None:
    token = SecretStr("stt-token-0123456789abcdef")
    app = create_app(Settings(service_token=token, warmup=False))
    raw = {"content-type": "application/octet-stream"}
    async with serving(app, lifespan="off") as url, httpx.AsyncClient(base_url=url) as client:
        anonymous = await client.post(URL, content=b"\x00\x00" * 100, headers=raw)
        assert anonymous.status_code == 401
        assert anonymous.json()["error"]["code"] == "unauthorized"
        assert (await client.get("/readyz")).status_code == 503  # open, and not ready yet
        signed = await client.post(
            URL, content=b"\x00\x00" * 100, headers={**raw, **bearer_headers(token)}
        )
        assert signed.json()["error"]["code"] == "not_ready"  # past the token check
        with pytest.raises(InvalidStatus):
            async with connect(url.replace("http://", "ws://") + "/v1/stream"):
                pass


def test_production_refuses_to_start_without_a_service_token() -> None:
    with pytest.raises(ValidationError, match="service_token"):
        Settings(environment="production")
