"""The app frame: health, metrics, readiness after the warm-up."""

from __future__ import annotations

import httpx

from switchboard_stt.app import create_app
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText


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
